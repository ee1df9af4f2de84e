package io.github.uc15mail.at;

import io.github.uc15mail.at.AtSession.UrcListener;
import io.github.uc15mail.at.AtSession.Subscription;
import io.github.uc15mail.error.CommandTimeoutException;
import io.github.uc15mail.error.TransportClosedException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a session's URCs, in arrival order, on the session's one URC thread: first to one-shot waits
 * ({@link AtSession#awaitUrc}), then to subscribers. A listener or matcher that throws is logged and
 * does not affect the others. The reader thread only queues a URC here; it never runs listener code.
 */
final class UrcDispatcher {

    private static final Logger log = LoggerFactory.getLogger(AtSession.class);

    private record Sub(Predicate<Urc> filter, UrcListener listener) {}

    private record Waiter(Predicate<Urc> matcher, CompletableFuture<Urc> future) {}

    private final CopyOnWriteArrayList<Sub> subscribers = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Waiter> waiters = new CopyOnWriteArrayList<>();
    private final ExecutorService thread;

    UrcDispatcher(String threadName) {
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    Subscription subscribe(Predicate<Urc> filter, UrcListener listener) {
        Sub sub = new Sub(filter, listener);
        subscribers.add(sub);
        return () -> subscribers.remove(sub);
    }

    /** A one-shot wait; fails with {@link CommandTimeoutException} after {@code timeout}. */
    CompletableFuture<Urc> await(String description, Predicate<Urc> matcher, Duration timeout) {
        CompletableFuture<Urc> future = new CompletableFuture<>();
        Waiter waiter = new Waiter(matcher, future);
        waiters.add(waiter);
        // The deadline thread only hands the failure to a pool thread, where the caller's callbacks run.
        ScheduledFuture<?> deadline = Watchdog.schedule(() -> Watchdog.run(
                () -> future.completeExceptionally(new CommandTimeoutException(description, timeout))),
                timeout.toNanos());
        future.whenComplete((v, e) -> {
            waiters.remove(waiter);
            deadline.cancel(false);
        });
        return future;
    }

    /** Queues {@code urc} for delivery. */
    void dispatch(Urc urc) {
        try {
            thread.execute(() -> deliver(urc));
        } catch (RejectedExecutionException e) {
            log.debug("URC after close dropped: {}", urc);
        }
    }

    private void deliver(Urc urc) {
        boolean taken = false;
        for (Waiter w : waiters) {
            if (!w.future.isDone() && test(w.matcher, urc) && w.future.complete(urc)) {
                taken = true;
            }
        }
        for (Sub s : subscribers) {
            if (test(s.filter, urc)) {
                taken = true;
                try {
                    s.listener.onUrc(urc);
                } catch (RuntimeException e) {
                    log.warn("URC listener threw on {}", urc, e);
                }
            }
        }
        if (!taken) {
            log.debug("unhandled URC {}", urc);
        }
    }

    private static boolean test(Predicate<Urc> p, Urc urc) {
        try {
            return p.test(urc);
        } catch (RuntimeException e) {
            log.warn("URC matcher threw", e);
            return false;
        }
    }

    /** Fails every wait and stops the URC thread once queued URCs are delivered. */
    void close(Supplier<TransportClosedException> why) {
        for (Waiter w : waiters) {
            w.future.completeExceptionally(why.get());
        }
        thread.shutdown();
    }
}
