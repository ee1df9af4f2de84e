package io.github.uc15mail.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CLI's control over SDK logging. {@code logback.xml} keeps the SDK at WARN so people see results,
 * not logs; {@code --verbose} raises it to INFO for the duration of one command.
 */
final class Logging {

    private static final String SDK_LOGGER = "io.github.uc15mail";

    private Logging() {}

    /** Sets the level of {@code logger} and returns a handle that restores the old one. */
    static AutoCloseable level(String logger, String level) {
        if (!(LoggerFactory.getLogger(logger) instanceof Logger logbackLogger)) {
            return () -> { };
        }
        Level previous = logbackLogger.getLevel();
        logbackLogger.setLevel(Level.toLevel(level));
        return () -> logbackLogger.setLevel(previous);
    }

    /** INFO for the SDK when verbose, otherwise the configured level. */
    static AutoCloseable sdk(boolean verbose) {
        return verbose ? level(SDK_LOGGER, "INFO") : () -> { };
    }

    /** Closes a level handle without a checked exception. */
    static void restore(AutoCloseable handle) {
        try {
            handle.close();
        } catch (Exception e) {
            // Restoring a level cannot fail in practice.
        }
    }
}
