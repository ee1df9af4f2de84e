package io.github.uc15mail.at;

import io.github.uc15mail.at.AtSession.Subscription;
import io.github.uc15mail.at.internal.AtText;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session's traffic, told to its {@link TrafficListener}s and logged at TRACE on the logger
 * {@code io.github.uc15mail.traffic}, secrets masked. A listener that throws is logged and ignored: the
 * traffic has already happened, so a listener can never fail a command.
 */
final class TrafficTap {

    private static final Logger log = LoggerFactory.getLogger(AtSession.class);
    private static final Logger traffic = LoggerFactory.getLogger("io.github.uc15mail.traffic");

    private final CopyOnWriteArrayList<TrafficListener> listeners = new CopyOnWriteArrayList<>();

    Subscription add(TrafficListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** A command line about to be written (already masked). */
    void command(String maskedLine) {
        traffic.trace("--> {}", maskedLine);
        for (TrafficListener l : listeners) {
            try {
                l.onCommand(maskedLine);
            } catch (RuntimeException e) {
                log.warn("traffic listener threw on a command; ignored", e);
            }
        }
    }

    /** A payload written whole. */
    void payload(String maskedCommand, long bytes) {
        traffic.trace("--> <{} payload bytes>", bytes);
        for (TrafficListener l : listeners) {
            try {
                l.onPayload(maskedCommand, bytes);
            } catch (RuntimeException e) {
                log.warn("traffic listener threw on a payload; ignored", e);
            }
        }
    }

    /** {@code +++} written to leave data mode. */
    void escape() {
        traffic.trace("--> +++");
    }

    /** A line received, not yet masked. */
    void line(String line) {
        if (listeners.isEmpty() && !traffic.isTraceEnabled()) {
            return;
        }
        String masked = AtText.mask(line);
        traffic.trace("<-- {}", masked);
        for (TrafficListener l : listeners) {
            try {
                l.onLine(masked);
            } catch (RuntimeException e) {
                log.warn("traffic listener threw on a line; ignored", e);
            }
        }
    }
}
