package io.github.uc15mail.testkit;

import io.github.uc15mail.transport.Transport;
import io.github.uc15mail.transport.Transport.TransportListener;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One end of an in-memory, full-duplex byte pipe. Bytes written to one end are delivered, in order and on
 * a dedicated thread, to the listener of the other end; so a writer never runs inside the peer's
 * listener. Closing either end closes both.
 *
 * <p>Used by tests and by the testkit emulator; it has no speed limit and no buffering bound.
 */
public final class InMemoryTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger(InMemoryTransport.class);
    private static final byte[] CLOSE_MARK = new byte[0];

    /** Both ends of a new pipe. */
    public record Pair(InMemoryTransport host, InMemoryTransport modem) {}

    private final String name;
    private final LinkedBlockingQueue<byte[]> inbox = new LinkedBlockingQueue<>();
    private final AtomicBoolean opened = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile InMemoryTransport peer;
    private volatile Throwable closeCause;

    private InMemoryTransport(String name) {
        this.name = name;
    }

    /** Creates a connected pair; {@code host} is for the SDK, {@code modem} for an emulator. */
    public static Pair pair() {
        InMemoryTransport host = new InMemoryTransport("memory:host");
        InMemoryTransport modem = new InMemoryTransport("memory:modem");
        host.peer = modem;
        modem.peer = host;
        return new Pair(host, modem);
    }

    @Override
    public void open(TransportListener listener) throws IOException {
        Objects.requireNonNull(listener, "listener");
        if (!opened.compareAndSet(false, true)) {
            throw new IOException(name + " is already open");
        }
        if (closed.get()) {
            throw new IOException(name + " is closed");
        }
        Thread reader = new Thread(() -> deliver(listener), "uc15mail-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void deliver(TransportListener listener) {
        try {
            while (true) {
                byte[] chunk = inbox.take();
                if (chunk == CLOSE_MARK) {
                    break;
                }
                try {
                    listener.onBytes(chunk, 0, chunk.length);
                } catch (RuntimeException e) {
                    log.warn("{}: listener threw; bytes dropped", name, e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            listener.onClosed(closeCause);
        } catch (RuntimeException e) {
            log.warn("{}: listener threw on close", name, e);
        }
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, data.length);
        InMemoryTransport other = peer;
        if (closed.get() || other == null || other.closed.get()) {
            throw new IOException(name + " is closed");
        }
        if (length > 0) {
            other.inbox.add(Arrays.copyOfRange(data, offset, offset + length));
        }
    }

    @Override
    public boolean isOpen() {
        return opened.get() && !closed.get();
    }

    @Override
    public String describe() {
        return name;
    }

    /** Closes both ends; the peer's listener is told the link was lost. */
    @Override
    public void close() {
        closeWith(null);
        InMemoryTransport other = peer;
        if (other != null) {
            other.closeWith(new IOException("peer closed " + other.name));
        }
    }

    private void closeWith(Throwable cause) {
        if (closed.compareAndSet(false, true)) {
            closeCause = cause;
            inbox.add(CLOSE_MARK);
        }
    }
}
