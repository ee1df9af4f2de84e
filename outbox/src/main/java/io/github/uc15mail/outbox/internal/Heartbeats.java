package io.github.uc15mail.outbox.internal;

import io.github.uc15mail.outbox.MessageId;
import io.github.uc15mail.outbox.OutboxException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renews leases on a connection of its own, never queued behind the write batches of enqueues, and only
 * for the attempt that holds each lease. A failed connection is closed and the next beat opens a new one.
 * Every call is bounded by the connection's timeouts ({@link StoreLocation}), well under a lease.
 */
final class Heartbeats implements AutoCloseable {

    private final Connector connector;
    private final String storeName;
    private Connection connection;

    Heartbeats(Connector connector, String storeName) {
        this.connector = connector;
        this.storeName = storeName;
    }

    /**
     * Extends by {@code leaseMillis} (from the store's clock) the lease {@code owner} holds on each message
     * for the attempt given; returns the messages whose lease is no longer this attempt's.
     */
    synchronized Set<MessageId> beat(String owner, Map<MessageId, Integer> attempts, long leaseMillis) {
        Set<MessageId> lost = new HashSet<>();
        if (attempts.isEmpty()) {
            return lost;
        }
        List<Map.Entry<MessageId, Integer>> rows = List.copyOf(attempts.entrySet());
        try {
            Connection c = connection();
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET lease_until = " + StoreTime.NOW
                    + " + ? WHERE id = ? AND attempts = ? AND lease_owner = ? AND state = 'SENDING'")) {
                for (Map.Entry<MessageId, Integer> e : rows) {
                    ps.setLong(1, leaseMillis);
                    ps.setString(2, e.getKey().value());
                    ps.setInt(3, e.getValue());
                    ps.setString(4, owner);
                    ps.addBatch();
                }
                int[] n = ps.executeBatch();
                for (int i = 0; i < n.length; i++) {
                    if (n[i] == 0) {
                        lost.add(rows.get(i).getKey());
                    }
                }
            }
            return lost;
        } catch (SQLException e) {
            close();
            throw new OutboxException("the outbox store " + storeName + " did not renew leases: " + e.getMessage(), e);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection c = connector.open();
            c.setAutoCommit(true);
            connection = c;
        }
        return connection;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // thrown away
            }
            connection = null;
        }
    }
}
