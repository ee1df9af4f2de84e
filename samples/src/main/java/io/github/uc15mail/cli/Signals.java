package io.github.uc15mail.cli;

import sun.misc.Signal;

/**
 * Runs an action on SIGTERM and SIGINT instead of letting the JVM exit with 143/130, so a long-running
 * command can stop cleanly and exit 0. Falls back to a shutdown hook where the signal API is missing.
 */
final class Signals {

    private Signals() {}

    static void onTermination(Runnable action) {
        try {
            Signal.handle(new Signal("TERM"), s -> action.run());
            Signal.handle(new Signal("INT"), s -> action.run());
        } catch (IllegalArgumentException | LinkageError e) {
            Runtime.getRuntime().addShutdownHook(new Thread(action));
        }
    }
}
