package io.github.uc15mail.at;

/**
 * Sees the AT traffic of a session, secrets already masked: every command line written and every line
 * received (echo and URCs included). Payload bytes are reported as a count only. Called on the thread
 * that writes the command (the caller's or the transport's reader) or reads the line (the reader), so it
 * must be fast. What it throws is logged and ignored: it never fails a command.
 */
public interface TrafficListener {

    default void onCommand(String maskedLine) {}

    default void onPayload(String maskedCommand, long bytes) {}

    default void onLine(String maskedLine) {}
}
