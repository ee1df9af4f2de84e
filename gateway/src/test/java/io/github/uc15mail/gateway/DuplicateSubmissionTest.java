package io.github.uc15mail.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.outbox.Outbox;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same message handed in twice (a client's retry after a lost reply): through the SMTP front door and
 * through the Jakarta transport it is queued once, and the repeat gets the first one's id.
 */
class DuplicateSubmissionTest {

    @TempDir
    Path dir;

    private static final String MAIL = "From: app@example.com\r\nTo: ann@example.com\r\nMessage-ID: <alarm-7@plant>\r\n"
            + "Subject: pump 3\r\n\r\nhot\r\n";

    @Test
    void theSameMessageTwiceThroughTheFrontDoorIsQueuedOnceWithOneId() throws Exception {
        try (Outbox outbox = Outbox.open("sqlite:" + dir.resolve("o.db"));
                GatewayServer server = GatewayServer.start(GatewaySettings.builder().listen("127.0.0.1", 0).build(),
                        OutboxBridge.sink(outbox));
                SmtpDialog first = new SmtpDialog(server.port()); SmtpDialog second = new SmtpDialog(server.port())) {
            first.send("EHLO a");
            second.send("EHLO b");
            String r1 = first.mail(MAIL, "ann@example.com");
            String r2 = second.mail(MAIL, "ann@example.com");
            assertTrue(r1.startsWith("250") && r2.startsWith("250"), r1 + " / " + r2);
            assertEquals(r1, r2, "the repeat is answered with the first message's id");
            assertEquals(1, outbox.list(null, 10).size());
            // Another message under the same Message-ID (other bytes), and messages without one, are new.
            String other = first.mail(MAIL.replace("hot", "cold"), "ann@example.com");
            assertNotEquals(r1, other);
            String noId = "From: app@example.com\r\nTo: ann@example.com\r\nSubject: x\r\n\r\ny\r\n";
            first.mail(noId, "ann@example.com");
            first.mail(noId, "ann@example.com");
            assertEquals(4, outbox.list(null, 10).size());
        }
    }

    @Test
    void theSameMessageTwiceThroughTheJakartaTransportIsQueuedOnce() throws Exception {
        String store = "sqlite:" + dir.resolve("t.db");
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol.rfc822", "uc15");
        p.setProperty("mail.uc15.store", store);
        Session session = Session.getInstance(p);
        for (int i = 0; i < 2; i++) {
            // An application that keeps its own Message-ID (as it must for the repeat to be recognised).
            MimeMessage m = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", "<order-42@shop.example>");
                }
            };
            m.setFrom("Ops <ops@example.com>");
            m.setRecipients(Message.RecipientType.TO, "ann@example.com");
            m.setSubject("order 42");
            m.setText("shipped");
            m.setSentDate(new java.util.Date(0));
            Transport.send(m);
        }
        try (Outbox outbox = Outbox.open(store)) {
            assertEquals(1, outbox.list(null, 10).size());
        }
    }
}
