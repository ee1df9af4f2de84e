package io.github.uc15mail.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.serial.SerialPortException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening paths that cannot work, on the real file system. None of these needs socat. The messages' every
 * branch is also covered, with faked file facts, by {@code PortDiagnosticsTest}.
 */
class OpenFailureTest {

    @TempDir
    Path dir;

    private static SerialPortException openFails(String path) {
        SerialTransport t = new SerialTransport(path);
        SerialPortException e = assertThrows(SerialPortException.class, () -> t.open(new Recorder()));
        assertFalse(t.isOpen());
        assertTrue(e.getMessage().contains(path), "message names the path: " + e.getMessage());
        assertEquals(path, e.path());
        return e;
    }

    @Test
    void aMissingPathSaysItDoesNotExist() {
        String path = dir.resolve("ttyUSB9").toString();
        SerialPortException e = openFails(path);
        assertEquals(Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().startsWith("Serial port " + path + " does not exist"), e.getMessage());
    }

    @Test
    void aDanglingLinkNamesWhereItPointed() throws Exception {
        Path link = dir.resolve("modem");
        Files.createSymbolicLink(link, dir.resolve("pts-gone"));
        SerialPortException e = openFails(link.toString());
        assertEquals(Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains("link to " + dir.resolve("pts-gone") + ", which is gone"), e.getMessage());
    }

    @Test
    void aRegularFileIsNotASerialDevice() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-tty"), "");
        SerialPortException e = openFails(file.toString());
        assertEquals(Reason.OTHER, e.reason());
        assertTrue(e.getMessage().contains("is not a serial device"), e.getMessage());
    }

    @Test
    void aDirectoryIsNotASerialDevice() {
        SerialPortException e = openFails(dir.toString());
        assertEquals(Reason.OTHER, e.reason());
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    @Test
    void aFileWithoutPermissionSaysPermissionDenied() throws Exception {
        Path file = Files.writeString(dir.resolve("ttyLocked"), "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        // Root (as in CI) bypasses permission bits, so there is nothing real to observe; the message logic is
        // then covered only by PortDiagnosticsTest's faked attributes.
        Assumptions.assumeFalse(Files.isReadable(file) || Files.isWritable(file),
                "running as a privileged user (root): permission bits are not enforced, so the real"
                        + " permission-denied path cannot be observed; PortDiagnosticsTest covers the message");
        SerialPortException e = openFails(file.toString());
        assertEquals(Reason.PERMISSION_DENIED, e.reason());
        assertTrue(e.getMessage().startsWith("Permission denied on serial port " + file), e.getMessage());
    }
}
