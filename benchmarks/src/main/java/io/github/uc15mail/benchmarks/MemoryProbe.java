package io.github.uc15mail.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.github.uc15mail.mail.Attachment;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.SendReceipt;
import io.github.uc15mail.transport.Transport.SocketTransport;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The host side alone, in its own JVM (run it with a small {@code -Xmx}): sends one email with a file
 * attachment to an emulator listening on TCP in another process, and prints the heap it needed as
 * {@code RESULT <peakUsedBytes> <peakLiveBytes> <millis> <resultCode>}. Peak used is the highest heap
 * occupancy sampled every 2 ms (garbage included); peak live is the highest occupancy right after a
 * garbage collection, which is what the SDK really holds.
 *
 * <p>Usage: {@code MemoryProbe <modemPort> <smtpHost> <smtpPort> <attachmentFile>}.
 */
public final class MemoryProbe {

    private MemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        int modemPort = Integer.parseInt(args[0]);
        String smtpHost = args[1];
        int smtpPort = Integer.parseInt(args[2]);
        Path file = Path.of(args[3]);

        java.util.Set<String> heapPools = new java.util.HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        AtomicLong peakLive = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long used = 0;
                    for (java.util.Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        if (heapPools.contains(e.getKey())) {
                            used += e.getValue().getUsed();
                        }
                    }
                    peakLive.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
        AtomicLong peakUsed = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();

        long start = System.nanoTime();
        SendReceipt receipt;
        try (ModemMailer mailer = ModemMailer.open(new SocketTransport("127.0.0.1", modemPort),
                SmtpServer.config(smtpHost, smtpPort))) {
            receipt = mailer.send(Emails.withAttachment(Attachment.fromPath("readings.bin", file)));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        sampler.interrupt();
        sampler.join();
        System.out.println("RESULT " + peakUsed.get() + " " + peakLive.get() + " " + millis + " " + receipt.resultCode());
        System.out.flush();
        System.exit(0);
    }
}
