package io.github.uc15mail.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Transport} over a TCP connection: for a modem behind a serial-to-network bridge (ser2net,
 * socat) or the testkit emulator running in another process ({@code uc15mail emulate --listen PORT}).
 * It can also wrap an already connected {@link Socket}, which is how the emulator serves accepted
 * connections.
 */
public final class SocketTransport implements Transport {

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
