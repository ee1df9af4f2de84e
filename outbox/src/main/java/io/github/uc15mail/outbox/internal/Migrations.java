package io.github.uc15mail.outbox.internal;

import io.github.uc15mail.outbox.OutboxException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings the store's schema to the version this code needs, with Flyway: versioned SQL scripts under
 * {@code db/outbox/sqlite} and {@code db/outbox/postgresql}, history in {@code outbox_schema_history}.
 * Safe to run from several gateways at once (Flyway locks the history table).
 */
public final class Migrations {

    private Migrations() {}

    public static void migrate(StoreLocation location) {
        try {
            Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(new LocationDataSource(location))
                    .locations("classpath:db/outbox/" + location.dialect().name().toLowerCase(java.util.Locale.ROOT))
                    .table("outbox_schema_history")
                    .baselineOnMigrate(false)
                    // V3 (issue 25) came after V4 (issue 24): a store already at V4 takes V3 in place.
                    .outOfOrder(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new OutboxException("cannot prepare the outbox store " + location + ": " + firstLine(e), e);
        }
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage()).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Hands Flyway our connections, so it never sees the password as a property of its own. */
    private record LocationDataSource(StoreLocation location) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return location.open();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return location.open();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getLogger("uc15mail.outbox");
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
