package io.github.uc15mail.at;

/**
 * Receives unsolicited result codes. Called on the session's URC thread, one at a time, in arrival
 * order. Must return quickly; anything it throws is logged and does not reach other listeners.
 */
@FunctionalInterface
public interface UrcListener {
    void onUrc(Urc urc);
}
