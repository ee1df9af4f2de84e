package io.github.uc15mail.outbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The outbox contract on a real PostgreSQL server (see {@link TestPostgres}). */
class PostgresOutboxTest extends OutboxContract {

    @Override
    String newStoreUrl() {
        return TestPostgres.get().newDatabase();
    }

    @Override
    Outbox open(String url) {
        return Outbox.open(url, "postgres", "not-needed-with-trust");
    }

    @Override
    String[] credentials() {
        return new String[] {"postgres", "not-needed-with-trust"};
    }

    /** Even on a database whose default is off, the store's connections commit synchronously. */
    @Test
    void everyStoreConnectionCommitsSynchronouslyWithCallsBoundedUnderTheLease() throws Exception {
        String url = newStoreUrl();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "postgres", "");
                java.sql.Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + url.substring(url.lastIndexOf('/') + 1) + " SET synchronous_commit = off");
        }
        try (Outbox o = open(url)) {
            String[] seen = o.store().write(c -> {
                try (java.sql.Statement s = c.createStatement();
                        java.sql.ResultSet rs = s.executeQuery("SELECT current_setting('synchronous_commit'), "
                                + "current_setting('statement_timeout')")) {
                    rs.next();
                    return new String[] {rs.getString(1), rs.getString(2)};
                }
            });
            org.junit.jupiter.api.Assertions.assertEquals("on", seen[0]);
            org.junit.jupiter.api.Assertions.assertEquals("8s", seen[1]);
        }
    }

    @Test
    void passwordInTheUrlIsRefusedAndNeverEchoed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Outbox.open("jdbc:postgresql://127.0.0.1:1/x?password=hunter2"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertTrue(e.getMessage().contains("password=***"), e.getMessage());
    }
}
