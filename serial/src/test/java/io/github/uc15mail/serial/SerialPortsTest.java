package io.github.uc15mail.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SerialPortsTest {

    private static SerialPortInfo uc15(String path, int iface) {
        return new SerialPortInfo(path, "Qualcomm CDMA Technologies MSM", 0x05C6, 0x9090, "1-1.4", iface);
    }

    @Test
    void listingThisMachineDoesNotThrow() {
        List<SerialPortInfo> ports = SerialPorts.list();
        assertNotNull(ports);
        ports.forEach(p -> assertNotNull(p.systemPath()));
        assertNotNull(SerialPorts.likelyUc15AtPort());
    }

    @Test
    void recognisesTheUc15ByVendorAndProduct() {
        assertTrue(uc15("/dev/ttyUSB2", 2).isUc15());
        assertFalse(new SerialPortInfo("/dev/ttyUSB0", "FT232R", 0x0403, 0x6001, "1-2", 0).isUc15());
        assertFalse(new SerialPortInfo("/dev/ttyUSB0", "", 0x05C6, 0x9091, "1-2", 2).isUc15(), "other Qualcomm product");
        assertFalse(SerialPortInfo.plain("/dev/ttyAMA0", "Physical Port AMA0").isUc15());
    }

    @Test
    void rolesFollowTheInterfaceNumberAndAreMarkedAsGuesses() {
        assertEquals("DM diagnostics (likely)", uc15("/dev/ttyUSB0", 0).role());
        assertEquals("NMEA (likely)", uc15("/dev/ttyUSB1", 1).role());
        assertEquals("AT commands (likely)", uc15("/dev/ttyUSB2", 2).role());
        assertEquals("modem (PPP) (likely)", uc15("/dev/ttyUSB3", 3).role());
        assertEquals(SerialPortInfo.ROLE_UNKNOWN_UC15, uc15("/dev/ttyUSB4", -1).role());
        assertEquals(SerialPortInfo.ROLE_NONE, SerialPortInfo.plain("/dev/ttyS0", "").role());
    }

    @Test
    void picksInterfaceTwoAsTheAtPort() {
        List<SerialPortInfo> ports = List.of(
                SerialPortInfo.plain("/dev/ttyS0", "Physical Port 0"),
                uc15("/dev/ttyUSB0", 0), uc15("/dev/ttyUSB1", 1), uc15("/dev/ttyUSB2", 2), uc15("/dev/ttyUSB3", 3));
        assertEquals(Optional.of("/dev/ttyUSB2"), SerialPorts.likelyUc15AtPort(ports).map(SerialPortInfo::systemPath));
    }

    @Test
    void onWindowsTheDescriptionNamesTheAtPort() {
        List<SerialPortInfo> ports = List.of(
                new SerialPortInfo("COM5", "Quectel USB DM Port", 0x05C6, 0x9090, "", -2),
                new SerialPortInfo("COM7", "Quectel USB AT Port", 0x05C6, 0x9090, "", -2));
        assertEquals(Optional.of("COM7"), SerialPorts.likelyUc15AtPort(ports).map(SerialPortInfo::systemPath));
    }

    @Test
    void noUc15MeansNoGuess() {
        assertTrue(SerialPorts.likelyUc15AtPort(List.of(SerialPortInfo.plain("/dev/ttyS0", ""))).isEmpty());
        assertTrue(SerialPorts.likelyUc15AtPort(List.of()).isEmpty());
    }

    @Test
    void toStringShowsIdsAndRole() {
        String s = uc15("/dev/ttyUSB2", 2).toString();
        assertTrue(s.startsWith("/dev/ttyUSB2 [05c6:9090 if 2] UC15 AT commands (likely)"), s);
        SerialPortInfo normalised = new SerialPortInfo("/dev/ttyS0", null, -1, -1, null, -1);
        assertEquals("", normalised.description());
        assertEquals("", normalised.location());
        assertEquals("/dev/ttyS0", normalised.toString());
    }
}
