package io.github.uc15mail.mail;

/**
 * Follows a send. Called on the thread that runs it (the modem's worker for sendAsync): must be fast and
 * must not throw (what it throws is logged and ignored).
 */
public interface SendProgressListener {

    /** A phase begins. */
    default void onPhase(SendPhase phase) {}

    /**
     * Bytes of one item written to the modem so far.
     *
     * @param item an attachment's name, or {@code "body"}
     * @param written bytes written so far
     * @param total the item's size
     */
    default void onBytes(String item, long written, long total) {}
}
