package io.github.uc15mail.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CLI's control over SDK logging. A command that talks to a modem turns the SDK's logs off for its duration, so
 * people see the one-line outcome and nothing else (a silent modem would otherwise add a stack of
 * {@code WARN AtSession} lines); {@code --verbose} raises them to INFO instead.
 */
final class Logging {

    private static final String SDK_LOGGER = "io.github.uc15mail";
    /** SLF4J's no-operation provider, chosen by {@link Uc15MailCli#main} for a short command without --verbose. */
    static final String NOP_PROVIDER = "org.slf4j.helpers.NOP_FallbackServiceProvider";
    /** SLF4J's own reports (such as "Attempting to load provider"): warnings only. */
    static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";
    /** Set when {@link Uc15MailCli#main} chose {@link #NOP_PROVIDER}. */
    static final String QUIET_PROPERTY = "uc15mail.quietLogging";

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

    /**
     * A command found it is verbose after all (a config file said so): undoes the quiet choice of
     * {@link Uc15MailCli#main}, which works while no logger was made yet (the settings are read before the SDK
     * logs anything).
     */
    static void verboseAfterAll() {
        if (Boolean.getBoolean(QUIET_PROPERTY)) {
            System.clearProperty("slf4j.provider");
            System.clearProperty(SLF4J_VERBOSITY);
            System.clearProperty(QUIET_PROPERTY);
        }
    }

    /** INFO for the SDK when verbose, otherwise off. */
    static AutoCloseable sdk(boolean verbose) {
        return level(SDK_LOGGER, verbose ? "INFO" : "OFF");
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
