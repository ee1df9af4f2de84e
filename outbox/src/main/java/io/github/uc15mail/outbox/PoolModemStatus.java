package io.github.uc15mail.outbox;

import java.time.Instant;

/**
 * How one modem of a {@link Dispatcher}'s pool is doing, for a status page (the dispatcher's view; the
 * modem's own health view is {@link io.github.uc15mail.mail.ModemStatus}). A snapshot.
 *
 * @param name the modem's name in the pool (its port, as given)
 * @param health what it is doing
 * @param consecutiveFailures failures of its own in a row (a message's own failure does not count)
 * @param setAsideUntil when a set-aside modem is probed again, else null
 * @param lastError its last failure of its own, or null
 * @param sent messages it sent
 * @param attempts attempts it made
 */
public record PoolModemStatus(String name, Health health, int consecutiveFailures, Instant setAsideUntil,
        String lastError, long sent, long attempts) {

    /** What a modem in the pool is doing. */
    public enum Health {
        /** Being brought to a clean state before it takes work. */
        RECOVERING,
        /** Waiting for a message. */
        READY,
        /** Sending a message. */
        SENDING,
        /** Its link was lost (the port vanished); being reopened, every 5 s at first and at most every 60 s. */
        RECONNECTING,
        /** Failed too often in a row; takes no work until {@link PoolModemStatus#setAsideUntil()}. */
        SET_ASIDE,
        /** The dispatcher stopped. */
        STOPPED
    }
}
