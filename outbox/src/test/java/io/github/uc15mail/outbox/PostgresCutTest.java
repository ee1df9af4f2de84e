package io.github.uc15mail.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.testkit.Uc15EmulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PostgreSQL going away for 25 s and coming back under a running gateway. A class of its own, apart from
 * {@link PostgresFleetTest}, so that the two long PostgreSQL tests run side by side.
 */
class PostgresCutTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

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
                PostgresFleetTest.awaitCount(observer, MessageState.SENT, 3);
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
                PostgresFleetTest.awaitCount(observer, MessageState.SENT, acknowledged.size());
                for (String s : List.of("after-4")) {
                    assertTrue(acknowledged.contains(s));
                }
            } finally {
                producing.set(false);
                d.stop(Duration.ofSeconds(10));
            }
            assertTrue(refused.size() >= 20, "mail offered during the cut is refused at once: " + refused.size());
            Map<String, Integer> received = PostgresFleetTest.receivedBySubject(uc15);
            for (String s : acknowledged) {
                assertEquals(1, received.getOrDefault(s, 0), s + " was acknowledged and must arrive exactly once");
            }
            assertTrue(received.values().stream().allMatch(n -> n == 1), received::toString);
            assertEquals(0, observer.counts().get(MessageState.FAILED));
            assertEquals(0, observer.counts().get(MessageState.UNKNOWN), observer.counts()::toString);
        }
    }
}
