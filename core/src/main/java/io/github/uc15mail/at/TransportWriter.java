package io.github.uc15mail.at;

import io.github.uc15mail.error.TransportClosedException;
import io.github.uc15mail.transport.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a session's bytes reach its transport: command lines, payload blocks and escapes.
 *
 * <p>Guarantees one writer at a time (its own write lock, never the sequencer's, so a slow line blocks no
 * reader), and that a failed write closes the session before {@link TransportClosedException} is thrown. It
 * does not decide what may be written when: the {@link CommandSequencer} and its helpers do, and call it
 * outside the sequencer's lock.
 */
final class TransportWriter {

    private static final Logger log = LoggerFactory.getLogger(AtSession.class);

    private final ReentrantLock writeLock = new ReentrantLock();
    private final Transport transport;
    private final TrafficTap tap;
    private final Consumer<Throwable> onFailure;

    /** {@code onFailure} closes the session; it is called with the write's {@link IOException}. */
    TransportWriter(Transport transport, TrafficTap tap, Consumer<Throwable> onFailure) {
        this.transport = transport;
        this.tap = tap;
        this.onFailure = onFailure;
    }

    /** Writes to the transport, one writer at a time. A failed write closes the session. */
    void write(byte[] bytes, int offset, int length, String what) {
        writeLock.lock();
        try {
            transport.write(bytes, offset, length);
        } catch (IOException e) {
            onFailure.accept(e);
            throw new TransportClosedException("could not write " + what + " to " + transport.describe() + ": "
                    + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Shows {@code command} to the traffic tap and writes its line, CR-terminated. A closed link is logged,
     * not thrown: closing has already failed the command.
     */
    void commandLine(AtCommand<?> command) {
        tap.command(command.loggable());
        byte[] line = (command.line() + "\r").getBytes(StandardCharsets.US_ASCII);
        try {
            write(line, 0, line.length, command.loggable());
        } catch (TransportClosedException e) {
            log.debug("{} not written: {}", command.loggable(), e.getMessage());
        }
    }
}
