package io.github.uc15mail.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.at.AtSession;
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

/** Several gateways on one PostgreSQL, and PostgreSQL going away and coming back. */
class PostgresFleetTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    @TempDir
    Path dir;

    private Map<String, Integer> receivedBySubject() throws Exception {
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
            Map<String, Integer> received = receivedBySubject();
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

    /**
     * PostgreSQL unreachable for 25 s (a proxy drops every connection) while mail keeps arriving and a
     * modem is sending: what was acknowledged goes out once, the rest is refused at once (the front door's
     * 451), and the gateway carries on by itself when the database is back.
     */
    @Test
    void aDatabaseCutOf25sLosesNothingAcknowledgedAndRecoversWithoutARestart() throws Exception {
        TestPostgres pg = TestPostgres.get();
        String direct = pg.newDatabase();
        SmtpConfig config = SmtpConfig.builder().server("127.0.0.1", uc15.smtpPort()).sender("", "gw@example.com")
                .sendTimeoutSeconds(60).sendResultTimeout(Duration.ofSeconds(20)).build();
        uc15.emulator().faults().lineSpeed(115_200);
        try (TcpProxy proxy = new TcpProxy(pg.port());
                Outbox outbox = Outbox.open(proxy.through(direct), "postgres", "x");
                Outbox observer = Outbox.open(direct, "postgres", "x");
                ModemMailer mailer = ModemMailer.builder(io.github.uc15mail.Modem.open(uc15.emulator().connect()), config)
                        .ownsSession(true).build()) {
            List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
            List<String> refused = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 20; i++) {
                outbox.enqueue(EmailDraft.builder().to("ops@example.com").subject("before-" + i)
                        .body("x".repeat(2000)).build());
                acknowledged.add("before-" + i);
            }
            Dispatcher d = Dispatcher.start(outbox, Map.of("modem", mailer), DispatcherTest.fast("n1"));
            java.util.concurrent.atomic.AtomicBoolean producing = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread producer = new Thread(() -> {
                for (int i = 0; producing.get(); i++) {
                    String s = "during-" + i;
                    try {
                        outbox.enqueue(EmailDraft.builder().to("ops@example.com").subject(s).body("y").build());
                        acknowledged.add(s);
                    } catch (OutboxException e) {
                        refused.add(s);
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            try {
                awaitCount(observer, MessageState.SENT, 3);
                producer.start();
                proxy.cut();
                long cutAt = System.nanoTime();
                try {
                    OutboxException e = assertThrows(OutboxException.class, () -> outbox.enqueue(
                            EmailDraft.builder().to("ops@example.com").subject("refused").body("x").build()));
                    assertTrue(e.getMessage().contains("cannot be reached"), e.getMessage());
                    // The outage itself is what is tested: it lasts 25 s of real time, over eight leases.
                    long left = Duration.ofSeconds(25).toNanos() - (System.nanoTime() - cutAt);
                    java.util.concurrent.TimeUnit.NANOSECONDS.sleep(Math.max(0, left));
                } finally {
                    proxy.restore();
                }
                producing.set(false);
                producer.join();
                for (int i = 0; i < 5; i++) {
                    outbox.enqueue(EmailDraft.builder().to("ops@example.com").subject("after-" + i).body("y").build());
                    acknowledged.add("after-" + i);
                }
                awaitCount(observer, MessageState.SENT, acknowledged.size());
                for (String s : List.of("after-4")) {
                    assertTrue(acknowledged.contains(s));
                }
            } finally {
                producing.set(false);
                d.stop(Duration.ofSeconds(10));
            }
            assertTrue(refused.size() >= 20, "mail offered during the cut is refused at once: " + refused.size());
            Map<String, Integer> received = receivedBySubject();
            for (String s : acknowledged) {
                assertEquals(1, received.getOrDefault(s, 0), s + " was acknowledged and must arrive exactly once");
            }
            assertTrue(received.values().stream().allMatch(n -> n == 1), received::toString);
            assertEquals(0, observer.counts().get(MessageState.FAILED));
            assertEquals(0, observer.counts().get(MessageState.UNKNOWN), observer.counts()::toString);
        }
    }

    static void awaitCount(Outbox outbox, MessageState state, long n) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            try {
                if (outbox.counts().get(state) >= n) {
                    return;
                }
            } catch (OutboxException e) {
                // the database is away; keep waiting
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("not " + n + " " + state + " after 120 s: " + outbox.counts());
            }
            Thread.sleep(50);
        }
    }
}
