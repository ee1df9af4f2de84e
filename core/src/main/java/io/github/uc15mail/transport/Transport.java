package io.github.uc15mail.transport;

import java.io.IOException;
import io.github.uc15mail.transport.Transport.TransportListener;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    /**
     * A {@link Transport} over a TCP connection: for a modem behind a serial-to-network bridge (ser2net,
     * socat) or the testkit emulator running in another process ({@code uc15mail emulate --listen PORT}).
     * It can also wrap an already connected {@link Socket}, which is how the emulator serves accepted
     * connections.
     */
    public static final class SocketTransport implements Transport {

        private static final Logger log = LoggerFactory.getLogger(SocketTransport.class);

        private final String host;
        private final int port;
        private final int connectTimeoutMillis;
        private volatile Socket socket;
        private volatile OutputStream out;
        private final AtomicBoolean closed = new AtomicBoolean();
        private final AtomicBoolean closedByUser = new AtomicBoolean();

        /** A transport that connects to {@code host:port} when opened. */
        public SocketTransport(String host, int port) {
            this(host, port, 10_000);
        }

        /** A transport that connects to {@code host:port} when opened, giving up after the connect timeout. */
        public SocketTransport(String host, int port, int connectTimeoutMillis) {
            this.host = Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1-65535, was " + port);
            }
            this.port = port;
            this.connectTimeoutMillis = connectTimeoutMillis;
        }

        /** Wraps a socket that is already connected. */
        public SocketTransport(Socket connected) {
            this.socket = Objects.requireNonNull(connected, "connected");
            this.host = String.valueOf(connected.getInetAddress().getHostAddress());
            this.port = connected.getPort();
            this.connectTimeoutMillis = 0;
        }

        @Override
        public void open(TransportListener listener) throws IOException {
            Objects.requireNonNull(listener, "listener");
            Socket s = socket;
            if (s == null) {
                s = new Socket();
                try {
                    s.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
                } catch (IOException e) {
                    s.close();
                    throw new IOException("cannot connect to " + describe() + ": " + e.getMessage(), e);
                }
                socket = s;
            }
            s.setTcpNoDelay(true);
            out = s.getOutputStream();
            InputStream in = s.getInputStream();
            Thread reader = new Thread(() -> read(in, listener), "uc15mail-" + describe());
            reader.setDaemon(true);
            reader.start();
        }

        private void read(InputStream in, TransportListener listener) {
            byte[] buffer = new byte[8192];
            Throwable cause = null;
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    try {
                        listener.onBytes(buffer, 0, n);
                    } catch (RuntimeException e) {
                        log.warn("{}: listener threw; bytes dropped", describe(), e);
                    }
                }
                cause = new IOException(describe() + ": connection closed by peer");
            } catch (IOException e) {
                cause = closedByUser.get() ? null : e;
            }
            closeQuietly();
            try {
                listener.onClosed(closedByUser.get() ? null : cause);
            } catch (RuntimeException e) {
                log.warn("{}: listener threw on close", describe(), e);
            }
        }

        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
            OutputStream o = out;
            if (o == null || closed.get()) {
                throw new IOException(describe() + " is closed");
            }
            o.write(data, offset, length);
            o.flush();
        }

        @Override
        public boolean isOpen() {
            Socket s = socket;
            return s != null && out != null && !closed.get() && !s.isClosed();
        }

        @Override
        public String describe() {
            return "tcp:" + host + ":" + port;
        }

        @Override
        public void close() {
            closedByUser.set(true);
            closeQuietly();
        }

        private void closeQuietly() {
            if (closed.compareAndSet(false, true)) {
                Socket s = socket;
                if (s != null) {
                    try {
                        s.close();
                    } catch (IOException e) {
                        log.debug("{}: close failed", describe(), e);
                    }
                }
            }
        }
    }
}
