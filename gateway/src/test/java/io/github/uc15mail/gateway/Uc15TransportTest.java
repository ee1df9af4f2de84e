package io.github.uc15mail.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.testkit.SentEmail;
import io.github.uc15mail.testkit.Uc15EmulatorExtension;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code Transport.send} with protocol {@code uc15} through the emulator (over TCP) to a real SMTP server. */
class Uc15TransportTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer().withUser("plant", "pump-pw");

    private int modemPort;

    @BeforeEach
    void listen() {
        modemPort = uc15.emulator().listenTcp(0);
    }

    private Properties props() {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "uc15");
        p.setProperty("mail.transport.protocol.rfc822", "uc15");
        p.setProperty("mail.uc15.port", "tcp:127.0.0.1:" + modemPort);
        p.setProperty("mail.uc15.server", uc15.smtpHost());
        p.setProperty("mail.uc15.server-port", String.valueOf(uc15.smtpPort()));
        p.setProperty("mail.uc15.from", "plant@example.com");
        return p;
    }

    private static Authenticator login(String user, String password) {
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, password);
            }
        };
    }

    @Test
    void transportSendGoesThroughTheModemWithTheSessionsAuthenticator() throws Exception {
        Properties p = props();
        p.setProperty("mail.uc15.auth", "true");
        p.setProperty("mail.uc15.user", "plant");
        Session session = Session.getInstance(p, login("plant", "pump-pw"));
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("someone-else@example.org", "Pump Station 4"));
        m.setRecipients(Message.RecipientType.TO, "ann@example.com");
        m.setRecipients(Message.RecipientType.BCC, "boss@example.com");
        m.setSubject("Druck \u00fcber Grenzwert", "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Druck 7,2 bar", "UTF-8");
        MimeBodyPart log = new MimeBodyPart();
        log.setContent("t,p\n1,7.2\n", "text/csv");
        log.setFileName("pressure log.csv");
        m.setContent(new MimeMultipart(text, log));
        Transport.send(m);

        SentEmail sent = uc15.emulator().sentEmails().get(0);
        assertEquals("plant", sent.accountUser());
        assertEquals("plant@example.com", sent.senderEmail(), "the configured sender, not the message's From");
        assertEquals("Pump Station 4", sent.senderName());
        assertEquals(List.of("ann@example.com"), sent.to());
        assertEquals(List.of("boss@example.com"), sent.bcc());
        MimeMessage received = uc15.receivedMessages()[0];
        assertEquals("Druck \u00fcber Grenzwert", received.getSubject());
        Multipart mp = (Multipart) received.getContent();
        assertEquals("Druck 7,2 bar", ((String) mp.getBodyPart(0).getContent()).strip());
        Part attached = mp.getBodyPart(1);
        assertEquals("pressure_log.csv", attached.getFileName());
        assertArrayEquals("t,p\n1,7.2\n".getBytes(StandardCharsets.US_ASCII),
                attached.getInputStream().readAllBytes());
        assertTrue(uc15.emulator().isContentEmpty(), "the modem is left clean");
    }

    @Test
    void aWrongPasswordFailsWithTheServersAnswerAndNotThePassword() throws Exception {
        Properties p = props();
        p.setProperty("mail.uc15.user", "plant");
        p.setProperty("mail.uc15.password", "not-the-pw");
        Session session = Session.getInstance(p);
        MimeMessage m = new MimeMessage(session);
        m.setRecipients(Message.RecipientType.TO, "ann@example.com");
        m.setSubject("x");
        m.setText("y");
        MessagingException e = assertThrows(MessagingException.class, () -> Transport.send(m));
        assertTrue(e.getMessage().startsWith("the modem could not send the message: "), e.getMessage());
        assertFalse(e.getMessage().contains("not-the-pw"), e.getMessage());
        assertEquals(0, uc15.receivedMessages().length);
    }

    @Test
    void withoutAModemPortConnectSaysWhichPropertyIsMissing() throws Exception {
        Properties p = props();
        p.remove("mail.uc15.port");
        Session session = Session.getInstance(p);
        MessagingException e = assertThrows(MessagingException.class, () -> session.getTransport().connect());
        assertTrue(e.getMessage().startsWith("mail.uc15.port: is required"), e.getMessage());
    }

    @Test
    void contentTheModemCannotCarryIsRefusedBeforeTheModemIsUsed() throws Exception {
        Session session = Session.getInstance(props(), login("plant", "pump-pw"));
        MimeMessage m = new MimeMessage(session);
        m.setRecipients(Message.RecipientType.TO, "ann@example.com");
        m.setSubject("many");
        MimeMultipart mp = new MimeMultipart();
        for (int i = 0; i < 11; i++) {
            MimeBodyPart a = new MimeBodyPart();
            a.setContent("x" + i, "text/plain");
            a.setFileName("f" + i + ".txt");
            mp.addBodyPart(a);
        }
        m.setContent(mp);
        MessagingException e = assertThrows(MessagingException.class, () -> Transport.send(m, "plant", "pump-pw"));
        assertEquals("the modem cannot send this message: attachments: must be at most 10, was 11", e.getMessage());
        assertTrue(uc15.emulator().sentEmails().isEmpty());
    }

    @Test
    void withAStoreTheMessageIsQueuedNotSent() throws Exception {
        MemorySinkFactory.SINK.accepted.clear();
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol.rfc822", "uc15");
        p.setProperty("mail.uc15.store", "memory:test");
        Session session = Session.getInstance(p);
        MimeMessage m = new MimeMessage(session);
        m.setFrom("Ops <ops@example.com>");
        m.setRecipients(Message.RecipientType.TO, "ann@example.com");
        m.setSubject("queued");
        m.setText("later");
        Transport.send(m);
        assertEquals("queued", MemorySinkFactory.SINK.only().subject());
        assertEquals("Ops", MemorySinkFactory.SINK.accepted.get(0).senderName());
        assertTrue(uc15.emulator().sentEmails().isEmpty());
    }

    @Test
    void anUnknownStoreNamesTheModuleThatOpensStores() throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "uc15");
        p.setProperty("mail.uc15.store", "redis://127.0.0.1/0");
        MessagingException e = assertThrows(MessagingException.class,
                () -> Session.getInstance(p).getTransport().connect());
        assertTrue(e.getMessage().contains("uc15mail-outbox"), e.getMessage());
    }

    @Test
    void theProviderIsRegisteredForProtocolUc15() throws Exception {
        Session session = Session.getInstance(new Properties());
        assertInstanceOf(Uc15Transport.class, session.getTransport("uc15"));
        assertEquals("io.github.uc15mail.gateway.Uc15Transport", session.getProvider("uc15").getClassName());
    }
}
