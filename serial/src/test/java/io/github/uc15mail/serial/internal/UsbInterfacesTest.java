package io.github.uc15mail.serial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.uc15mail.serial.SerialPortInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsbInterfacesTest {

    @TempDir
    Path root;

    /** Lays out sysfs as the option driver does: class/tty/ttyUSBn/device -> .../1-1:1.n/ttyUSBn. */
    private Path fakeSysfs(String tty, String interfaceDir, String bInterfaceNumber) throws Exception {
        Path iface = Files.createDirectories(root.resolve("devices/usb1/1-1").resolve(interfaceDir));
        Path port = Files.createDirectories(iface.resolve(tty));
        Files.writeString(iface.resolve("bInterfaceNumber"), bInterfaceNumber + "\n");
        Path classTty = Files.createDirectories(root.resolve("class/tty").resolve(tty));
        Files.createSymbolicLink(classTty.resolve("device"), port);
        return root.resolve("class/tty");
    }

    @Test
    void readsTheInterfaceNumberFromSysfs() throws Exception {
        Path classTty = fakeSysfs("ttyUSB2", "1-1:1.2", "02");
        assertEquals(2, UsbInterfaces.fromSysfs(classTty, "/dev/ttyUSB2"));
    }

    @Test
    void sysfsNumberIsHex() throws Exception {
        Path classTty = fakeSysfs("ttyUSB7", "1-1:1.10", "0a");
        assertEquals(10, UsbInterfaces.fromSysfs(classTty, "/dev/ttyUSB7"));
    }

    @Test
    void noSysfsEntryIsUnknown() {
        assertEquals(-1, UsbInterfaces.fromSysfs(root, "/dev/ttyUSB2"));
        assertEquals(-1, UsbInterfaces.fromSysfs(root, "COM7"));
    }

    @Test
    void parsesTheInterfaceFromALocation() {
        assertEquals(2, UsbInterfaces.fromLocation("1-1.3:1.2"));
        assertEquals(-1, UsbInterfaces.fromLocation("1-1.3"));
        assertEquals(-1, UsbInterfaces.fromLocation(""));
        assertEquals(-1, UsbInterfaces.fromLocation(null));
    }

    @Test
    void guessesUc15InterfacesByPathOrderWhenAllAreUnknown() {
        List<SerialPortInfo> in = List.of(
                uc15("/dev/ttyUSB11", -1), uc15("/dev/ttyUSB8", -1), uc15("/dev/ttyUSB10", -1), uc15("/dev/ttyUSB9", -1),
                SerialPortInfo.plain("/dev/ttyS0", "Physical Port 0"));
        List<SerialPortInfo> out = UsbInterfaces.guessMissingByOrder(in);
        assertEquals(3, out.get(0).interfaceNumber());
        assertEquals(0, out.get(1).interfaceNumber());
        assertEquals(2, out.get(2).interfaceNumber());
        assertEquals(1, out.get(3).interfaceNumber());
        assertEquals(-1, out.get(4).interfaceNumber());
    }

    @Test
    void leavesKnownNumbersAlone() {
        List<SerialPortInfo> in = List.of(uc15("/dev/ttyUSB0", -1), uc15("/dev/ttyUSB1", 3));
        assertEquals(in, UsbInterfaces.guessMissingByOrder(in));
    }

    @Test
    void guessesEc25InterfacesTooAndKeepsTwoModulesApart() {
        List<SerialPortInfo> in = List.of(
                ec25("/dev/ttyUSB3", -1), ec25("/dev/ttyUSB0", -1), ec25("/dev/ttyUSB2", -1), ec25("/dev/ttyUSB1", -1),
                uc15("/dev/ttyUSB5", -1), uc15("/dev/ttyUSB4", -1));
        List<SerialPortInfo> out = UsbInterfaces.guessMissingByOrder(in);
        assertEquals(List.of(3, 0, 2, 1, 1, 0), out.stream().map(SerialPortInfo::interfaceNumber).toList());
    }

    @Test
    void moreThanFourPortsOfOneModuleAreLeftUnknown() {
        List<SerialPortInfo> in = List.of(ec25("/dev/ttyUSB0", -1), ec25("/dev/ttyUSB1", -1), ec25("/dev/ttyUSB2", -1),
                ec25("/dev/ttyUSB3", -1), ec25("/dev/ttyUSB4", -1));
        assertEquals(in, UsbInterfaces.guessMissingByOrder(in));
    }

    private static SerialPortInfo ec25(String path, int iface) {
        return new SerialPortInfo(path, "Android", 0x2C7C, 0x0125, "1-1.3", iface);
    }

    private static SerialPortInfo uc15(String path, int iface) {
        return new SerialPortInfo(path, "Qualcomm CDMA Technologies MSM", 0x05C6, 0x9090, "1-1.4", iface);
    }
}
