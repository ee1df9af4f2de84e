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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two gateways under one node name, and one message handed in many times at once, on a real PostgreSQL.
 */
class PostgresTwinAndDuplicateTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    private ModemMailer mailer(Uc15Emulator e) throws Exception {
        SmtpConfig config = SmtpConfig.builder().server("127.0.0.1", uc15.smtpPort()).sender("", "gw@example.com")
                .sendTimeoutSeconds(60).sendResultTimeout(Duration.ofSeconds(20)).build();
        return ModemMailer.builder(io.github.uc15mail.Modem.open(e.connect()), config).ownsSession(true).build();
    }

    /**
     * A twin started under the name of a live gateway while it is sending works alongside it: it does not
     * take the live gateway's leases at start (nothing is settled by the crash rule), both send, and every
     * message arrives once.
     */
    @Test
    void aTwinUnderTheSameNodeNameSharesTheWorkAndTakesNoLiveLease() throws Exception {
        String url = TestPostgres.get().newDatabase();
        int total = 40;
        Uc15Emulator second = Uc15Emulator.create();
        uc15.emulator().faults().lineSpeed(115_200);
        second.faults().lineSpeed(115_200);
        List<StateChange> twinSaw = Collections.synchronizedList(new ArrayList<>());
        try (Outbox first = Outbox.open(url, "postgres", "x"); Outbox twin = Outbox.open(url, "postgres", "x");
                ModemMailer m1 = mailer(uc15.emulator()); ModemMailer m2 = mailer(second)) {
            Map<String, MessageId> bySubject = new HashMap<>();
            for (int i = 0; i < total; i++) {
                String s = "twin-" + i;
                bySubject.put(s, first.enqueue(EmailDraft.builder().to("ops@example.com").subject(s)
                        .body("x".repeat(3000)).build()));
            }
            twin.addListener(twinSaw::add);
            DispatcherOptions o = DispatcherTest.fast("gw");
            Dispatcher a = Dispatcher.start(first, Map.of("modem-a", m1), o);
            Dispatcher b = null;
            try {
                PostgresFleetTest.awaitCount(first, MessageState.SENT, 2);
                PostgresFleetTest.awaitCount(first, MessageState.SENDING, 1);
                b = Dispatcher.start(twin, Map.of("modem-b", m2), o);
                PostgresFleetTest.awaitCount(first, MessageState.SENT, total);
            } finally {
                if (b != null) {
                    b.stop(Duration.ofSeconds(10));
                }
                a.stop(Duration.ofSeconds(10));
            }
            List<StateChange> settled = twinSaw.stream().filter(c -> c.from() == MessageState.SENDING
                    && c.to() != MessageState.SENT && c.detail() != null && c.detail().contains("gateway stopped")).toList();
            assertEquals(List.of(), settled, "the twin settled a live gateway's lease");
            Map<String, Integer> received = new HashMap<>();
            for (MimeMessage m : uc15.receivedMessages()) {
                received.merge(m.getSubject(), 1, Integer::sum);
            }
            assertEquals(total, received.size(), received::toString);
            assertTrue(received.values().stream().allMatch(n -> n == 1), received::toString);
            assertEquals(total, first.counts().get(MessageState.SENT), first.counts()::toString);
            Set<String> modems = new HashSet<>();
            for (MessageId id : bySubject.values()) {
                first.attempts(id).forEach(at -> modems.add(at.modem()));
            }
            assertEquals(Set.of("modem-a", "modem-b"), modems, "both twins sent");
        } finally {
            second.close();
        }
    }

    /** Eight gateways hand in the same key at the same moment: one row, and every caller gets its id. */
    @Test
    void eightGatewaysRacingOneKeyGetOneRowAndTheSameId() throws Exception {
        String url = TestPostgres.get().newDatabase();
        int n = 8;
        List<Outbox> gateways = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            for (int i = 0; i < n; i++) {
                gateways.add(Outbox.open(url, "postgres", "x"));
            }
            for (int round = 0; round < 5; round++) {
                CyclicBarrier start = new CyclicBarrier(n);
                String key = "race-" + round;
                List<Future<MessageId>> ids = new ArrayList<>();
                for (Outbox g : gateways) {
                    ids.add(pool.submit(() -> {
                        start.await();
                        return g.enqueue(EmailDraft.builder().to("ops@example.com").subject(key).body("b").build(),
                                EnqueueOptions.defaults().withIdempotencyKey(key));
                    }));
                }
                Set<MessageId> distinct = new HashSet<>();
                for (Future<MessageId> f : ids) {
                    distinct.add(f.get());
                }
                assertEquals(1, distinct.size(), "every caller gets the one id: " + distinct);
            }
            assertEquals(5, gateways.get(0).list(null, 100).size());
        } finally {
            pool.shutdownNow();
            gateways.forEach(Outbox::close);
        }
    }
}
