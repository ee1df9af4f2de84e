package io.github.uc15mail.at;

/**
 * Sees the AT traffic of a session, secrets already masked: every command line written and every line
 * received (echo and URCs included). Payload bytes are reported as a count only. Must be fast and must
 * not throw; called on the session's threads.
 */
public interface TrafficListener {

    default void onCommand(String maskedLine) {}

    default void onPayload(String maskedCommand, long bytes) {}

    default void onLine(String maskedLine) {}
}
