package io.github.uc15mail.outbox.internal;

import java.time.Duration;

/**
 * Counts a modem's own failures in a row and sets it aside after too many, for a delay that doubles while
 * it keeps failing (up to a limit). A success, or a failure that is the message's own, brings it back.
 * Thread-safe.
 */
public final class LaneHealth {

    private final int limit;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private int consecutive;
    private long setAsideUntil;
    private Duration nextDelay;
    private String lastError;
    private long sent;
    private long attempts;

    public LaneHealth(int limit, Duration firstDelay, Duration maxDelay) {
        this.limit = limit;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.nextDelay = firstDelay;
    }

    public synchronized void attempted() {
        attempts++;
    }

    /** The modem worked (sent, or reached the server that refused the message). */
    public synchronized void worked(boolean wasSent) {
        consecutive = 0;
        setAsideUntil = 0;
        nextDelay = firstDelay;
        if (wasSent) {
            sent++;
        }
    }

    /** A failure of the modem's own; returns true when this one sets it aside. */
    public synchronized boolean failed(String error, long nowMillis) {
        consecutive++;
        lastError = error;
        if (consecutive >= limit) {
            setAsideUntil = nowMillis + nextDelay.toMillis();
            Duration doubled = nextDelay.multipliedBy(2);
            nextDelay = doubled.compareTo(maxDelay) > 0 ? maxDelay : doubled;
            return true;
        }
        return false;
    }

    /** Millis until it may take work again, 0 when it may now. */
    public synchronized long waitMillis(long nowMillis) {
        return Math.max(0, setAsideUntil - nowMillis);
    }

    public synchronized int consecutiveFailures() {
        return consecutive;
    }

    public synchronized long setAsideUntil() {
        return setAsideUntil;
    }

    public synchronized String lastError() {
        return lastError;
    }

    public synchronized long sent() {
        return sent;
    }

    public synchronized long attempts() {
        return attempts;
    }
}
