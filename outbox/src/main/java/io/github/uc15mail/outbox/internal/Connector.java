package io.github.uc15mail.outbox.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new connection to the store, configured for its dialect. */
@FunctionalInterface
public interface Connector {
    Connection open() throws SQLException;
}
