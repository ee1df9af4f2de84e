package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.transport.Transport.SocketTransport;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Several emulated modems in one JVM, each with its own identity, delivering to one SMTP server. */
class FleetTest {

    @RegisterExtension
    final Uc15EmulatorExtension fleet = new Uc15EmulatorExtension().withSmtpServer().withModems(3);

    @Test
    void eachModemHasItsOwnImei() {
        Set<String> imeis = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            Uc15Emulator e = fleet.emulator(i);
            assertEquals(Imei.forIndex(i), e.imei());
            try (RawAtClient at = RawAtClient.connect(e)) {
                Modem m = new Modem(at);
                List<String> gsn = at.command("AT+GSN");
                assertEquals(List.of(e.imei(), "OK"), gsn);
                assertEquals(List.of(e.imei(), "OK"), at.command("AT+CGSN"));
                assertEquals("UC15", at.command("ATI").get(1));
                imeis.add(gsn.get(0));
                assertEquals("OK", m.result("AT"));
            }
        }
        assertEquals(3, imeis.size(), "three distinct IMEIs: " + imeis);
        assertTrue(imeis.stream().allMatch(s -> s.matches("\\d{15}")), imeis.toString());
    }

    @Test
    void imeisAreWellFormed() {
        // 490154203237518 is the textbook valid IMEI: its check digit is 8
        assertEquals(8, Imei.luhn("49015420323751"));
        assertNotEquals(Imei.forIndex(0), Imei.forIndex(1));
    }

    @Test
    void threeModemsOverTcpDeliverToOneServer() throws Exception {
        List<RawAtClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                int port = fleet.emulator(i).listenTcp(0);
                clients.add(new RawAtClient(new SocketTransport("127.0.0.1", port)));
            }
            for (int i = 0; i < 3; i++) {
                new Modem(clients.get(i)).server("127.0.0.1", fleet.smtpPort(), 0, "", "")
                        .to(1, "ops@example.com");
                new Modem(clients.get(i)).ok("AT+QSMTPSUB=0,\"from modem " + i + "\"");
            }
            for (int i = 0; i < 3; i++) {
                assertEquals("+QSMTPPUT: 0,0", new Modem(clients.get(i)).put(), "modem " + i);
            }
        } finally {
            clients.forEach(RawAtClient::close);
        }
        Set<String> subjects = new HashSet<>();
        for (MimeMessage m : fleet.receivedMessages()) {
            subjects.add(m.getSubject());
        }
        assertEquals(Set.of("from modem 0", "from modem 1", "from modem 2"), subjects);
        assertEquals(3, fleet.receivedMessages().length, "no extra mail");
        List<Recording> recs = fleet.recordings();
        for (int i = 0; i < 3; i++) {
            Recording r = recs.get(i);
            assertEquals(Imei.forIndex(i), r.imei());
            assertEquals(1, r.delivered().size());
            assertEquals("from modem " + i, r.delivered().get(0).subject());
            assertEquals(r.imei(), r.delivered().get(0).imei());
        }
    }
}
