package io.github.uc15mail.outbox.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Where the outbox's time comes from: the SQL function {@code outbox_now()} (epoch milliseconds). On
 * PostgreSQL it is the database server's clock (created by migration V2), so every gateway of a fleet
 * compares leases, back-off, not-before and expiry against one clock whatever its own says. On SQLite
 * (one host) the store registers it on each connection it opens, reading the injected {@link Clock}, so
 * tests move time instead of sleeping.
 */
public final class StoreTime {

    /** The SQL expression for "now", in epoch milliseconds. */
    public static final String NOW = "outbox_now()";

    private StoreTime() {}

    /** A connector whose connections know {@code outbox_now()}. */
    public static Connector connector(StoreLocation location, Clock clock) {
        if (location.dialect() == StoreLocation.Dialect.POSTGRESQL) {
            return location::open;
        }
        return () -> {
            Connection c = location.open();
            try {
                org.sqlite.Function.create(c, "outbox_now", new org.sqlite.Function() {
                    @Override
                    protected void xFunc() throws SQLException {
                        result(clock.millis());
                    }
                });
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return c;
        };
    }

    /** The store's current time, read through {@code c}. */
    public static long now(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + NOW); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
