package io.github.uc15mail.internal.exec;

import io.github.uc15mail.at.AtSession;
import io.github.uc15mail.at.AtSession.Subscription;
import io.github.uc15mail.error.Uc15Exception;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every operation on one modem through one interceptor chain: retry, the queue (the modem's fair lock),
 * cancellation, traffic counting, the submit gate and progress, then the work. {@link #execute} runs the chain on
 * the caller's thread; {@link #enqueue} runs it on the modem's one worker thread, started on first use, in the order
 * operations were enqueued. Both kinds meet in the same fair queue, so operations never interleave and are served
 * in arrival order.
 *
 * <p>Not guaranteed: order between a caller's thread and the worker beyond the fairness of the lock; a retry's
 * backoff holds the worker (not the modem), so enqueued operations behind it wait.
 */
public final class ModemExecutor {

    private static final Logger log = LoggerFactory.getLogger(ModemExecutor.class);
    private static final AtomicInteger IDS = new AtomicInteger();

    private final String modem;
    private final QueueInterceptor queue;
    private final List<Interceptor> chain;
    private final Subscription traffic;
    private final ExecutorService worker;
    /** What closing waits for: the close budgets of the enqueued operations not yet finished, in nanoseconds. */
    private final AtomicLong pendingBudget = new AtomicLong();

    /** An executor for the modem on {@code session}. */
    public ModemExecutor(AtSession session) {
        this.modem = session.transport().describe();
        this.queue = new QueueInterceptor(modem);
        TrafficInterceptor counter = new TrafficInterceptor();
        this.chain = List.of(new RetryInterceptor(), queue, new CancelInterceptor(), counter, new EventsInterceptor());
        this.traffic = session.addTrafficListener(counter);
        int id = IDS.incrementAndGet();
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "uc15mail-modem-" + id);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code op} on the calling thread once the modem is free; throws what the work threw. */
    public <T> T execute(Operation<T> op) {
        return new RealChain<>(chain, 0, new RealChain.CallState<>(op)).proceed();
    }

    /**
     * Queues {@code op} for the modem's worker. The future completes with the work's value or its failure; it is
     * completed exceptionally, never thrown at the caller, also when the modem is closed.
     */
    public <T> CompletableFuture<T> enqueue(Operation<T> op, CompletableFuture<T> future) {
        long budget = op.closeBudget.toNanos();
        pendingBudget.addAndGet(budget);
        try {
            worker.execute(() -> {
                try {
                    if (!future.isDone()) {
                        future.complete(execute(op));
                    }
                } catch (Throwable t) {
                    future.completeExceptionally(t);
                } finally {
                    pendingBudget.addAndGet(-budget);
                }
            });
        } catch (RejectedExecutionException e) {
            pendingBudget.addAndGet(-budget);
            future.completeExceptionally(new Uc15Exception("the modem " + modem + " is closed"));
        }
        return future;
    }

    /** Whether the current thread is running an operation (holds the queue). */
    public boolean heldByCurrentThread() {
        return queue.heldByCurrentThread();
    }

    /**
     * Stops taking enqueued operations and waits for the running and queued ones, each for at most its close
     * budget, then interrupts the worker. Interrupting the closing thread stops the wait the same way.
     */
    public void close() {
        worker.shutdown();
        Duration wait = Duration.ofNanos(Math.max(0, pendingBudget.get()));
        try {
            if (!worker.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("an operation on {} is still running after {} s; interrupting it", modem, wait.toSeconds());
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.shutdownNow();
        }
        traffic.cancel();
    }
}
