package io.github.uc15mail.outbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.outbox.OutboxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupWriterTest {

    @TempDir
    Path dir;

    private GroupWriter writer(Duration timeout) {
        StoreLocation location = StoreLocation.parse("sqlite:" + dir.resolve("w.db"), null, null);
        return new GroupWriter(location::open, "test", timeout);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aWriteTheWriterStartedIsWaitedForAndOneItNeverStartedNeverRuns() throws Exception {
        try (GroupWriter w = writer(Duration.ofSeconds(1))) {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return w.write(c -> {
                        started.countDown();
                        await(release);
                        return "committed";
                    });
                } catch (RuntimeException e) {
                    return e;
                }
            });
            assertTrue(started.await(30, TimeUnit.SECONDS));
            AtomicBoolean secondRan = new AtomicBoolean();
            OutboxException e = assertThrows(OutboxException.class, () -> w.write(c -> {
                secondRan.set(true);
                return null;
            }));
            assertTrue(e.getMessage().contains("nothing was stored"), e.getMessage());
            release.countDown();
            // the first caller outlived its first timeout but its work was claimed: it gets the real result
            assertEquals("committed", first.get(30, TimeUnit.SECONDS));
            assertEquals("after", w.write(c -> "after"));
            assertFalse(secondRan.get(), "a write withdrawn before the writer took it must never run");
        }
    }

    @Test
    void aClaimedWriteThatOutlastsEveryWaitIsReportedAsUnknownNotAsNothingStored() throws Exception {
        try (GroupWriter w = writer(Duration.ofMillis(200))) {
            CountDownLatch release = new CountDownLatch(1);
            OutboxException e = assertThrows(OutboxException.class, () -> w.write(c -> {
                await(release);
                return null;
            }));
            release.countDown();
            assertTrue(e.getMessage().contains("outcome is unknown"), e.getMessage());
            assertFalse(e.getMessage().contains("nothing"), e.getMessage());
        }
    }
}
