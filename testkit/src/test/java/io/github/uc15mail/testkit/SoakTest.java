package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.Attachment;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.mail.Security;
import io.github.uc15mail.mail.SmtpConfig;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consecutive sends through a modem whose replies arrive in random fragments with URC noise: every email
 * is delivered exactly once, and live threads, heap after GC and files on the modem do not grow.
 * {@code -Dsoak.sends=1000} for a long run (default 100).
 */
@org.junit.jupiter.api.parallel.Isolated("measures the heap after GC: other tests' allocations would blur it")
class SoakTest {

    private static final Logger log = LoggerFactory.getLogger(SoakTest.class);
    /** Heap growth allowed between the warm-up and the end, after GC: the emulator keeps a record of every command. */
    static final long HEAP_TOLERANCE = 32L * 1024 * 1024;
    static final int THREAD_TOLERANCE = 3;

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    @Test
    void consecutiveSendsDeliverOnceAndLeakNothing() throws Exception {
        int sends = Integer.getInteger("soak.sends", 100);
        int warmUp = Math.min(10, sends / 2);
        Uc15Emulator modem = uc15.emulator();
        modem.faults().randomChunks(20240601L).urcNoise(true);
        SmtpConfig config = SmtpConfig.builder().server("127.0.0.1", uc15.smtpPort()).security(Security.NONE)
                .sender("Soak", "soak@example.com").build();
        long baseHeap = 0;
        int baseThreads = 0;
        int delivered = 0;
        java.util.Set<String> subjects = new java.util.HashSet<>();
        long endHeap;
        int endThreads;
        try (ModemMailer mailer = ModemMailer.open(modem.connect(), config)) {
            for (int i = 0; i < sends; i++) {
                if (i == warmUp) {
                    baseHeap = heapAfterGc();
                    baseThreads = ManagementFactory.getThreadMXBean().getThreadCount();
                }
                String subject = "soak-" + i;
                EmailDraft.Builder d = EmailDraft.builder().to("ops@example.com").subject(subject).body("reading " + i);
                if (i % 3 == 0) {
                    d.attach(Attachment.ofBytes("r" + (i % 7) + ".csv", ("t,p\n" + i + ",1\n").getBytes(StandardCharsets.US_ASCII)));
                }
                mailer.send(d.build());
                // what the SMTP server received since the last purge: exactly this mail, once
                MimeMessage[] received = uc15.receivedMessages();
                for (MimeMessage m : received) {
                    if (!subject.equals(m.getSubject())) {
                        throw new AssertionError("unexpected message " + m.getSubject() + " after " + subject);
                    }
                }
                assertEquals(1, received.length, subject + " delivered once");
                delivered += received.length;
                subjects.add(received[0].getSubject());
                uc15.greenMail().purgeEmailFromAllMailboxes();
                assertTrue(modem.ramFiles().isEmpty(), "files left after " + subject + ": " + modem.ramFiles().keySet());
                assertTrue(modem.isContentEmpty(), "content left after " + subject);
            }
            endHeap = heapAfterGc();
            endThreads = ManagementFactory.getThreadMXBean().getThreadCount();
        }
        // counted from what the server received: a lost or a repeated mail changes one of these
        assertEquals(sends, delivered, "messages the SMTP server received");
        assertEquals(sends, subjects.size(), "distinct subjects received");
        assertEquals(sends, modem.sentEmails().stream().filter(SentEmail::delivered).count(),
                "sends the modem reports as delivered");
        log.info("soak: {} sends; heap after GC {} KiB -> {} KiB; threads {} -> {}", sends, baseHeap / 1024,
                endHeap / 1024, baseThreads, endThreads);
        assertTrue(endThreads <= baseThreads + THREAD_TOLERANCE, "threads grew from " + baseThreads + " to " + endThreads);
        assertTrue(endHeap <= baseHeap + HEAP_TOLERANCE, "heap after GC grew from " + baseHeap + " to " + endHeap);
    }

    static long heapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            min = Math.min(min, memory.getHeapMemoryUsage().getUsed());
        }
        return min;
    }
}
