package io.github.uc15mail.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.testkit.Await;
import io.github.uc15mail.testkit.Uc15Emulator;
import io.github.uc15mail.testkit.Uc15EmulatorExtension;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Several gateways on one PostgreSQL (PostgreSQL going away and coming back: {@link PostgresCutTest}). */
class PostgresFleetTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    @TempDir
    Path dir;

    /** How many times the SMTP server behind {@code uc15} received each subject. */
    static Map<String, Integer> receivedBySubject(Uc15EmulatorExtension uc15) throws Exception {
        Map<String, Integer> received = new HashMap<>();
        for (MimeMessage m : uc15.receivedMessages()) {
            received.merge(m.getSubject(), 1, Integer::sum);
        }
        return received;
    }

    @Test
    void twoGatewaysShareTheQueueAndTheSurvivorFinishesAfterOneIsKilled() throws Exception {
        String url = TestPostgres.get().newDatabase();
        int total = 500;
        List<Uc15Emulator> emulators = new ArrayList<>();
        List<Process> gateways = new ArrayList<>();
        Path log = dir.resolve("gateways.log");
        try (Outbox outbox = Outbox.open(url, "postgres", "x")) {
            Map<String, MessageId> bySubject = new HashMap<>();
            ExecutorService producers = Executors.newFixedThreadPool(8);
            try {
                List<Future<MessageId>> ids = new ArrayList<>();
                for (int i = 0; i < total; i++) {
                    String subject = String.format("fleet-%03d", i);
                    ids.add(producers.submit(() -> outbox.enqueue(EmailDraft.builder().to("ops@example.com")
                            .subject(subject).body("b").build())));
                }
                for (int i = 0; i < total; i++) {
                    bySubject.put(String.format("fleet-%03d", i), ids.get(i).get());
                }
            } finally {
                producers.shutdownNow();
            }
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Uc15Emulator e = Uc15Emulator.create();
                emulators.add(e);
                ports.add(e.listenTcp(0));
            }
            gateways.add(GatewayProcess.launch(log, url, "node-a", uc15.smtpPort(), ports.subList(0, 2)));
            gateways.add(GatewayProcess.launch(log, url, "node-b", uc15.smtpPort(), ports.subList(2, 4)));
            CrashRecoveryTest.awaitSettled(outbox, total / 3, log);
            gateways.get(0).destroyForcibly();
            assertTrue(gateways.get(0).waitFor(30, TimeUnit.SECONDS));
            CrashRecoveryTest.awaitSettled(outbox, total, log);

            Map<MessageState, Long> counts = outbox.counts();
            assertEquals(total, counts.get(MessageState.SENT) + counts.get(MessageState.UNKNOWN), counts::toString);
            Map<String, Integer> received = receivedBySubject(uc15);
            boolean nodeA = false;
            for (Map.Entry<String, MessageId> e : bySubject.entrySet()) {
                MessageState state = outbox.find(e.getValue()).orElseThrow().state();
                int times = received.getOrDefault(e.getKey(), 0);
                if (state == MessageState.SENT) {
                    assertEquals(1, times, e.getKey() + " is SENT and must have arrived exactly once");
                } else {
                    assertEquals(MessageState.UNKNOWN, state, e.getKey());
                }
                nodeA |= outbox.attempts(e.getValue()).stream().anyMatch(a -> a.node().equals("node-a"));
            }
            assertTrue(nodeA, "both gateways took work");
            System.out.println("fleet test: " + counts);
        } finally {
            gateways.forEach(Process::destroyForcibly);
            emulators.forEach(Uc15Emulator::close);
        }
    }

    /** Waits (at most 120 s) until {@code outbox} counts at least {@code n} messages in {@code state}; a
     * database that is away meanwhile only means waiting on. */
    static void awaitCount(Outbox outbox, MessageState state, long n) {
        Await.value("at least " + n + " " + state, Duration.ofSeconds(120), () -> {
            try {
                return outbox.counts();
            } catch (OutboxException e) {
                return null;
            }
        }, counts -> counts != null && counts.get(state) >= n);
    }
}
