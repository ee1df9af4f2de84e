package io.github.uc15mail.gateway.internal.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Connection limits of one front door: a deadline per line (a command line, a line of message text, or a
 * {@code BDAT} chunk's next 998 bytes must arrive whole within it, so a client that drips a byte at a time
 * cannot hold a connection), a shorter deadline for everybody while the connections pass
 * {@code stressPercent} of the cap (as Postfix does under stress), and a cap per client address.
 *
 * <p>The sockets it makes ({@link #serverSocket}) read with a socket timeout that ends at the line's deadline;
 * the session marks each whole line with {@link #lineDone}. Thread-safe. What it does not do: limit how
 * many lines a client sends (a client that sends a line in time is served).
 */
public final class LineDeadlines {

    private final Clock clock;
    private final long lineMillis;
    private final long stressedMillis;
    private final int stressAt;
    private final int perAddress;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<InetAddress, AtomicInteger> byAddress = new ConcurrentHashMap<>();
    private final Map<SocketAddress, DeadlineSocket> sockets = new ConcurrentHashMap<>();
    private final AtomicLong expired = new AtomicLong();
    private final AtomicLong longLines = new AtomicLong();
    /** The library's reader refuses a line of 998 characters; this refuses it first, with the right code. */
    private static final int LINE_MAX = TlsLineLimit.LINE_MAX;

    public LineDeadlines(Clock clock, Duration line, Duration stressed, int maxConnections, int perAddress) {
        this.clock = clock;
        this.lineMillis = line.toMillis();
        this.stressedMillis = Math.min(stressed.toMillis(), lineMillis);
        this.stressAt = Math.max(1, maxConnections * 8 / 10);
        this.perAddress = perAddress;
    }

    /** An unbound server socket whose accepted sockets keep these deadlines. */
    public ServerSocket serverSocket() throws IOException {
        return new ServerSocket() {
            @Override
            public Socket accept() throws IOException {
                DeadlineSocket socket = new DeadlineSocket();
                implAccept(socket);
                socket.opened();
                return socket;
            }
        };
    }

    /** The session at {@code remote} starts TLS: from now on its bytes are not text, so lines are not counted. */
    void encrypted(SocketAddress remote) {
        DeadlineSocket s = sockets.get(remote);
        if (s != null) {
            s.plain = false;
        }
    }

    /** Whether the address has as many open connections as it may (the one asking included). */
    boolean overAddressCap(InetAddress address) {
        AtomicInteger n = byAddress.get(address);
        return n != null && n.get() > perAddress;
    }

    /** The session at {@code remote} received a whole line (or was answered): its next line's deadline starts now. */
    void lineDone(SocketAddress remote) {
        DeadlineSocket s = sockets.get(remote);
        if (s != null) {
            s.lineStart = clock.millis();
        }
    }

    boolean stressed() {
        return open.get() >= stressAt;
    }

    /** Connections open now. */
    public int open() {
        return open.get();
    }

    /** How many connections were closed because a line did not arrive in time. */
    public long expired() {
        return expired.get();
    }

    private final class DeadlineSocket extends Socket {
        private volatile long lineStart;
        private volatile boolean plain = true;
        private int lineBytes;
        private boolean tooLong;
        private boolean counted;
        private InputStream in;

        void opened() {
            lineStart = clock.millis();
            counted = true;
            open.incrementAndGet();
            byAddress.computeIfAbsent(getInetAddress(), a -> new AtomicInteger()).incrementAndGet();
            sockets.put(getRemoteSocketAddress(), this);
        }

        /** The session's own timeout is replaced by the line deadline. */
        @Override
        public synchronized void setSoTimeout(int timeout) {
            // deadlines are set per read
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                InputStream raw = super.getInputStream();
                in = new InputStream() {
                    @Override
                    public int read() throws IOException {
                        byte[] one = new byte[1];
                        int n = read(one, 0, 1);
                        return n < 0 ? -1 : one[0] & 0xFF;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        if (tooLong) {
                            refuseLongLine();
                        }
                        int n = readInTime(b, off, len);
                        if (n <= 0 || !plain) {
                            return n;
                        }
                        for (int i = off; i < off + n; i++) {
                            if (b[i] == '\n') {
                                lineBytes = 0;
                            } else if (b[i] != '\r' && ++lineBytes >= LINE_MAX) {
                                tooLong = true;
                                if (i == off) {
                                    refuseLongLine();
                                }
                                return i - off;
                            }
                        }
                        return n;
                    }

                    private int readInTime(byte[] b, int off, int len) throws IOException {
                        while (true) {
                            long now = clock.millis();
                            long left = lineStart + (stressed() ? stressedMillis : lineMillis) - now;
                            if (left <= 0) {
                                expired.incrementAndGet();
                                throw new SocketTimeoutException("no whole line within the deadline");
                            }
                            setTimeout((int) Math.max(1, Math.min(left, stressedMillis)));
                            try {
                                return raw.read(b, off, len);
                            } catch (SocketTimeoutException e) {
                                // look again: the deadline may be shorter now
                            }
                        }
                    }

                    @Override
                    public int available() throws IOException {
                        return raw.available();
                    }

                    @Override
                    public void close() throws IOException {
                        raw.close();
                    }
                };
            }
            return in;
        }

        /** RFC 5321 4.5.3.1.6: {@code 500} for a line over the limit; the session cannot go on in step. */
        private void refuseLongLine() throws IOException {
            longLines.incrementAndGet();
            try {
                getOutputStream().write(TlsLineLimit.LONG_LINE_REPLY);
                getOutputStream().flush();
            } finally {
                close();
            }
            throw new java.net.SocketException("line too long");
        }

        private void setTimeout(int millis) throws IOException {
            super.setSoTimeout(millis);
        }

        @Override
        public synchronized void close() throws IOException {
            try {
                super.close();
            } finally {
                if (counted) {
                    counted = false;
                    open.decrementAndGet();
                    sockets.remove(getRemoteSocketAddress(), this);
                    AtomicInteger n = byAddress.get(getInetAddress());
                    if (n != null && n.decrementAndGet() <= 0) {
                        byAddress.remove(getInetAddress(), n);
                    }
                }
            }
        }
    }
}
