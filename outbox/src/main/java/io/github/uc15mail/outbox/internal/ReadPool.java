package io.github.uc15mail.outbox.internal;

import io.github.uc15mail.outbox.OutboxException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A few connections for reads, opened on demand and kept; one that fails is closed, so reads resume on
 * a fresh connection when the database is back. Reads run with auto-commit (one statement or a read-only
 * snapshot per call is all the outbox needs).
 */
public final class ReadPool implements AutoCloseable {

    private final Connector connector;
    private final StoreDamage damage;
    private final String storeName;
    private final BlockingQueue<Connection> idle;

    public ReadPool(Connector connector, String storeName, int size) {
        this(connector, storeName, size, new StoreDamage(storeName));
    }

    /** A pool that reports damage (see {@link StoreDamage}) as a {@link io.github.uc15mail.outbox.StoreDamagedException}. */
    public ReadPool(Connector connector, String storeName, int size, StoreDamage damage) {
        this.damage = damage;
        this.connector = connector;
        this.storeName = storeName;
        this.idle = new ArrayBlockingQueue<>(size);
    }

    public <T> T read(SqlWork<T> work) {
        Connection c = idle.poll();
        try {
            if (c == null) {
                c = connector.open();
                c.setAutoCommit(true);
            }
            T result = work.run(c);
            if (!idle.offer(c)) {
                c.close();
            }
            return result;
        } catch (SQLException e) {
            discard(c);
            throw damage.wrap(new OutboxException("the outbox store " + storeName + " cannot be read: " + e.getMessage(),
                    e));
        } catch (RuntimeException | Error e) {
            // The connection may be mid-way through something: close it rather than hand it to the next read.
            discard(c);
            throw e;
        }
    }

    private static void discard(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // thrown away
            }
        }
    }

    @Override
    public void close() {
        Connection c;
        while ((c = idle.poll()) != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
