package io.github.uc15mail.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.uc15mail.mail.EmailDraft;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Starting, stopping, and what the front door logs. */
@org.junit.jupiter.api.parallel.Isolated("counts the root logger's events: another class's logging would add to them")
class GatewayServerLifecycleTest {

    @TempDir
    Path dir;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Logger root;

    @BeforeEach
    void captureLogs() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        root.detachAppender(logs);
    }

    private List<String> lines(Level level) {
        return logs.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage)
                .collect(Collectors.toList());
    }

    @Test
    void closeFreesThePortAndIsIdempotent() throws IOException {
        GatewayServer server = GatewayServer.start(GatewaySettings.builder().listen("127.0.0.1", 0).build(),
                new RecordingSink());
        int port = server.port();
        server.close();
        server.close();
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(port, again.getLocalPort());
        }
    }

    @Test
    void aPortInUseIsReportedWithTheAddress() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            GatewaySettings s = GatewaySettings.builder().listen("127.0.0.1", taken.getLocalPort()).build();
            IOException e = assertThrows(IOException.class, () -> GatewayServer.start(s, new RecordingSink()));
            assertTrue(e.getMessage().startsWith("listen 127.0.0.1:" + taken.getLocalPort() + ": cannot bind"),
                    e.getMessage());
        }
    }

    @Test
    void closeWaitsForAMessageBeingStored() throws Exception {
        CountDownLatch inSink = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RecordingSink recording = new RecordingSink();
        MailSink slow = draft -> {
            inSink.countDown();
            release.await(10, TimeUnit.SECONDS);
            return recording.accept(draft);
        };
        GatewayServer server = GatewayServer.start(GatewaySettings.builder().listen("127.0.0.1", 0).build(), slow);
        Thread client = new Thread(() -> {
            try (SmtpDialog d = new SmtpDialog(server.port())) {
                d.send("EHLO c");
                d.mail("Subject: slow\r\n\r\nx\r\n", "ann@example.com");
            } catch (IOException e) {
                // the session is ended by close(); the point is what the sink got
            }
        });
        client.start();
        assertTrue(inSink.await(10, TimeUnit.SECONDS));
        Thread closer = new Thread(server::close);
        closer.start();
        release.countDown();
        closer.join(15_000);
        assertFalse(closer.isAlive(), "close returned");
        assertEquals("slow", recording.only().subject(), "the message being stored was stored");
        client.join(5_000);
    }

    @Test
    void oneInfoLinePerAcceptedMessageAndNoPasswordInAnyLine() throws Exception {
        Path keyStore = TestKeys.keyStore(dir);
        Path users = dir.resolve("users");
        Files.writeString(users, PasswordFile.line("alice", "pw-alpha-77".toCharArray(), 10_000) + "\n");
        RecordingSink sink = new RecordingSink();
        GatewaySettings settings = GatewaySettings.builder().listen("127.0.0.1", 0).authFile(users)
                .keyStore(keyStore, TestKeys.PASSWORD).build();
        try (GatewayServer server = GatewayServer.start(settings, sink)) {
            Properties p = new Properties();
            p.setProperty("mail.smtp.host", "127.0.0.1");
            p.setProperty("mail.smtp.port", String.valueOf(server.port()));
            p.setProperty("mail.smtp.auth", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.ssl.trust", "127.0.0.1");
            Session session = Session.getInstance(p);
            for (String pw : new String[] {"pw-wrong-99", "pw-alpha-77", "pw-alpha-77"}) {
                MimeMessage m = new MimeMessage(session);
                m.setRecipients(Message.RecipientType.TO, "ann@example.com, bob@example.com");
                m.setSubject("logged");
                m.setText("x");
                try {
                    Transport.send(m, "alice", pw);
                } catch (jakarta.mail.AuthenticationFailedException expected) {
                    assertEquals("pw-wrong-99", pw);
                }
            }
        }
        List<String> accepted = lines(Level.INFO).stream().filter(l -> l.startsWith("accepted message"))
                .collect(Collectors.toList());
        assertEquals(List.of("accepted message m1: 2 recipients", "accepted message m2: 2 recipients"),
                accepted.stream().map(l -> l.substring(0, l.indexOf(','))).collect(Collectors.toList()));
        assertEquals(2, sink.accepted.size());
        assertEquals(EmailDraft.RecipientType.TO, sink.accepted.get(0).draft().recipients().get(1).type());
        assertTrue(lines(Level.INFO).stream().anyMatch(l -> l.startsWith("failed login for user alice")));
        for (ILoggingEvent e : logs.list) {
            String all = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
            assertFalse(all.contains("pw-alpha-77") || all.contains("pw-wrong-99") || all.contains("store-secret"), all);
        }
    }
}
