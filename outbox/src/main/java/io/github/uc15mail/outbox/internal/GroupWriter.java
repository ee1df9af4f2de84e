package io.github.uc15mail.outbox.internal;

import io.github.uc15mail.outbox.OutboxException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every write to the store goes through one thread and one connection, which takes all the work waiting
 * and commits it in one transaction: concurrent producers share one fsync instead of queueing for one
 * each (group commit). Each piece of work runs inside its own savepoint, so one that fails is rolled back
 * alone. A caller's {@link #write} returns only after the commit that holds its work succeeded.
 *
 * <p>A failed connection is dropped and the work of that batch fails with an {@link OutboxException};
 * the next batch opens a new connection, so the writer resumes by itself when the database is back.
 */
public final class GroupWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupWriter.class);
    private static final int MAX_BATCH = 512;
    private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final Connector connector;
    private final StoreDamage damage;
    private final String storeName;
    private final Duration timeout;
    private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    private Connection connection;
    private int lastBatch;

    private static final int PENDING = 0;
    private static final int CLAIMED = 1;
    private static final int CANCELLED = 2;

    /**
     * One write. Its state goes from PENDING either to CLAIMED (by the writer thread, before the work runs)
     * or to CANCELLED (by a caller that gave up), never both: a cancelled task is never run, and a caller
     * whose task was claimed does not report "nothing stored".
     */
    private record Task<T>(SqlWork<T> work, CompletableFuture<T> result, AtomicInteger state) {
        Task(SqlWork<T> work, CompletableFuture<T> result) {
            this(work, result, new AtomicInteger(PENDING));
        }

        boolean claim() {
            return state.compareAndSet(PENDING, CLAIMED);
        }

        boolean cancel() {
            return state.compareAndSet(PENDING, CANCELLED);
        }
    }

    public GroupWriter(Connector connector, String storeName, Duration timeout) {
        this(connector, storeName, timeout, new StoreDamage(storeName));
    }

    /** A writer that reports damage (see {@link StoreDamage}) as a {@link io.github.uc15mail.outbox.StoreDamagedException}. */
    public GroupWriter(Connector connector, String storeName, Duration timeout, StoreDamage damage) {
        this.damage = damage;
        this.connector = connector;
        this.storeName = storeName;
        this.timeout = timeout;
        this.thread = new Thread(this::loop, "uc15mail-outbox-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Runs {@code work} in the next batch and returns its result once that batch is committed.
     *
     * <p>When the writer has not started the work within the timeout, the work is withdrawn and never runs:
     * the {@link OutboxException} then means nothing was stored. When the writer has started it, the caller
     * waits for the commit's outcome (up to the timeout once more; a SQLite connection gives up on a locked
     * file sooner, see {@link StoreLocation}); if even that runs out, the exception says the outcome is
     * unknown, because the batch may still commit.
     */
    public <T> T write(SqlWork<T> work) {
        if (closed) {
            throw new OutboxException("the outbox is closed");
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        Task<T> task = new Task<>(work, f);
        queue.add(task);
        try {
            try {
                return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (task.cancel()) {
                    f.cancel(false);
                    throw new OutboxException("the outbox store " + storeName + " did not start the write within "
                            + timeout.toSeconds() + " s: nothing was stored");
                }
                // Claimed by the writer: its batch may commit, so wait for the real outcome.
                try {
                    return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException again) {
                    throw new OutboxException("the outbox store " + storeName + " did not finish a write within "
                            + 2 * timeout.toSeconds() + " s: the outcome is unknown (it may still be committed)");
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OutboxException o) {
                throw damage.wrap(o);
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw damage.wrap(new OutboxException("the outbox store " + storeName + " refused a write: "
                    + cause.getMessage(), cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboxException(task.cancel() ? "interrupted before writing to the outbox store: nothing was stored"
                    : "interrupted while writing to the outbox store: the outcome is unknown (it may still be committed)");
        }
    }

    private void loop() {
        List<Task<?>> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Task<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                gather(batch);
                lastBatch = batch.size();
                runBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                log.error("outbox writer failed", e);
                batch.forEach(t -> t.result().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        closeConnection();
        Task<?> t;
        while ((t = queue.poll()) != null) {
            t.result().completeExceptionally(new OutboxException("the outbox is closed"));
        }
    }

    /**
     * When the last batch came from several writers at once, waits a little (at most {@link #GATHER_NANOS})
     * for as many as last time: writers that just got their commit back are still preparing their next
     * write, and one commit for all of them beats one each.
     */
    private void gather(List<Task<?>> batch) throws InterruptedException {
        if (lastBatch <= 1) {
            return;
        }
        long end = System.nanoTime() + GATHER_NANOS;
        while (batch.size() < Math.min(lastBatch, MAX_BATCH)) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            Task<?> t = queue.poll(left, TimeUnit.NANOSECONDS);
            if (t == null) {
                return;
            }
            batch.add(t);
            queue.drainTo(batch, MAX_BATCH - batch.size());
        }
    }

    private void runBatch(List<Task<?>> batch) {
        batch.removeIf(t -> !t.claim());
        if (batch.isEmpty()) {
            return;
        }
        List<Object> results = new ArrayList<>(batch.size());
        List<Throwable> failures = new ArrayList<>(batch.size());
        try {
            Connection c = connection();
            for (Task<?> task : batch) {
                Savepoint sp = batch.size() > 1 ? c.setSavepoint() : null;
                try {
                    results.add(task.work().run(c));
                    failures.add(null);
                    if (sp != null) {
                        c.releaseSavepoint(sp);
                    }
                } catch (SQLException | RuntimeException e) {
                    if (e instanceof SQLException sql && isConnectionLost(c, sql)) {
                        throw sql;
                    }
                    if (sp != null) {
                        c.rollback(sp);
                    } else {
                        c.rollback();
                    }
                    results.add(null);
                    failures.add(e);
                }
            }
            c.commit();
        } catch (SQLException e) {
            dropConnection();
            OutboxException failure = new OutboxException("the outbox store " + storeName + " cannot be reached or "
                    + "refused the commit: " + e.getMessage(), e);
            batch.forEach(t -> t.result().completeExceptionally(failure));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            complete(batch.get(i), results.get(i), failures.get(i));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Task<T> task, Object result, Throwable failure) {
        if (failure == null) {
            task.result().complete((T) result);
        } else if (failure instanceof RuntimeException r) {
            task.result().completeExceptionally(r);
        } else {
            task.result().completeExceptionally(new OutboxException("the outbox store refused a write: "
                    + failure.getMessage(), failure));
        }
    }

    /**
     * Whether the connection itself failed (as opposed to one statement): SQL state class 08 (connection
     * exception), 57P (server shut down), or a connection the driver has closed. Not a liveness query: in
     * PostgreSQL one would fail inside a transaction that a refused statement has aborted.
     */
    private static boolean isConnectionLost(Connection c, SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
            return true;
        }
        try {
            return c.isClosed();
        } catch (SQLException ignored) {
            return true;
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection c = connector.open();
            c.setAutoCommit(false);
            connection = c;
        }
        return connection;
    }

    private void dropConnection() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // it is being thrown away
            }
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // nothing left to keep
            }
            dropConnection();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
