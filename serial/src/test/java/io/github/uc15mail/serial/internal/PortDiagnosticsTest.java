package io.github.uc15mail.serial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.serial.SerialPortException;
import io.github.uc15mail.serial.SerialPortException.Reason;
import org.junit.jupiter.api.Test;

/** Every message branch, with file facts built by hand (so permission cases run even as root). */
class PortDiagnosticsTest {

    private static PortFile device(String path, String owner, String group, String perms, boolean rw) {
        return new PortFile(path, true, false, null, false, rw, rw, owner, group, perms);
    }

    private static void assertOneSentenceNaming(String path, SerialPortException e) {
        String m = e.getMessage();
        assertTrue(m.contains(path), m);
        assertTrue(m.endsWith("."), "ends as a sentence: " + m);
        assertEquals(m.indexOf(". "), -1, "one sentence: " + m);
        assertEquals(path, e.path());
    }

    @Test
    void missing() {
        PortFile f = new PortFile("/dev/ttyUSB9", false, false, null, false, false, false, null, null, null);
        SerialPortException e = PortDiagnostics.checkBeforeOpen(f).orElseThrow();
        assertEquals(Reason.NOT_FOUND, e.reason());
        assertEquals("Serial port /dev/ttyUSB9 does not exist; check the path and that the modem is plugged in.",
                e.getMessage());
    }

    @Test
    void danglingByIdLink() {
        String path = "/dev/serial/by-id/usb-Qualcomm_UC15-if02-port0";
        PortFile f = new PortFile(path, false, true, "../../ttyUSB2", false, false, false, null, null, null);
        SerialPortException e = PortDiagnostics.checkBeforeOpen(f).orElseThrow();
        assertEquals(Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains("it is a link to ../../ttyUSB2, which is gone"), e.getMessage());
        assertOneSentenceNaming(path, e);
    }

    @Test
    void permissionDeniedNamesTheOwningGroupWhenTheGroupMayReadAndWrite() {
        PortFile f = device("/dev/ttyUSB2", "root", "dialout", "rw-rw----", false);
        SerialPortException e = PortDiagnostics.checkBeforeOpen(f).orElseThrow();
        assertEquals(Reason.PERMISSION_DENIED, e.reason());
        assertEquals("Permission denied on serial port /dev/ttyUSB2: add your user to the 'dialout' group that owns it"
                + " (sudo usermod -aG dialout $USER) and log in again.", e.getMessage());
    }

    @Test
    void permissionDeniedUsesTheActualGroupName() {
        PortFile f = device("/dev/ttyAMA0", "root", "uucp", "rw-rw----", false);
        SerialPortException e = PortDiagnostics.checkBeforeOpen(f).orElseThrow();
        assertTrue(e.getMessage().contains("'uucp' group"), e.getMessage());
        assertTrue(e.getMessage().contains("usermod -aG uucp"), e.getMessage());
        assertOneSentenceNaming("/dev/ttyAMA0", e);
    }

    @Test
    void permissionDeniedOnARootOnlyDeviceDescribesOwnerAndMode() {
        PortFile f = device("/dev/ttyUSB2", "root", "root", "rw-------", false);
        SerialPortException e = PortDiagnostics.checkBeforeOpen(f).orElseThrow();
        assertEquals(Reason.PERMISSION_DENIED, e.reason());
        assertTrue(e.getMessage().contains("owned by root:root with mode rw-------"), e.getMessage());
        assertTrue(e.getMessage().contains("dialout"), e.getMessage());
        assertOneSentenceNaming("/dev/ttyUSB2", e);
    }

    @Test
    void permissionDeniedWithUnknownAttributes() {
        PortFile f = device("/dev/ttyUSB2", null, null, null, false);
        SerialPortException e = PortDiagnostics.checkBeforeOpen(f).orElseThrow();
        assertTrue(e.getMessage().contains("read and write access"), e.getMessage());
        assertOneSentenceNaming("/dev/ttyUSB2", e);
    }

    @Test
    void readableButNotWritableIsStillDenied() {
        PortFile f = new PortFile("/dev/ttyUSB2", true, false, null, false, true, false, "root", "dialout", "rw-r-----");
        assertEquals(Reason.PERMISSION_DENIED, PortDiagnostics.checkBeforeOpen(f).orElseThrow().reason());
    }

    @Test
    void anAccessibleDevicePassesThePreCheck() {
        assertTrue(PortDiagnostics.checkBeforeOpen(device("/dev/ttyUSB2", "root", "dialout", "rw-rw----", true)).isEmpty());
    }

    @Test
    void openErrorsOnLinux() {
        PortFile ok = device("/dev/ttyUSB2", "root", "dialout", "rw-rw----", true);
        assertEquals(Reason.BUSY, PortDiagnostics.openFailed(ok, 11, false).reason());
        assertEquals(Reason.BUSY, PortDiagnostics.openFailed(ok, 16, false).reason());
        SerialPortException sameProcess = PortDiagnostics.openFailed(ok, 2, false);
        assertEquals(Reason.BUSY, sameProcess.reason());
        assertTrue(sameProcess.getMessage().contains("another transport in this application"));
        assertEquals(Reason.PERMISSION_DENIED, PortDiagnostics.openFailed(ok, 13, false).reason());
        assertEquals(Reason.NOT_FOUND, PortDiagnostics.openFailed(ok, 6, false).reason());
        assertEquals(Reason.OTHER, PortDiagnostics.openFailed(ok, 25, false).reason());
        SerialPortException odd = PortDiagnostics.openFailed(ok, 999, false);
        assertEquals(Reason.OTHER, odd.reason());
        for (int code : new int[] {2, 5, 6, 11, 13, 16, 19, 25, 999}) {
            assertOneSentenceNaming("/dev/ttyUSB2", PortDiagnostics.openFailed(ok, code, false));
        }
    }

    @Test
    void aDeviceThatVanishedDuringOpenIsNotFoundWhateverTheCode() {
        PortFile gone = new PortFile("/dev/ttyUSB2", false, false, null, false, false, false, null, null, null);
        assertEquals(Reason.NOT_FOUND, PortDiagnostics.openFailed(gone, 2, false).reason());
        assertEquals(Reason.NOT_FOUND, PortDiagnostics.openFailed(gone, 5, false).reason());
    }

    @Test
    void openErrorsOnWindows() {
        PortFile com = new PortFile("COM7", true, false, null, false, true, true, null, null, null);
        assertEquals(Reason.NOT_FOUND, PortDiagnostics.openFailed(com, 2, true).reason());
        assertEquals(Reason.BUSY, PortDiagnostics.openFailed(com, 5, true).reason());
        assertEquals(Reason.OTHER, PortDiagnostics.openFailed(com, 87, true).reason());
        assertOneSentenceNaming("COM7", PortDiagnostics.openFailed(com, 5, true));
    }

    @Test
    void disconnected() {
        SerialPortException e = PortDiagnostics.disconnected("/dev/ttyUSB2", "read failed, operating system error 5");
        assertEquals(Reason.DISCONNECTED, e.reason());
        assertOneSentenceNaming("/dev/ttyUSB2", e);
    }
}
