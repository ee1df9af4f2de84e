package io.github.uc15mail.transport;

/**
 * Receives what a {@link Transport} reads. Implementations must return quickly and must not throw; a
 * transport logs and ignores anything thrown.
 */
public interface TransportListener {

    /** Bytes received from the modem, in order. The array may be reused after the call returns. */
    void onBytes(byte[] data, int offset, int length);

    /**
     * The link is closed. Called exactly once.
     *
     * @param cause {@code null} when closed on purpose by {@link Transport#close()}, otherwise why it was lost
     */
    void onClosed(Throwable cause);
}
