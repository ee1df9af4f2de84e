package io.github.uc15mail.outbox.internal;

import java.time.Duration;

/**
 * The waits between attempts to reopen a lost modem: none before the first, then 5 s doubling to at most
 * 60 s. Not thread-safe (one per worker).
 */
public final class ReopenBackoff {

    public static final Duration FIRST = Duration.ofSeconds(5);
    public static final Duration MAX = Duration.ofSeconds(60);

    private Duration next = Duration.ZERO;

    /** The wait before the next attempt; each call moves on. */
    public Duration next() {
        Duration d = next;
        next = next.isZero() ? FIRST : next.multipliedBy(2).compareTo(MAX) > 0 ? MAX : next.multipliedBy(2);
        return d;
    }

    /** After a success: the next loss starts over. */
    public void reset() {
        next = Duration.ZERO;
    }
}
