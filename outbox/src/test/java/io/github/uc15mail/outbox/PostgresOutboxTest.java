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

    @Test
    void passwordInTheUrlIsRefusedAndNeverEchoed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Outbox.open("jdbc:postgresql://127.0.0.1:1/x?password=hunter2"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertTrue(e.getMessage().contains("password=***"), e.getMessage());
    }
}
