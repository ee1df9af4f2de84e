package io.github.uc15mail.outbox.internal;

import io.github.uc15mail.outbox.OutboxException;
import io.github.uc15mail.outbox.StoreDamagedException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether a store is damaged, and how to tell. A failure whose causes include SQLite's {@code SQLITE_CORRUPT}
 * (11) or {@code SQLITE_NOTADB} (26), or a PostgreSQL SQL state of class {@code XX} (internal error:
 * {@code XX001} data corrupted, {@code XX002} index corrupted), is damage; the first one seen is kept (it
 * does not heal by itself). Thread-safe.
 */
public final class StoreDamage {

    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;

    private final String storeName;
    private final AtomicReference<String> found = new AtomicReference<>();

    public StoreDamage(String storeName) {
        this.storeName = storeName;
    }

    /** What damage was found, or empty while none was. */
    public Optional<String> found() {
        return Optional.ofNullable(found.get());
    }

    /** {@code e} itself, or a {@link StoreDamagedException} (and the damage recorded) when its cause is damage. */
    public OutboxException wrap(OutboxException e) {
        if (e instanceof StoreDamagedException) {
            return e;
        }
        Optional<String> what = describe(e);
        if (what.isEmpty()) {
            return e;
        }
        return damaged(what.get(), e);
    }

    /** Records damage seen as {@code what} and returns the exception that says so. */
    public StoreDamagedException damaged(String what, Throwable cause) {
        found.compareAndSet(null, what);
        return new StoreDamagedException(message(storeName, what), cause);
    }

    /** The damage the causes of {@code t} show, or empty. */
    public static Optional<String> describe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException sql) {
                int code = sql.getErrorCode() & 0xFF;
                String text = String.valueOf(sql.getMessage());
                String upper = text.toUpperCase(Locale.ROOT);
                String state = sql.getSQLState();
                if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB || upper.contains("SQLITE_CORRUPT")
                        || upper.contains("SQLITE_NOTADB") || state != null && state.startsWith("XX")) {
                    return Optional.of(text.replaceAll("[\\r\\n]+", " ").strip());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * SQLite's {@code PRAGMA quick_check} on a store about to be opened; PostgreSQL is left to its own checks.
     *
     * @throws StoreDamagedException naming the first problem and the recovery
     */
    public static void quickCheck(StoreLocation location) {
        if (location.dialect() != StoreLocation.Dialect.SQLITE) {
            return;
        }
        StoreDamage damage = new StoreDamage(location.toString());
        try (Connection c = location.open(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            String first = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equalsIgnoreCase(first)) {
                throw damage.damaged("quick_check: " + first.replaceAll("[\\r\\n]+", " ").strip(), null);
            }
        } catch (SQLException e) {
            Optional<String> what = describe(e);
            if (what.isPresent()) {
                throw damage.damaged(what.get(), e);
            }
            throw new OutboxException("the outbox store " + location + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /** One line: the store, the damage, and the recovery. */
    static String message(String storeName, String what) {
        String recovery;
        if (storeName.startsWith("sqlite:")) {
            String file = storeName.substring("sqlite:".length());
            recovery = "stop the gateway, keep a copy, and recover it: sqlite3 " + file + " .recover | sqlite3 "
                    + file + ".recovered, then move the recovered file in place (docs/store-recovery.md)";
        } else {
            recovery = "restore the database from a backup or repair it (docs/store-recovery.md)";
        }
        return "the outbox store " + storeName + " is damaged (" + what + "); nothing more is taken in: " + recovery;
    }
}
