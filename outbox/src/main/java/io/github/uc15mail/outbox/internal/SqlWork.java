package io.github.uc15mail.outbox.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** A piece of work on a JDBC connection, run inside a transaction the caller manages. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection c) throws SQLException;
}
