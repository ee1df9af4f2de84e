package io.github.uc15mail.at;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads every session in the JVM shares: one daemon thread that fires deadlines, and a pool of
 * daemon threads for the rare blocking work (writing a payload, resynchronising after a timeout,
 * completing a timed-out future away from the deadline thread). Deadline tasks must be short and must
 * never block: they only decide and hand work to the pool.
 */
final class Watchdog {

    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();
    private static final ExecutorService WORKERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), daemon("uc15mail-worker-"));

    private Watchdog() {}

    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, daemon("uc15mail-watchdog-"));
        e.setRemoveOnCancelPolicy(true);
        e.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return e;
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger ids = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + ids.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Runs {@code task} on the deadline thread after {@code delayNanos}. */
    static ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        return DEADLINES.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    /** Runs {@code task} on a pool thread, at once. */
    static void run(Runnable task) {
        WORKERS.execute(task);
    }
}
