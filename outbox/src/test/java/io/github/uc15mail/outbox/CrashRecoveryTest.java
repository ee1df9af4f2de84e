package io.github.uc15mail.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.testkit.Await;
import io.github.uc15mail.testkit.Uc15EmulatorExtension;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a draining gateway JVM at ten points over a 200-message run, restarted each time: every
 * message ends SENT (delivered exactly once) or UNKNOWN (delivered at most once); none lost, none twice.
 */
class CrashRecoveryTest {

    static final int MESSAGES = 200;

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    @TempDir
    Path dir;

    @Test
    void killedTenTimesLosesNothingAndSendsNothingTwice() throws Exception {
        String store = "sqlite:" + dir.resolve("outbox.db");
        Path log = dir.resolve("gateway.log");
        Random random = new Random(13);
        try (Outbox outbox = Outbox.open(store)) {
            Map<String, MessageId> bySubject = new HashMap<>();
            for (int i = 0; i < MESSAGES; i++) {
                String subject = String.format("msg-%03d", i);
                bySubject.put(subject, outbox.enqueue(EmailDraft.builder().to("ops@example.com").subject(subject)
                        .body("body " + i).build()));
            }
            int modemPort = uc15.emulator().listenTcp(0);
            for (int kill = 1; kill <= 10; kill++) {
                Process gw = GatewayProcess.launch(log, store, "gw", uc15.smtpPort(), List.of(modemPort));
                try {
                    long target = kill * (MESSAGES / 11L);
                    awaitSettled(outbox, target, log);
                    Thread.sleep(random.nextInt(60));
                } finally {
                    gw.destroyForcibly();
                    assertTrue(gw.waitFor(30, TimeUnit.SECONDS));
                }
            }
            Process last = GatewayProcess.launch(log, store, "gw", uc15.smtpPort(), List.of(modemPort));
            try {
                awaitSettled(outbox, MESSAGES, log);
            } finally {
                last.destroyForcibly();
                last.waitFor(30, TimeUnit.SECONDS);
            }

            Map<String, Integer> received = new HashMap<>();
            for (MimeMessage m : uc15.receivedMessages()) {
                received.merge(m.getSubject(), 1, Integer::sum);
            }
            Map<MessageState, Long> counts = outbox.counts();
            assertEquals(MESSAGES, counts.get(MessageState.SENT) + counts.get(MessageState.UNKNOWN), counts::toString);
            int unknown = 0;
            for (Map.Entry<String, MessageId> e : bySubject.entrySet()) {
                MessageState state = outbox.find(e.getValue()).orElseThrow().state();
                int times = received.getOrDefault(e.getKey(), 0);
                if (state == MessageState.SENT) {
                    assertEquals(1, times, e.getKey() + " is SENT and must have arrived exactly once");
                } else {
                    assertEquals(MessageState.UNKNOWN, state, e.getKey());
                    assertTrue(times <= 1, e.getKey() + " is UNKNOWN and arrived " + times + " times");
                    unknown++;
                }
            }
            assertEquals(received.size(), received.values().stream().filter(n -> n == 1).count(), "no duplicates");
            System.out.println("crash test: " + counts + ", UNKNOWN " + unknown);
        }
    }

    /** Waits until at least {@code n} messages are in a final state. */
    static void awaitSettled(Outbox outbox, long n, Path log) throws Exception {
        Await.value("at least " + n + " messages settled", Duration.ofSeconds(90), outbox::counts,
                c -> c.get(MessageState.SENT) + c.get(MessageState.UNKNOWN) + c.get(MessageState.FAILED) >= n,
                () -> "gateway log:\n" + tail(log));
    }

    /** The log's last 40 lines, for a failure message. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (java.io.IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }
}
