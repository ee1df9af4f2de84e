package io.github.uc15mail.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.EmailDraft;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The front door's answers, checked line by line: RFC 5321 codes with RFC 3463 enhanced codes. */
class FrontDoorRepliesTest {

    private static final int MAX = 4096;
    private final RecordingSink sink = new RecordingSink();
    private GatewayServer server;

    @BeforeEach
    void start() throws IOException {
        server = GatewayServer.start(GatewaySettings.builder().listen("127.0.0.1", 0).maxMessageSize(MAX).build(), sink);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String simple(String subject) {
        return "Subject: " + subject + "\r\nTo: ann@example.com\r\n\r\nhello\r\n";
    }

    @Test
    void ehloAdvertisesTheSizeLimit() throws IOException {
        try (SmtpDialog d = new SmtpDialog(server.port())) {
            String ehlo = d.send("EHLO client.example");
            assertTrue(ehlo.contains("250-SIZE " + MAX), ehlo);
            assertTrue(!ehlo.contains("AUTH") && !ehlo.contains("STARTTLS"), ehlo);
        }
    }

    @Test
    void dataIsAnsweredWithTheIdOnlyAfterTheSinkStoredIt() throws IOException {
        try (SmtpDialog d = new SmtpDialog(server.port())) {
            d.send("EHLO client.example");
            String reply = d.mail(simple("hi"), "ann@example.com");
            assertEquals("250 2.0.0 Ok: queued as m1", reply);
            assertEquals("hi", sink.only().subject());
        }
    }

    @Test
    void theTwentyFirstRecipientGets452AndTheFirstTwentyGo() throws IOException {
        try (SmtpDialog d = new SmtpDialog(server.port())) {
            d.send("EHLO client.example");
            SmtpDialog.expect("250", d.send("MAIL FROM:<app@example.com>"));
            for (int i = 1; i <= 20; i++) {
                SmtpDialog.expect("250", d.send("RCPT TO:<r" + i + "@example.com>"));
            }
            SmtpDialog.expect("250", d.send("RCPT TO:<R1@example.com>"));
            String refused = d.send("RCPT TO:<r21@example.com>");
            assertTrue(refused.startsWith("452 4.5.3 Too many recipients"), refused);
            SmtpDialog.expect("354", d.send("DATA"));
            d.write(simple("twenty"));
            SmtpDialog.expect("250", d.send("."));
            assertEquals(EmailDraft.MAX_RECIPIENTS, sink.only().recipients().size());
        }
    }

    @Test
    void anAddressTheModemCannotUseGets553() throws IOException {
        try (SmtpDialog d = new SmtpDialog(server.port())) {
            d.send("EHLO client.example");
            SmtpDialog.expect("250", d.send("MAIL FROM:<app@example.com>"));
            String reply = d.send("RCPT TO:<" + "a".repeat(45) + "@example.com>");
            assertTrue(reply.startsWith("553 5.1.3 <"), reply);
            assertTrue(reply.contains("at most 50 bytes"), reply);
        }
    }

    @Test
    void aDeclaredSizeOverTheLimitGets552AtMail() throws IOException {
        try (SmtpDialog d = new SmtpDialog(server.port())) {
            d.send("EHLO client.example");
            String reply = d.send("MAIL FROM:<app@example.com> SIZE=" + (MAX + 1));
            assertTrue(reply.startsWith("552 5.3.4"), reply);
        }
    }

    @Test
    void dataOverTheLimitGets552AndTheSessionGoesOn() throws IOException {
        try (SmtpDialog d = new SmtpDialog(server.port())) {
            d.send("EHLO client.example");
            String reply = d.mail("Subject: big\r\n\r\n" + "x".repeat(100).concat("\r\n").repeat(50), "ann@example.com");
            assertEquals("552 5.3.4 Message too big: this gateway takes at most " + MAX + " bytes", reply);
            assertEquals("250 2.0.0 Ok: queued as m1", d.mail(simple("after"), "ann@example.com"));
            assertEquals("after", sink.only().subject());
        }
    }

    @Test
    void elevenAttachmentsGet554WithTheLimit() throws IOException {
        StringBuilder m = new StringBuilder("Subject: many\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nhi\r\n");
        for (int i = 1; i <= 11; i++) {
            m.append("--B\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=f")
                    .append(i).append(".bin\r\n\r\ndata\r\n");
        }
        m.append("--B--\r\n");
        try (SmtpDialog d = new SmtpDialog(server.port())) {
            d.send("EHLO client.example");
            String reply = d.mail(m.toString(), "ann@example.com");
            assertEquals("554 5.3.4 The modem cannot send this message: attachments: must be at most 10, was 11", reply);
            assertTrue(sink.accepted.isEmpty());
        }
    }

    @Test
    void contentTheSinkRefusesGets554() throws IOException {
        sink.failWith = new IllegalArgumentException("subject: must be encodable in UTF-8");
        try (SmtpDialog d = new SmtpDialog(server.port())) {
            d.send("EHLO client.example");
            String reply = d.mail(simple("x"), "ann@example.com");
            assertEquals("554 5.6.0 The modem cannot send this message: subject: must be encodable in UTF-8", reply);
        }
    }

    @Test
    void aStoreFailureGets451AndNothingIsAcknowledged() throws IOException {
        sink.failWith = new IOException("disk full");
        try (SmtpDialog d = new SmtpDialog(server.port())) {
            d.send("EHLO client.example");
            String reply = d.mail(simple("x"), "ann@example.com");
            assertTrue(reply.startsWith("451 4.3.0 "), reply);
            assertTrue(!reply.contains("disk full"), "internal detail stays in the log: " + reply);
            sink.failWith = null;
            assertEquals("250 2.0.0 Ok: queued as m1", d.mail(simple("again"), "ann@example.com"));
        }
    }

    @Test
    void anyEnvelopeSenderIsTakenAsTheModemSendsAsItsOwn() throws IOException {
        try (SmtpDialog d = new SmtpDialog(server.port())) {
            d.send("EHLO client.example");
            for (String from : new String[] {"<>", "<root>", "<cron@raspberrypi>"}) {
                SmtpDialog.expect("250", d.send("MAIL FROM:" + from));
                SmtpDialog.expect("250", d.send("RSET"));
            }
        }
    }

    @Test
    void dotStuffedLinesArriveUnstuffed() throws IOException {
        try (SmtpDialog d = new SmtpDialog(server.port())) {
            d.send("EHLO client.example");
            d.mail("Subject: dots\r\n\r\n..leading dot\r\n.\r\n".replace("\r\n.\r\n", "\r\n"), "ann@example.com");
            assertEquals(".leading dot", sink.only().body().strip());
        }
    }
}
