package io.github.uc15mail.at;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts module restarts: a {@code RDY} line, or a command echoed again after {@code ATE0} turned echo
 * off (a restart whose {@code RDY} was lost: a power dip, a watchdog). Echo state is guarded by the
 * {@link CommandSequencer}'s lock; the count may be read from any thread.
 */
final class RestartWatch {

    private static final Logger log = LoggerFactory.getLogger(AtSession.class);

    private final AtomicLong restarts = new AtomicLong();
    private boolean echoTurnedOff;

    long count() {
        return restarts.get();
    }

    /** The module said {@code RDY}. */
    void ready() {
        restarts.incrementAndGet();
        echoTurnedOff = false;
        log.warn("the modem restarted (RDY)");
    }

    /** The modem echoed a command line. */
    void echo() {
        if (echoTurnedOff) {
            // Its settings and content are gone, as after RDY.
            echoTurnedOff = false;
            restarts.incrementAndGet();
            log.warn("the modem echoes commands again although echo was turned off: it restarted");
        }
    }

    /** A command was answered {@code OK}. */
    void succeeded(AtCommand<?> command) {
        String line = command.line();
        if (line.equalsIgnoreCase("ATE0")) {
            echoTurnedOff = true;
        } else if (line.equalsIgnoreCase("ATE1")) {
            echoTurnedOff = false;
        }
    }
}
