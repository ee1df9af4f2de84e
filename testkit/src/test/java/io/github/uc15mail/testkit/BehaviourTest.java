package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Line discipline, limits, files and data mode as the reference describes them. */
class BehaviourTest {

    private static final String S50 = "a".repeat(50);
    private static final String S51 = "a".repeat(51);

    private static Modem modem(Uc15Emulator emu) {
        return new Modem(RawAtClient.connect(emu));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "AT+QSMTPCFG=\"account\",\"{A51}\",\"p\"",
        "AT+QSMTPCFG=\"sender\",\"n\",\"{A51}\"",
        "AT+QSMTPCFG=\"smtpserver\",\"{A51}\",25",
        "AT+QSMTPCFG=\"smtpserver\",\"h\",0",
        "AT+QSMTPCFG=\"smtpserver\",\"h\",65536",
        "AT+QSMTPCFG=\"contextid\",0",
        "AT+QSMTPCFG=\"contextid\",17",
        "AT+QSMTPCFG=\"sslctxid\",6",
        "AT+QSMTPCFG=\"ssltype\",3",
        "AT+QSMTPCFG=\"nosuch\",1",
        "AT+QSMTPCFG=\"account\",\"a\"b\",\"p\"",
        "AT+QSMTPCFG=\"account\",\"unterminated",
        "AT+QSMTPDST=1,4,\"a@b.c\"",
        "AT+QSMTPDST=2",
        "AT+QSMTPDST=1,1,\"{A51}\"",
        "AT+QSMTPSUB=0,\"{S101}\"",
        "AT+QSMTPSUB=1,\"414\"",
        "AT+QSMTPSUB=1,\"ZZ\"",
        "AT+QSMTPSUB=1,\"{H101}\"",
        "AT+QSMTPSUB=4,\"x\"",
        "AT+QSMTPBODY=0,0",
        "AT+QSMTPBODY=0,10241",
        "AT+QSMTPBODY=4,10",
        "AT+QSMTPBODY=0,10,0",
        "AT+QSMTPATT=1,0,\"RAM:x\"",
        "AT+QSMTPATT=1,11,\"RAM:x\"",
        "AT+QSMTPPUT=59",
        "AT+QSMTPPUT=65536",
    })
    void limitsAnswer664(String template) {
        String command = template.replace("{A51}", S51).replace("{S101}", "s".repeat(101)).replace("{H101}", "41".repeat(101));
        try (Uc15Emulator emu = Uc15Emulator.create()) {
            Modem m = modem(emu);
            assertEquals("+CME ERROR: 664", m.result(command));
        }
    }

    @Test
    void limitsAtTheEdgeAreAccepted() {
        try (Uc15Emulator emu = Uc15Emulator.create()) {
            Modem m = modem(emu);
            m.ok("AT+QSMTPCFG=\"account\",\"" + S50 + "\",\"" + S50 + "\"");
            m.ok("AT+QSMTPCFG=\"smtpserver\",\"" + S50 + "\",65535");
            m.ok("AT+QSMTPSUB=0,\"" + "s".repeat(100) + "\"");
            m.ok("AT+QSMTPSUB=1,\"" + "41".repeat(100) + "\"");
            m.ok("AT+QSMTPSUB=0,\"\"");
            for (int i = 0; i < 20; i++) {
                m.to(1 + i % 3, "r" + i + "@example.com");
            }
            assertEquals("+CME ERROR: 664", m.result("AT+QSMTPDST=1,1,\"r20@example.com\""));
            assertEquals(S51.length(), 51);
        }
    }

    @Test
    void errorsBeforeSending() {
        try (Uc15Emulator emu = Uc15Emulator.create()) {
            Modem m = modem(emu);
            assertEquals("+CME ERROR: 659", m.result("AT+QSMTPPUT=60"));
            m.to(1, "a@example.com");
            m.ok("AT+QSMTPCFG=\"smtpserver\",\"127.0.0.1\",25");
            assertEquals("+QSMTPPUT: 657,0", m.put(), "context 1 not active");
            assertEquals("+CME ERROR: 661", m.result("AT+QSMTPATT=1,1,\"RAM:none.txt\""));
        }
    }

    @Test
    void cmeeModes() {
        try (Uc15Emulator emu = Uc15Emulator.create()) {
            Modem m = modem(emu);
            assertEquals(List.of("+CMEE: 1", "OK"), m.at.command("AT+CMEE?"));
            m.ok("AT+CMEE=2");
            assertEquals("+CME ERROR: invalid parameter", m.result("AT+QSMTPPUT=1"));
            m.ok("AT+CMEE=0");
            assertEquals("ERROR", m.result("AT+QSMTPPUT=1"));
        }
    }

    @Test
    void simAndRegistration() {
        try (Uc15Emulator emu = Uc15Emulator.builder().simReady(false).build()) {
            Modem m = modem(emu);
            assertEquals("+CME ERROR: 10", m.result("AT+CPIN?"));
            assertEquals("ERROR", m.result("AT+QSMTPDST?"));
            assertEquals("ERROR", m.result("AT+QIACT=1"));
        }
        try (Uc15Emulator emu = Uc15Emulator.builder().registered(false).build()) {
            Modem m = modem(emu);
            assertEquals(List.of("+CPIN: READY", "OK"), m.at.command("AT+CPIN?"));
            assertEquals(List.of("+CGREG: 0,2", "OK"), m.at.command("AT+CGREG?"));
            assertEquals(List.of("+CGATT: 0", "OK"), m.at.command("AT+CGATT?"));
            assertEquals("ERROR", m.result("AT+QIACT=1"));
        }
    }

    @Test
    void pdpContexts() {
        try (Uc15Emulator emu = Uc15Emulator.builder().pdpActiveAtStart(1).build()) {
            Modem m = modem(emu);
            assertEquals(List.of("+CGREG: 0,1", "OK"), m.at.command("AT+CGREG?"));
            assertEquals("ERROR", m.result("AT+QIACT=1"), "already active");
            m.ok("AT+QICSGP=2,1,\"internet\",\"u\",\"p\",3");
            assertEquals(List.of("+QICSGP: 1,\"internet\",\"u\",\"p\",3", "OK"), m.at.command("AT+QICSGP=2"));
            m.ok("AT+QIACT=2");
            m.ok("AT+QIACT=3");
            assertEquals("ERROR", m.result("AT+QIACT=4"), "at most 3 active");
            assertEquals(List.of("+QIACT: 1,1,1,\"10.7.157.1\"", "+QIACT: 2,1,1,\"10.7.157.2\"",
                    "+QIACT: 3,1,1,\"10.7.157.3\"", "OK"), m.at.command("AT+QIACT?"));
            m.ok("AT+QIDEACT=1");
            m.ok("AT+QIDEACT=2");
            m.ok("AT+QIDEACT=3");
            assertEquals(List.of("OK"), m.at.command("AT+QIACT?"));
        }
    }

    @Test
    void sslConfigReadBack() {
        try (Uc15Emulator emu = Uc15Emulator.create()) {
            Modem m = modem(emu);
            m.ok("AT+QSSLCFG=\"sslversion\",3,3");
            assertEquals(List.of("+QSSLCFG: \"sslversion\",3,3", "OK"), m.at.command("AT+QSSLCFG=\"sslversion\",3"));
            m.ok("AT+QSSLCFG=\"ciphersuite\",3,0X0035");
            assertEquals(List.of("+QSSLCFG: \"ciphersuite\",3,0X0035", "OK"), m.at.command("AT+QSSLCFG=\"ciphersuite\",3"));
            m.ok("AT+QSSLCFG=\"cacert\",3,\"RAM:ca.pem\"");
            assertEquals(List.of("+QSSLCFG: \"cacert\",3,\"RAM:ca.pem\"", "OK"), m.at.command("AT+QSSLCFG=\"cacert\",3"));
            assertEquals("ERROR", m.result("AT+QSSLCFG=\"sni\",3,1"));
        }
    }

    @Test
    void fileCommands() {
        try (Uc15Emulator emu = Uc15Emulator.builder().ramCapacity(5000).build()) {
            Modem m = modem(emu);
            assertEquals(List.of("CONNECT", "+QFUPL: 3,262", "OK"), m.at.dataCommand("AT+QFUPL=\"RAM:abc\",3", "abc".getBytes()));
            assertEquals(List.of("CONNECT", "+QFUPL: 4,206", "OK"), m.at.dataCommand("AT+QFUPL=\"RAM:abcd\",4", "abcd".getBytes()));
            assertEquals("+CME ERROR: 407", m.result("AT+QFUPL=\"RAM:abc\",3"));
            assertEquals(List.of("+QFLDS: 4993,5000", "OK"), m.at.command("AT+QFLDS=\"RAM\""));
            assertEquals("+CME ERROR: 423", m.result("AT+QFUPL=\"RAM:big\",4994"));
            assertEquals(List.of("+QFLST: \"RAM:abc\",3", "+QFLST: \"RAM:abcd\",4", "OK"), m.at.command("AT+QFLST=\"RAM:*\""));
            m.ok("AT+QFDEL=\"RAM:abc\"");
            assertEquals("+CME ERROR: 404", m.result("AT+QFDEL=\"RAM:abc\""));
            m.ok("AT+QFDEL=\"RAM:*\"");
            assertTrue(emu.ramFiles().isEmpty());
            assertEquals(List.of("+QFLDS: 5000,5000", "OK"), m.at.command("AT+QFLDS=\"RAM\""));
        }
    }

    @Test
    void uploadEndsOnPlusPlusPlusWithGuardTimesAndOnTimeout() {
        try (Uc15Emulator emu = Uc15Emulator.create()) {
            Modem m = modem(emu);
            assertEquals("CONNECT", Modem.last(m.at.command("AT+QFUPL=\"RAM:p\",100,2")));
            m.at.write("12345");
            AtScript.sleep(1100);
            m.at.write("+++");
            assertEquals(List.of("+QFUPL: 5,3706", "OK"), m.at.readResponse(Duration.ofSeconds(5)));
            assertArrayEquals("12345".getBytes(), emu.ramFiles().get("RAM:p"));
            assertEquals("CONNECT", Modem.last(m.at.command("AT+QFUPL=\"RAM:t\",100,1")));
            m.at.write("xy");
            assertEquals(List.of("+QFUPL: 2,7879", "OK"), m.at.readResponse(Duration.ofSeconds(5)));
        }
    }

    @Test
    void plusPlusPlusWithoutGuardTimeIsData() {
        try (Uc15Emulator emu = Uc15Emulator.create()) {
            Modem m = modem(emu);
            byte[] body = "a+++b\r\n+++\r\nc".getBytes(StandardCharsets.US_ASCII);
            assertEquals(List.of("CONNECT", "+QSMTPBODY: " + body.length, "OK"),
                    m.at.dataCommand("AT+QSMTPBODY=0," + body.length, body));
            assertEquals("CONNECT", Modem.last(m.at.command("AT+QSMTPBODY=0,20")));
            m.at.write("x+++");
            assertNull(m.at.nextLine(Duration.ofMillis(1500)), "no guard before: still data mode");
            assertTrue(emu.isInDataMode());
            m.at.write("y");
            AtScript.sleep(1100);
            m.at.write("+++");
            assertEquals(List.of("+QSMTPBODY: 5", "OK"), m.at.readResponse(Duration.ofSeconds(5)));
            assertEquals("x+++y", emu.commands().get(emu.commands().size() - 1).payloadAsString());
        }
    }

    @Test
    void ackModeSendsAAfterEachKilobyte() {
        try (Uc15Emulator emu = Uc15Emulator.create()) {
            Modem m = modem(emu);
            byte[] data = SmtpDeliveryTest.binary(2500, 7);
            assertEquals("CONNECT", Modem.last(m.at.command("AT+QFUPL=\"RAM:ack.bin\",2500,5,1")));
            m.at.write(java.util.Arrays.copyOfRange(data, 0, 1024));
            assertTrue(m.at.awaitText("A", RawAtClient.TIMEOUT));
            m.at.write(java.util.Arrays.copyOfRange(data, 1024, 2048));
            assertTrue(m.at.awaitText("A", RawAtClient.TIMEOUT));
            m.at.write(java.util.Arrays.copyOfRange(data, 2048, 2500));
            List<String> r = m.at.readResponse(RawAtClient.TIMEOUT);
            assertEquals(List.of("+QFUPL: 2500," + io.github.uc15mail.testkit.internal.Checksum.hex(data), "OK"), r);
            assertArrayEquals(data, emu.ramFiles().get("RAM:ack.bin"));
            RecordedCommand c = emu.commands().get(emu.commands().size() - 1);
            assertEquals("AT+QFUPL=\"RAM:ack.bin\",2500,5,1", c.line());
            assertArrayEquals(data, c.payload());
        }
    }

    @Test
    void lineTerminatorsAndCase() {
        try (Uc15Emulator emu = Uc15Emulator.create(); RawAtClient at = RawAtClient.connect(emu)) {
            at.write("ate0\r\n");
            assertEquals(List.of("ate0", "OK"), at.readResponse(RawAtClient.TIMEOUT));
            at.write("at+csq\n");
            assertEquals(List.of("+CSQ: 20,99", "OK"), at.readResponse(RawAtClient.TIMEOUT));
            at.write("AT+QSMTPBODY=0,3\r\n");
            assertEquals(List.of("CONNECT"), at.readResponse(RawAtClient.TIMEOUT));
            at.write("\nab");
            assertEquals(List.of("+QSMTPBODY: 3", "OK"), at.readResponse(RawAtClient.TIMEOUT), "a LF in a later write is data");
            assertEquals(List.of("ERROR"), at.command("AT+NOSUCH"));
            assertEquals(List.of("ERROR"), at.command("ATX9"));
        }
    }

    @Test
    void takeCommandTimesOutWithNull() {
        try (Uc15Emulator emu = Uc15Emulator.create()) {
            assertNull(emu.takeCommand(Duration.ofMillis(50)));
            assertNull(emu.awaitSentEmail(Duration.ofMillis(50)));
            assertFalse(emu.isInDataMode());
        }
    }
}
