package io.github.uc15mail.outbox;

/**
 * The outbox's store is damaged: SQLite found a corrupt page or a file that is not a database
 * ({@code SQLITE_CORRUPT}, {@code SQLITE_NOTADB}, or {@code PRAGMA quick_check} at open), or PostgreSQL
 * reported corrupt data (SQL state class {@code XX}). Nothing is taken into a damaged store; the message
 * names the damage and how to recover (for SQLite, {@code sqlite3 FILE .recover}; see docs/store-recovery.md).
 */
public class StoreDamagedException extends OutboxException {

    public StoreDamagedException(String message, Throwable cause) {
        super(message, cause);
    }
}
