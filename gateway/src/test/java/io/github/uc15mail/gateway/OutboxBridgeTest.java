package io.github.uc15mail.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.outbox.MessageId;
import io.github.uc15mail.outbox.MessageState;
import io.github.uc15mail.outbox.Outbox;
import io.github.uc15mail.outbox.OutboxMessage;
import io.github.uc15mail.outbox.PoolModemStatus;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's parts over a real SQLite outbox: the front door and the transport queue, the view reads. */
class OutboxBridgeTest {

    @TempDir
    Path dir;

    @Test
    void theFrontDoorAnswers250WithTheOutboxIdAndTheMessageIsQueued() throws Exception {
        try (Outbox outbox = Outbox.open("sqlite:" + dir.resolve("o.db"));
                GatewayServer server = GatewayServer.start(GatewaySettings.builder().listen("127.0.0.1", 0).build(),
                        OutboxBridge.sink(outbox));
                SmtpDialog smtp = new SmtpDialog(server.port())) {
            smtp.send("EHLO test");
            String reply = smtp.mail("From: app@example.com\r\nTo: ann@example.com\r\nSubject: pump 3\r\n\r\nhot\r\n",
                    "ann@example.com", "bob@example.com");
            assertTrue(reply.startsWith("250"), reply);
            List<OutboxMessage> queued = outbox.list(MessageState.QUEUED, 10);
            assertEquals(1, queued.size());
            assertTrue(reply.contains(queued.get(0).id().toString()), reply);
            assertEquals("pump 3", queued.get(0).subject());
            assertEquals(List.of("ann@example.com", "bob@example.com"), queued.get(0).recipients());
        }
    }

    @Test
    void theQueueViewCountsListsAndCancels() {
        try (Outbox outbox = Outbox.open("sqlite:" + dir.resolve("v.db"))) {
            MessageId id = outbox.enqueue(io.github.uc15mail.mail.EmailDraft.builder().to("ann@example.com")
                    .subject("s").body("b"));
            QueueView view = OutboxBridge.queueView(outbox);
            assertEquals(1L, view.counts().get(QueueView.State.QUEUED));
            assertEquals(0L, view.counts().get(QueueView.State.SENT));
            QueueView.MessageSummary m = view.recent(50).get(0);
            assertEquals(id.toString(), m.id());
            assertEquals(1, m.recipients());
            assertFalse(view.retry("no-such-id"));
            assertTrue(view.cancel(id.toString()));
            assertEquals(QueueView.State.CANCELLED, view.recent(50).get(0).state());
        }
    }

    @Test
    void aPoolModemTakingWorkCanSendASetAsideOneCannot() {
        List<ModemHealth> h = OutboxBridge.modemHealth(List.of(
                new PoolModemStatus("tcp:a", PoolModemStatus.Health.READY, 0, null, null, 3, 3),
                new PoolModemStatus("tcp:b", PoolModemStatus.Health.SET_ASIDE, 3, Instant.now(), "no network", 0, 3)));
        assertTrue(h.get(0).canSend());
        assertFalse(h.get(1).canSend());
        assertEquals("no network", h.get(1).lastError());
        assertEquals("SET_ASIDE", h.get(1).state());
    }

    @Test
    void transportSendWithASqliteStoreEnqueuesIntoThatOutbox() throws Exception {
        String store = "sqlite:" + dir.resolve("t.db");
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol.rfc822", "uc15");
        p.setProperty("mail.uc15.store", store);
        MimeMessage m = new MimeMessage(Session.getInstance(p));
        m.setFrom("Ops <ops@example.com>");
        m.setRecipients(Message.RecipientType.TO, "ann@example.com");
        m.setSubject("queued by jakarta mail");
        m.setText("later");
        Transport.send(m);
        try (Outbox outbox = Outbox.open(store)) {
            List<OutboxMessage> queued = outbox.list(MessageState.QUEUED, 10);
            assertEquals(1, queued.size());
            assertEquals("queued by jakarta mail", queued.get(0).subject());
        }
    }
}
