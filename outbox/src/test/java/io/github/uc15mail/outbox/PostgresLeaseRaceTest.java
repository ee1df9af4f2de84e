package io.github.uc15mail.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.outbox.internal.Store;
import io.github.uc15mail.outbox.internal.StoreLocation;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A host that ends an attempt after another host reclaimed and re-claimed the message (between its read
 * of the row and its update, which PostgreSQL's READ COMMITTED allows) must leave the new owner's row alone.
 */
class PostgresLeaseRaceTest {

    @Test
    void finishOfALostAttemptDoesNotOverwriteTheNewOwnersRow() throws Exception {
        String url = TestPostgres.get().newDatabase();
        MessageId id;
        try (Outbox outbox = Outbox.open(url, "postgres", "")) {
            id = outbox.enqueue(EmailDraft.builder().to("a@example.com").subject("s").body("b"));
        }
        try (Store store = new Store(StoreLocation.parse(url, "postgres", ""), Duration.ofSeconds(15));
                Connection other = DriverManager.getConnection(url, "postgres", "");
                Connection watch = DriverManager.getConnection(url, "postgres", "")) {
            Store.Claim mine = store.claim("host-a", "a", "m1", 60_000).orElseThrow();
            // Host B reclaims and claims it again, in a transaction still open: it holds the row lock.
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement("UPDATE outbox_message SET lease_owner = 'host-b', "
                    + "attempts = attempts + 1 WHERE id = ?")) {
                ps.setString(1, id.value());
                assertEquals(1, ps.executeUpdate());
            }
            CompletableFuture<Optional<Store.Ended>> finish = CompletableFuture.supplyAsync(() -> store.finish(id,
                    mine.attempt(), new Store.Finish(MessageState.SENT, "SENT", 0, 0, null, 250, null, null)));
            // Host A has read the old row (SENDING, its attempt) and now waits for B's lock in its UPDATE.
            waitForALockWait(watch);
            other.commit();
            assertEquals(Optional.empty(), finish.get(30, TimeUnit.SECONDS));
            try (Statement s = watch.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT state, lease_owner, attempts FROM outbox_message WHERE id = '" + id.value() + "'")) {
                assertTrue(rs.next());
                assertEquals("SENDING", rs.getString(1));
                assertEquals("host-b", rs.getString(2));
                assertEquals(mine.attempt() + 1, rs.getInt(3));
            }
        }
    }

    private static void waitForALockWait(Connection watch) throws Exception {
        for (int i = 0; i < 3000; i++) {
            try (Statement s = watch.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM "
                    + "pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE outbox_message%'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the finish never reached its UPDATE");
    }
}
