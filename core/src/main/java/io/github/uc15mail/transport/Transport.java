package io.github.uc15mail.transport;

import java.io.IOException;

/**
 * A byte pipe to a modem: a serial port, a TCP socket, or an in-memory pipe in tests.
 *
 * <p>A transport moves bytes only. It does not frame lines, match replies or apply timeouts: all of that
 * lives in the AT session, where it is tested without hardware.
 *
 * <p>Guarantees an implementation must give:
 * <ul>
 *   <li>{@link #open(TransportListener)} is called at most once; after it returns, every byte the modem
 *       sends is handed to {@link TransportListener#onBytes} in order, on one thread at a time.</li>
 *   <li>{@link #write} blocks until the bytes are handed to the operating system (or the peer), and is
 *       safe to call from any one thread at a time.</li>
 *   <li>{@link TransportListener#onClosed} is called exactly once, whether the transport was closed by
 *       {@link #close()} (cause {@code null}) or lost (cable pulled, peer gone: cause not null).</li>
 * </ul>
 * It does not guarantee any chunking: bytes may arrive one at a time or many lines at once.
 */
public interface Transport extends AutoCloseable {

    /**
     * Opens the link and starts delivering received bytes to {@code listener}.
     *
     * @throws IOException when the link cannot be opened; the message names the port or address
     */
    void open(TransportListener listener) throws IOException;

    /** Writes {@code length} bytes of {@code data} starting at {@code offset}. */
    void write(byte[] data, int offset, int length) throws IOException;

    /** Writes all of {@code data}. */
    default void write(byte[] data) throws IOException {
        write(data, 0, data.length);
    }

    /** Whether the link is open and has not been lost. */
    boolean isOpen();

    /** A short human description of the link, for example {@code /dev/ttyUSB2} or {@code tcp:localhost:7015}. */
    String describe();

    /** Closes the link. Idempotent; never throws. */
    @Override
    void close();
}
