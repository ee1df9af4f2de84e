package io.github.uc15mail.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.at.AtSession;
import io.github.uc15mail.gateway.sms.SmsFallback;
import io.github.uc15mail.gateway.sms.SmsRoutingSink;
import io.github.uc15mail.outbox.Dispatcher;
import io.github.uc15mail.outbox.DispatcherOptions;
import io.github.uc15mail.outbox.MessageId;
import io.github.uc15mail.outbox.MessageState;
import io.github.uc15mail.outbox.Outbox;
import io.github.uc15mail.outbox.OutboxMessage;
import io.github.uc15mail.testkit.SentSms;
import io.github.uc15mail.testkit.Uc15EmulatorExtension;
import io.github.uc15mail.testkit.Waits;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Mail to SMS through the front door, and the fallback SMS when mail cannot go, with an injected clock. */
class GatewaySmsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    @TempDir
    Path dir;

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T12:00:00Z"));

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }
    }

    private static DispatcherOptions fast() {
        return DispatcherOptions.defaults().withNode("gw").withBackoff(Duration.ofMillis(200), Duration.ofMillis(400))
                .withPollInterval(Duration.ofMillis(50)).withLease(Duration.ofSeconds(5))
                .withSetAside(1000, Duration.ofMillis(100), Duration.ofMillis(200)).withMaxAttempts(1000);
    }

    private ModemMailer mailer() throws Exception {
        SmtpConfig config = SmtpConfig.builder().server("127.0.0.1", uc15.smtpPort()).sender("", "gw@example.com").build();
        return ModemMailer.builder(io.github.uc15mail.Modem.open(uc15.emulator().connect()), config).ownsSession(true).build();
    }

    @Test
    void mailToANumberAtTheSmsDomainBecomesAnSmsCutAtItsParts() throws Exception {
        try (Outbox outbox = Outbox.open("sqlite:" + dir.resolve("o.db"));
                GatewayServer server = GatewayServer.start(GatewaySettings.builder().listen("127.0.0.1", 0).build(),
                        new SmsRoutingSink(outbox, OutboxBridge.sink(outbox), "sms.example", 3));
                SmtpDialog smtp = new SmtpDialog(server.port())) {
            smtp.send("EHLO test");
            String body = "Druck zu niedrig. ".repeat(40);
            String reply = smtp.mail("From: app@example.com\r\nTo: +491701234567@SMS.example\r\nSubject: Pump 3\r\n\r\n"
                    + body + "\r\n", "+491701234567@SMS.example", "ops@example.com");
            assertTrue(reply.startsWith("250"), reply);
            List<OutboxMessage> all = outbox.list(null, 10);
            assertEquals(2, all.size(), all.toString());
            OutboxMessage sms = all.stream().filter(OutboxMessage::isSms).findFirst().orElseThrow();
            OutboxMessage mail = all.stream().filter(m -> !m.isSms()).findFirst().orElseThrow();
            assertEquals(List.of("+491701234567"), sms.recipients());
            assertEquals(List.of("ops@example.com"), mail.recipients());
            QueueView view = OutboxBridge.queueView(outbox);
            assertTrue(view.recent(10).stream().anyMatch(x -> x.subject().equals("SMS to +491701234567")),
                    "the status page shows the SMS");
            GatewayMetrics metrics = new GatewayMetrics(view, List::of);
            io.github.uc15mail.at.AtSession.Subscription feed = OutboxBridge.feedMetrics(outbox, metrics);

            try (ModemMailer m = mailer(); Dispatcher d = Dispatcher.start(outbox, Map.of("m0", m), fast())) {
                SentSms got = uc15.emulator().awaitSentSms(WAIT);
                assertTrue(got.text().startsWith("Pump 3\nDruck zu niedrig. Druck"), got.text());
                assertTrue(got.text().endsWith("\u2026"), got.text());
                assertEquals(3, got.parts());
                assertTrue(got.ucs2(), "the \u2026 makes it UCS2");
                Waits.until(WAIT, () -> metrics.scrape().contains("uc15mail_sms_total{outcome=\"sent\"} 1"));
                d.stop(Duration.ofSeconds(10));
            } finally {
                feed.cancel();
            }
        }
    }

    @Test
    void anAlarmMailThatCannotGoGetsOneFallbackSmsAndIsDeliveredOnceWhenDataReturns() throws Exception {
        MovableClock clock = new MovableClock();
        uc15.emulator().faults().smtpUnreachable(Duration.ofHours(1)); // data/SMTP down; SMS still works
        try (Outbox outbox = Outbox.open("sqlite:" + dir.resolve("f.db"));
                GatewayServer server = GatewayServer.start(GatewaySettings.builder().listen("127.0.0.1", 0).build(),
                        OutboxBridge.sink(outbox));
                SmtpDialog smtp = new SmtpDialog(server.port());
                ModemMailer m = mailer();
                Dispatcher d = Dispatcher.start(outbox, Map.of("m0", m), fast())) {
            smtp.send("EHLO test");
            String reply = smtp.mail("From: pump@example.com\r\nTo: ops@example.com\r\nSubject: Pump 3 pressure low\r\n\r\n"
                    + "2.1 bar\r\n", "ops@example.com");
            assertTrue(reply.startsWith("250"), reply);
            MessageId mailId = outbox.list(null, 1).get(0).id();
            // The fallback's clock starts when the mail was accepted (the outbox stamps it with the real time).
            clock.now.set(outbox.find(mailId).orElseThrow().createdAt());
            SmsFallback fallback = new SmsFallback(outbox, List.of("+491701234567"), Duration.ofMinutes(10), 10, 3, clock);

            Waits.until(WAIT, () -> outbox.find(mailId).orElseThrow().attempts() >= 2);
            assertTrue(waiting(outbox, mailId), "the mail waits");
            assertTrue(fallback.tick().isEmpty(), "nothing before the wait is over");
            clock.advance(Duration.ofMinutes(9));
            assertTrue(fallback.tick().isEmpty());
            clock.advance(Duration.ofMinutes(2));
            assertEquals(1, fallback.tick().size());
            assertTrue(fallback.tick().isEmpty(), "one SMS per mail");

            SentSms sms = uc15.emulator().awaitSentSms(WAIT);
            assertEquals("+491701234567", sms.number());
            assertTrue(sms.text().startsWith("Mail not sent: Pump 3 pressure low (to ops@example.com): "), sms.text());
            OutboxMessage linked = outbox.list(null, 10).stream().filter(OutboxMessage::isSms).findFirst().orElseThrow();
            assertEquals(mailId, linked.linkedTo());
            assertTrue(waiting(outbox, mailId), "the mail still waits");

            uc15.emulator().faults().clear(); // data returns
            Waits.until(WAIT, () -> outbox.find(mailId).orElseThrow().state() == MessageState.SENT);
            MimeMessage[] got = uc15.receivedMessages();
            assertEquals(1, got.length, "delivered once");
            assertEquals("Pump 3 pressure low", got[0].getSubject());
            clock.advance(Duration.ofHours(2));
            assertTrue(fallback.tick().isEmpty());
            assertEquals(1, uc15.emulator().sentSms().size());
            d.stop(Duration.ofSeconds(10));
        }
    }

    private static boolean waiting(Outbox outbox, MessageId id) {
        MessageState s = outbox.find(id).orElseThrow().state();
        return s == MessageState.QUEUED || s == MessageState.SENDING;
    }

    @Test
    void pastTenAnHourOneSummarySmsGoesAnHour() {
        MovableClock clock = new MovableClock();
        try (Outbox outbox = Outbox.open("sqlite:" + dir.resolve("r.db"))) {
            for (int i = 0; i < 13; i++) {
                outbox.enqueue(io.github.uc15mail.mail.EmailDraft.builder().to("ops@example.com").subject("alarm " + i)
                        .body("b"));
            }
            clock.now.set(Instant.now().plus(Duration.ofMinutes(11)));
            SmsFallback fallback = new SmsFallback(outbox, List.of("+491701234567"), Duration.ofMinutes(10), 10, 3, clock);
            List<MessageId> first = fallback.tick();
            assertEquals(11, first.size(), "10 own SMS and one summary");
            List<OutboxMessage> sms = outbox.list(null, 50).stream().filter(OutboxMessage::isSms).toList();
            assertEquals(11, sms.size());
            clock.advance(Duration.ofMinutes(5));
            outbox.enqueue(io.github.uc15mail.mail.EmailDraft.builder().to("ops@example.com").subject("alarm 13").body("b"));
            clock.advance(Duration.ofMinutes(11));
            assertTrue(fallback.tick().isEmpty(), "the limit and the summary hour still hold");
            clock.advance(Duration.ofHours(1));
            assertEquals(1, fallback.tick().size(), "a new hour: the waiting mail gets its own SMS");
        }
    }
}
