package io.github.uc15mail.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Login, STARTTLS, and the refusal to listen on a network address without them. */
class FrontDoorSecurityTest {

    @TempDir
    static Path dir;
    static Path keyStore;
    static Path users;

    @BeforeAll
    static void keys() throws Exception {
        keyStore = TestKeys.keyStore(dir);
        users = dir.resolve("users");
        Files.writeString(users, "# test users\n" + PasswordFile.line("alice", "s3cret pass".toCharArray(), 10_000)
                + "\n");
    }

    @Test
    void aNetworkAddressWithoutLoginAndTlsIsRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GatewaySettings.builder().listen("0.0.0.0:2525").build());
        assertEquals("listen: 0.0.0.0 is reachable from other machines, so the front door needs an auth-file and a "
                + "keystore (clients log in with a password, over STARTTLS); set them, or listen on 127.0.0.1",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> GatewaySettings.builder().listen("0.0.0.0:2525").authFile(users).build());
        assertTrue(e.getMessage().contains("needs a keystore"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GatewaySettings.builder().listen("0.0.0.0:2525")
                .keyStore(keyStore, TestKeys.PASSWORD).build());
        assertTrue(e.getMessage().contains("needs an auth-file"), e.getMessage());
        GatewaySettings ok = GatewaySettings.builder().listen("0.0.0.0:2525").authFile(users)
                .keyStore(keyStore, TestKeys.PASSWORD).build();
        assertFalse(ok.isLoopback());
        assertFalse(ok.toString().contains(new String(TestKeys.PASSWORD)), ok.toString());
    }

    @Test
    void aWrongKeyStorePasswordStopsTheStartWithoutShowingIt() {
        GatewaySettings s = GatewaySettings.builder().listen("127.0.0.1", 0).keyStore(keyStore,
                "wrong-one".toCharArray()).build();
        IOException e = assertThrows(IOException.class, () -> GatewayServer.start(s, new RecordingSink()));
        assertTrue(e.getMessage().startsWith("keystore " + keyStore), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-one"));
    }

    @Test
    void keepFromNameNeedsASinkThatCarriesIt() {
        GatewaySettings s = GatewaySettings.builder().listen("127.0.0.1", 0).keepFromName(true).build();
        MailSink plain = draft -> "x";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GatewayServer.start(s, plain));
        assertTrue(e.getMessage().startsWith("keep-from-name:"), e.getMessage());
    }

    private static GatewayServer secured(RecordingSink sink) throws IOException {
        return GatewayServer.start(GatewaySettings.builder().listen("127.0.0.1", 0).authFile(users)
                .keyStore(keyStore, TestKeys.PASSWORD).build(), sink);
    }

    @Test
    void beforeStartTlsOnlyStartTlsIsOfferedAndMailIsRefused() throws IOException {
        try (GatewayServer server = secured(new RecordingSink()); SmtpDialog d = new SmtpDialog(server.port())) {
            String ehlo = d.send("EHLO client.example");
            assertTrue(ehlo.contains("STARTTLS"), ehlo);
            assertFalse(ehlo.contains("AUTH"), "no password offered in clear: " + ehlo);
            assertTrue(d.send("AUTH PLAIN AGFsaWNlAHMzY3JldCBwYXNz").startsWith("530"));
            assertTrue(d.send("MAIL FROM:<a@example.com>").startsWith("530"));
        }
    }

    private static Properties clientProps(int port) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", String.valueOf(port));
        p.setProperty("mail.smtp.auth", "true");
        p.setProperty("mail.smtp.starttls.enable", "true");
        p.setProperty("mail.smtp.starttls.required", "true");
        p.setProperty("mail.smtp.ssl.trust", "127.0.0.1");
        return p;
    }

    private static MimeMessage message(Session session) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom("app@example.com");
        m.setRecipients(Message.RecipientType.TO, "ann@example.com");
        m.setSubject("over TLS");
        m.setText("secret plans");
        return m;
    }

    @Test
    void angusMailLogsInOverStartTlsAndSends() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (GatewayServer server = secured(sink)) {
            Session session = Session.getInstance(clientProps(server.port()));
            Transport.send(message(session), "alice", "s3cret pass");
        }
        assertEquals("over TLS", sink.only().subject());
    }

    @Test
    void aWrongPasswordIsRefusedAndNothingIsStored() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (GatewayServer server = secured(sink)) {
            Session session = Session.getInstance(clientProps(server.port()));
            AuthenticationFailedException e = assertThrows(AuthenticationFailedException.class,
                    () -> Transport.send(message(session), "alice", "guess"));
            assertTrue(e.getMessage().startsWith("535 5.7.8 Authentication credentials invalid"), e.getMessage());
        }
        assertTrue(sink.accepted.isEmpty());
    }

    @Test
    void curlLogsInOverStartTls() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(FrontDoorClientsTest.onPath("curl"), "curl is not installed");
        RecordingSink sink = new RecordingSink();
        Path mail = dir.resolve("tls-mail.txt");
        Files.writeString(mail, "To: ann@example.com\r\nSubject: curl over TLS\r\n\r\nok\r\n");
        try (GatewayServer server = secured(sink)) {
            FrontDoorClientsTest.run(List.of("curl", "-sS", "--ssl-reqd", "--insecure", "--url", "smtp://127.0.0.1:"
                    + server.port(), "--user", "alice:s3cret pass", "--mail-from", "x@example.com", "--mail-rcpt",
                    "ann@example.com", "--upload-file", mail.toString()));
        }
        assertEquals("curl over TLS", sink.only().subject());
    }
}
