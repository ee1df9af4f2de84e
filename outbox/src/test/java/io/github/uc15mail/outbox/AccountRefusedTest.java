package io.github.uc15mail.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.at.AtSession;
import io.github.uc15mail.testkit.Await;
import io.github.uc15mail.testkit.Uc15Emulator;
import io.github.uc15mail.testkit.Uc15EmulatorExtension;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wrong SMTP password with a backlog of 50 and two modems: the first refusal pauses the gateway, so at
 * most two logins fail (one per modem already sending), nothing becomes FAILED, the modems stay healthy,
 * a probe tries one message per interval, and with the right password every message goes out once.
 */
class AccountRefusedTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer().withUser("gw", "right-password");

    @TempDir
    Path dir;

    private final List<ModemMailer> mailers = new ArrayList<>();
    private final List<Uc15Emulator> emulators = new ArrayList<>();

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now.plusNanos(System.nanoTime() % 1_000_000);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @AfterEach
    void close() {
        mailers.forEach(ModemMailer::close);
        emulators.forEach(Uc15Emulator::close);
    }

    private Map<String, ModemMailer> pool(String password) throws Exception {
        SmtpConfig config = SmtpConfig.builder().server("127.0.0.1", uc15.smtpPort()).sender("", "gw@example.com")
                .account("gw", password).sendTimeoutSeconds(60).sendResultTimeout(Duration.ofSeconds(20)).build();
        Map<String, ModemMailer> pool = new LinkedHashMap<>();
        for (int i = 0; i < 2; i++) {
            Uc15Emulator e = Uc15Emulator.create();
            emulators.add(e);
            ModemMailer m = ModemMailer.builder(io.github.uc15mail.Modem.open(e.connect()), config).ownsSession(true).build();
            mailers.add(m);
            pool.put("modem" + i, m);
        }
        return pool;
    }

    private long submissions() {
        return emulators.stream().mapToLong(e -> e.commands().stream()
                .filter(c -> c.line().startsWith("AT+QSMTPPUT")).count()).sum();
    }

    @Test
    void aRefusedAccountPausesTheGatewayAfterAtMostTwoSubmissions() throws Exception {
        MovableClock clock = new MovableClock();
        try (Outbox outbox = Outbox.open("sqlite:" + dir.resolve("outbox.db"), null, null, clock)) {
            List<MessageId> ids = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                ids.add(outbox.enqueue(EmailDraft.builder().to("ops@example.com").subject("m" + i).body("b").build()));
            }
            DispatcherOptions options = DispatcherTest.fast("n1");
            Dispatcher d = Dispatcher.start(outbox, pool("wrong-password"), options);
            try {
                Await.until("the pause", () -> d.pause().isPresent()
                        && outbox.counts().get(MessageState.SENDING) == 0);
                SendingPause p = d.pause().orElseThrow();
                assertTrue(p.reason().contains("535") || p.reason().contains("677"), p.reason());
                assertTrue(p.reason().startsWith("the SMTP server refused the account"), p.reason());
                long first = submissions();
                assertTrue(first >= 1 && first <= 2, "submissions with a refused account: " + first);
                Map<MessageState, Long> counts = outbox.counts();
                assertEquals(0, counts.get(MessageState.FAILED), counts::toString);
                assertEquals(50, counts.get(MessageState.QUEUED), counts::toString);
                for (PoolModemStatus s : d.poolStatus()) {
                    assertEquals(0, s.consecutiveFailures(), "the modem is not blamed: " + s);
                    assertTrue(s.setAsideUntil() == null, s.toString());
                }
                // The other modem's message may have been stopped before its submission by the pause: that
                // one is HANDED_BACK, never FAILED or RETRY.
                List<Attempt> attempts = ids.stream().flatMap(id -> outbox.attempts(id).stream()).toList();
                assertTrue(attempts.stream().allMatch(a -> a.outcome().equals("ACCOUNT_REFUSED")
                        || a.outcome().equals("HANDED_BACK")), attempts::toString);
                Attempt refused = attempts.stream().filter(a -> a.outcome().equals("ACCOUNT_REFUSED"))
                        .findFirst().orElseThrow(() -> new AssertionError("no refused attempt in " + attempts));
                assertEquals("ACCOUNT_REFUSED", refused.outcome());
                assertEquals("ACCOUNT", refused.fault());
                assertTrue(refused.errorCode() != 0 && refused.error() != null, refused.toString());
                // Short of the probe interval nothing more is tried; at the interval, exactly one message is.
                clock.advance(options.accountProbe().minusSeconds(1));
                clock.advance(Duration.ofSeconds(1));
                Await.until("the probe", () -> submissions() == first + 1 && d.pause().isPresent()
                        && d.pause().get().refusals() == first + 1 && outbox.counts().get(MessageState.SENDING) == 0);
                assertEquals(0, outbox.counts().get(MessageState.FAILED));
                assertTrue(d.accountRefusals() >= 2);
            } finally {
                d.stop(Duration.ofSeconds(10));
            }
            long refusedSubmissions = submissions();
            mailers.forEach(ModemMailer::close);
            mailers.clear();
            // The configuration is fixed and the gateway restarted: the backlog goes out, each message once.
            Dispatcher fixed = Dispatcher.start(outbox, pool("right-password"), DispatcherTest.fast("n1"));
            try {
                Await.until("all sent", () -> outbox.counts().get(MessageState.SENT) == 50);
                assertTrue(fixed.pause().isEmpty());
            } finally {
                fixed.stop(Duration.ofSeconds(10));
            }
            Map<String, Integer> received = new HashMap<>();
            for (MimeMessage m : uc15.receivedMessages()) {
                received.merge(m.getSubject(), 1, Integer::sum);
            }
            assertEquals(50, received.size());
            assertTrue(received.values().stream().allMatch(n -> n == 1), received::toString);
            assertTrue(refusedSubmissions <= 3, "two at the refusal and one probe: " + refusedSubmissions);
        }
    }
}
