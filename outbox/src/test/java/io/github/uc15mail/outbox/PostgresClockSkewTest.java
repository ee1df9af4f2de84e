package io.github.uc15mail.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.at.AtSession;
import io.github.uc15mail.testkit.Uc15Emulator;
import io.github.uc15mail.testkit.Uc15EmulatorExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two dispatchers on one PostgreSQL, one whose host clock runs 150 s ahead (five times the lease): the
 * database's clock decides every lease, so the fast host never takes the other's live leases.
 */
class PostgresClockSkewTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    private ModemMailer mailer(Uc15Emulator e) throws Exception {
        SmtpConfig config = SmtpConfig.builder().server("127.0.0.1", uc15.smtpPort()).sender("", "gw@example.com")
                .sendTimeoutSeconds(60).sendResultTimeout(Duration.ofSeconds(20)).build();
        return ModemMailer.builder(io.github.uc15mail.Modem.open(e.connect()), config).ownsSession(true).build();
    }

    @Test
    void aHostWhoseClockIs150sAheadNeverTakesALiveLease() throws Exception {
        String url = TestPostgres.get().newDatabase();
        int total = 200;
        Uc15Emulator second = Uc15Emulator.create();
        List<StateChange> changes = Collections.synchronizedList(new ArrayList<>());
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(150));
        try (Outbox slow = Outbox.open(url, "postgres", "x"); Outbox fast = Outbox.open(url, "postgres", "x", ahead);
                ModemMailer m1 = mailer(uc15.emulator()); ModemMailer m2 = mailer(second)) {
            slow.addListener(changes::add);
            fast.addListener(changes::add);
            Map<String, MessageId> bySubject = new HashMap<>();
            for (int i = 0; i < total; i++) {
                String s = "skew-" + i;
                bySubject.put(s, slow.enqueue(EmailDraft.builder().to("ops@example.com").subject(s).body("b").build()));
            }
            Dispatcher a = Dispatcher.start(slow, Map.of("modem-a", m1), DispatcherTest.fast("host-a"));
            Dispatcher b = Dispatcher.start(fast, Map.of("modem-b", m2), DispatcherTest.fast("host-b"));
            try {
                PostgresFleetTest.awaitCount(slow, MessageState.SENT, total);
            } finally {
                b.stop(Duration.ofSeconds(10));
                a.stop(Duration.ofSeconds(10));
            }
            Map<MessageState, Long> counts = slow.counts();
            assertEquals(total, counts.get(MessageState.SENT), counts::toString);
            assertEquals(0, counts.get(MessageState.UNKNOWN), counts::toString);
            List<StateChange> reclaimed = changes.stream().filter(c -> c.detail() != null
                    && c.detail().contains("gateway stopped")).toList();
            assertEquals(List.of(), reclaimed, "no live lease was taken");
            Map<String, Integer> received = new HashMap<>();
            for (MimeMessage m : uc15.receivedMessages()) {
                received.merge(m.getSubject(), 1, Integer::sum);
            }
            assertEquals(bySubject.keySet(), received.keySet());
            assertTrue(received.values().stream().allMatch(n -> n == 1), received::toString);
            for (MessageId id : bySubject.values()) {
                assertEquals(1, slow.attempts(id).size(), "one attempt each");
            }
        } finally {
            second.close();
        }
    }
}
