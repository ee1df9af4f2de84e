package io.github.uc15mail.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SerialPortsTest {

    private static SerialPortInfo uc15(String path, int iface) {
        return new SerialPortInfo(path, "Qualcomm CDMA Technologies MSM", 0x05C6, 0x9090, "1-1.4", iface);
    }

    @Test
    void listingThisMachineDoesNotThrow() {
        List<SerialPortInfo> ports = SerialPorts.list();
        assertNotNull(ports);
        ports.forEach(p -> assertNotNull(p.systemPath()));
        assertNotNull(SerialPorts.likelyAtPort());
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
        assertEquals(SerialPortInfo.ROLE_UNKNOWN, uc15("/dev/ttyUSB4", -1).role());
        assertEquals(SerialPortInfo.ROLE_NONE, SerialPortInfo.plain("/dev/ttyS0", "").role());
    }

    @Test
    void picksInterfaceTwoAsTheAtPort() {
        List<SerialPortInfo> ports = List.of(
                SerialPortInfo.plain("/dev/ttyS0", "Physical Port 0"),
                uc15("/dev/ttyUSB0", 0), uc15("/dev/ttyUSB1", 1), uc15("/dev/ttyUSB2", 2), uc15("/dev/ttyUSB3", 3));
        assertEquals(Optional.of("/dev/ttyUSB2"), SerialPorts.likelyAtPort(ports).map(SerialPortInfo::systemPath));
    }

    @Test
    void onWindowsTheDescriptionNamesTheAtPort() {
        List<SerialPortInfo> ports = List.of(
                new SerialPortInfo("COM5", "Quectel USB DM Port", 0x05C6, 0x9090, "", -2),
                new SerialPortInfo("COM7", "Quectel USB AT Port", 0x05C6, 0x9090, "", -2));
        assertEquals(Optional.of("COM7"), SerialPorts.likelyAtPort(ports).map(SerialPortInfo::systemPath));
    }

    @Test
    void noUc15MeansNoGuess() {
        assertTrue(SerialPorts.likelyAtPort(List.of(SerialPortInfo.plain("/dev/ttyS0", ""))).isEmpty());
        assertTrue(SerialPorts.likelyAtPort(List.of()).isEmpty());
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

    /** The ids the reference lists (quectel-smtp-family.md section 1), each with its models and SMTP expectation. */
    @ParameterizedTest
    @CsvSource({
            "05C6, 9090, UC15, UC15, true",
            "05C6, 9003, UC20, UC20, true",
            "05C6, 9215, EC20, EC20, true",
            "2C7C, 0125, EC25, EC25/EG25-G/EM05, true",
            "2C7C, 0121, EC21, EC21, true",
            "2C7C, 0191, EG91, EG91, true",
            "2C7C, 0195, EG95, EG95, true",
            "2C7C, 0435, AG35, AG35, true",
            "2C7C, 0296, BG96, BG96, false",
            "2C7C, 0700, BG95, BG95, false"})
    void recognisesTheFamilysUsbIds(String vid, String pid, ModemUsbId id, String models, boolean smtp) {
        SerialPortInfo p = new SerialPortInfo("/dev/ttyUSB2", "", Integer.parseInt(vid, 16), Integer.parseInt(pid, 16),
                "1-1.4:1.2", 2);
        assertEquals(Optional.of(id), p.modemUsbId());
        assertTrue(p.isKnownModem());
        assertEquals(models, id.models());
        assertEquals(smtp, id.smtpExpected());
        assertEquals(2, id.atInterface());
        assertEquals(SerialPortInfo.ROLE_AT, p.role());
        assertTrue(p.toString().startsWith("/dev/ttyUSB2 [" + vid.toLowerCase() + ":" + pid.toLowerCase() + " if 2] "
                + models + " AT commands (likely)"), p.toString());
        assertEquals(!smtp, p.toString().contains("(no SMTP service)"), p.toString());
    }

    @ParameterizedTest
    @CsvSource({"2C7C, 0126", "2C7C, 0901", "05C6, 9091", "0403, 6001", "2C7C, 0000"})
    void otherIdsAreNotRecognised(String vid, String pid) {
        SerialPortInfo p = new SerialPortInfo("/dev/ttyUSB2", "", Integer.parseInt(vid, 16), Integer.parseInt(pid, 16), "", 2);
        assertFalse(p.isKnownModem());
        assertEquals(SerialPortInfo.ROLE_NONE, p.role());
    }

    @Test
    void picksTheEc25sInterfaceTwo() {
        List<SerialPortInfo> ports = List.of(
                SerialPortInfo.plain("/dev/ttyAMA0", "PL011"),
                ec25("/dev/ttyUSB0", 0), ec25("/dev/ttyUSB1", 1), ec25("/dev/ttyUSB2", 2), ec25("/dev/ttyUSB3", 3));
        assertEquals(Optional.of("/dev/ttyUSB2"), SerialPorts.likelyAtPort(ports).map(SerialPortInfo::systemPath));
        assertEquals("DM diagnostics (likely)", ports.get(1).role());
        assertEquals("modem (PPP) (likely)", ports.get(4).role());
        assertFalse(ports.get(3).isUc15());
    }

    @Test
    void aModuleWithSmtpWinsOverOneWithout() {
        List<SerialPortInfo> ports = List.of(
                new SerialPortInfo("/dev/ttyUSB2", "", 0x2C7C, 0x0296, "1-1.2", 2),
                ec25("/dev/ttyUSB6", 2));
        assertEquals(Optional.of("/dev/ttyUSB6"), SerialPorts.likelyAtPort(ports).map(SerialPortInfo::systemPath));
        List<SerialPortInfo> onlyBg96 = List.of(new SerialPortInfo("/dev/ttyUSB2", "", 0x2C7C, 0x0296, "1-1.2", 2));
        assertEquals(Optional.of("/dev/ttyUSB2"), SerialPorts.likelyAtPort(onlyBg96).map(SerialPortInfo::systemPath),
                "still shown, so that probe can say it has no SMTP");
    }

    @Test
    void onWindowsAnEc25sAtPortIsFoundByItsDescription() {
        List<SerialPortInfo> ports = List.of(
                new SerialPortInfo("COM3", "Quectel USB DM Port", 0x2C7C, 0x0125, "", -1),
                new SerialPortInfo("COM4", "Quectel USB AT Port", 0x2C7C, 0x0125, "", -1));
        assertEquals(Optional.of("COM4"), SerialPorts.likelyAtPort(ports).map(SerialPortInfo::systemPath));
    }

    @Test
    @SuppressWarnings("deprecation")
    void theFormerNamesStillWork() {
        List<SerialPortInfo> ports = List.of(ec25("/dev/ttyUSB2", 2));
        assertEquals(SerialPorts.likelyAtPort(ports), SerialPorts.likelyUc15AtPort(ports));
        assertEquals(SerialPortInfo.ROLE_UNKNOWN, SerialPortInfo.ROLE_UNKNOWN_UC15);
    }

    private static SerialPortInfo ec25(String path, int iface) {
        return new SerialPortInfo(path, "Android", 0x2C7C, 0x0125, "1-1.3", iface);
    }
}
