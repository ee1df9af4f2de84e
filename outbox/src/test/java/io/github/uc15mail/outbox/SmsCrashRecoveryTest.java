package io.github.uc15mail.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.SmsDraft;
import io.github.uc15mail.testkit.SentSms;
import io.github.uc15mail.testkit.Uc15EmulatorExtension;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a gateway JVM draining SMS (single and two-part) at five points, restarted each time: every SMS
 * ends SENT (arrived whole exactly once) or UNKNOWN (arrived at most once); none lost, none twice. A gateway
 * killed at the {@code > } prompt leaves the modem there; the next one closes it with ESC.
 */
class SmsCrashRecoveryTest {

    static final int MESSAGES = 40;

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    @TempDir
    Path dir;

    @Test
    void killedFiveTimesSendsNoSmsTwice() throws Exception {
        String store = "sqlite:" + dir.resolve("outbox.db");
        Path log = dir.resolve("gateway.log");
        Random random = new Random(24);
        try (Outbox outbox = Outbox.open(store)) {
            Map<String, MessageId> byText = new HashMap<>();
            for (int i = 0; i < MESSAGES; i++) {
                String text = String.format("sms-%03d ", i) + (i % 3 == 0 ? "x".repeat(180) : "alarm");
                byText.put(text, outbox.enqueueSms(SmsDraft.of("+491701234567", text)));
            }
            int modemPort = uc15.emulator().listenTcp(0);
            for (int kill = 1; kill <= 5; kill++) {
                Process gw = GatewayProcess.launch(log, store, "gw", uc15.smtpPort(), List.of(modemPort));
                try {
                    CrashRecoveryTest.awaitSettled(outbox, kill * (MESSAGES / 6L), log);
                    Thread.sleep(random.nextInt(40));
                } finally {
                    gw.destroyForcibly();
                    assertTrue(gw.waitFor(30, TimeUnit.SECONDS));
                }
            }
            Process last = GatewayProcess.launch(log, store, "gw", uc15.smtpPort(), List.of(modemPort));
            try {
                CrashRecoveryTest.awaitSettled(outbox, MESSAGES, log);
            } finally {
                last.destroyForcibly();
                last.waitFor(30, TimeUnit.SECONDS);
            }
            Map<String, Integer> received = new HashMap<>();
            for (SentSms s : uc15.emulator().sentSms()) {
                received.merge(s.text(), 1, Integer::sum);
            }
            Map<MessageState, Long> counts = outbox.counts();
            assertEquals(MESSAGES, counts.get(MessageState.SENT) + counts.get(MessageState.UNKNOWN), counts::toString);
            for (Map.Entry<String, MessageId> e : byText.entrySet()) {
                MessageState state = outbox.find(e.getValue()).orElseThrow().state();
                int times = received.getOrDefault(e.getKey(), 0);
                if (state == MessageState.SENT) {
                    assertEquals(1, times, e.getKey() + " is SENT and must have arrived exactly once");
                } else {
                    assertEquals(MessageState.UNKNOWN, state, e.getKey());
                    assertTrue(times <= 1, e.getKey() + " is UNKNOWN and arrived " + times + " times");
                }
            }
            assertTrue(received.values().stream().allMatch(n -> n == 1), "no SMS twice: " + received);
            System.out.println("SMS crash test: " + counts);
        }
    }
}
