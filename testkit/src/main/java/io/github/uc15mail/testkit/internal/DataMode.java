package io.github.uc15mail.testkit.internal;

import java.io.ByteArrayOutputStream;

/**
 * Data mode after {@code CONNECT} ({@code AT+QSMTPBODY}, {@code AT+QFUPL}): takes exactly the declared number
 * of bytes; ends early on {@code +++} with guard times (1 s of silence before, the three {@code +} within 1 s,
 * 1 s of silence after), or when the input time expires. For an upload the input time counts from the last
 * byte received and, in ACK mode, an {@code A} goes out after every 1024 bytes except the block that completes
 * the file; for a body it counts from {@code CONNECT}. A {@code +} that would complete the declared length is
 * data. Used on the modem thread only.
 */
public final class DataMode {

    static final long GUARD_NANOS = 1_000_000_000L;

    /** What data mode tells the modem. */
    public interface Sink {
        /** ACK mode: 1024 more bytes taken. */
        void ack();

        /** Data mode ended (length reached, {@code +++} or input time); {@code payload} is what was taken. */
        void finished(Session session, byte[] payload);
    }

    /** One stretch of data mode and what the command asked for. */
    public static final class Session {
        public final boolean upload;
        public final int limit;
        public final long timeoutNanos;
        public final boolean ackMode;
        /** The body charset or the file name, as the command gave them. */
        public final int charset;
        public final String fileName;
        /** The command line that entered data mode, and whether its replies are silenced. */
        public String line;
        public boolean silent;

        final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int pendingPlus;
        long plusStart;
        long lastByte;
        long skipLfChunk = -1;
        long bytesSeen;
        Timers.Timer timer;
        Timers.Timer escape;

        private Session(boolean upload, int limit, long timeoutNanos, boolean ackMode, int charset, String fileName) {
            this.upload = upload;
            this.limit = limit;
            this.timeoutNanos = timeoutNanos;
            this.ackMode = ackMode;
            this.charset = charset;
            this.fileName = fileName;
        }

        public static Session body(int charset, int length, long timeoutNanos) {
            return new Session(false, length, timeoutNanos, false, charset, null);
        }

        public static Session upload(String fileName, int size, long timeoutNanos, boolean ackMode) {
            return new Session(true, size, timeoutNanos, ackMode, 0, fileName);
        }
    }

    private final Timers timers;
    private final Sink sink;
    private Session current;

    public DataMode(Timers timers, Sink sink) {
        this.timers = timers;
        this.sink = sink;
    }

    public boolean active() {
        return current != null;
    }

    public Session current() {
        return current;
    }

    /**
     * Enters data mode. {@code skipLfChunk}: the input chunk whose first byte, if an LF, is the end of the
     * command line rather than data (-1: none).
     */
    public void enter(Session s, long skipLfChunk) {
        s.lastByte = timers.now();
        s.skipLfChunk = skipLfChunk;
        current = s;
        armTimer(s);
    }

    /** Leaves data mode without a result (power-off). */
    public void abandon() {
        if (current != null) {
            cancel(current);
            current = null;
        }
    }

    private void armTimer(Session s) {
        if (s.timer != null) {
            s.timer.cancel();
        }
        s.timer = timers.schedule(s.timeoutNanos, () -> {
            if (current == s) {
                if (s.pendingPlus > 0 && s.pendingPlus < 3) {
                    flushPlus(s);
                }
                finish(s);
            }
        });
    }

    /** One byte received in input chunk number {@code chunk}. */
    public void onByte(byte b, long chunk) {
        Session s = current;
        long now = timers.now();
        if (s.bytesSeen == 0 && b == '\n' && s.skipLfChunk == chunk) {
            s.skipLfChunk = -1;
            return;
        }
        s.bytesSeen++;
        if (s.escape != null) {
            s.escape.cancel();
            s.escape = null;
        }
        if (s.upload) {
            armTimer(s); // the upload's input time counts from the last byte received
        }
        boolean plusCandidate = b == '+' && s.buf.size() + s.pendingPlus + 1 < s.limit
                && (s.pendingPlus == 0
                        ? now - s.lastByte >= GUARD_NANOS
                        : s.pendingPlus < 3 && now - s.plusStart <= GUARD_NANOS);
        s.lastByte = now;
        if (plusCandidate) {
            if (s.pendingPlus == 0) {
                s.plusStart = now;
            }
            s.pendingPlus++;
            if (s.pendingPlus == 3) {
                s.escape = timers.schedule(GUARD_NANOS, () -> {
                    if (current == s && s.pendingPlus == 3) {
                        s.pendingPlus = 0;
                        finish(s);
                    }
                });
            }
            return;
        }
        flushPlus(s);
        s.buf.write(b);
        afterByte(s);
    }

    private void flushPlus(Session s) {
        for (; s.pendingPlus > 0; s.pendingPlus--) {
            s.buf.write('+');
            afterByte(s);
            if (current != s) {
                s.pendingPlus = 0;
                return;
            }
        }
    }

    private void afterByte(Session s) {
        int n = s.buf.size();
        if (n >= s.limit) {
            finish(s);
            return;
        }
        if (s.ackMode && n % 1024 == 0) {
            sink.ack();
        }
    }

    private static void cancel(Session s) {
        if (s.timer != null) {
            s.timer.cancel();
        }
        if (s.escape != null) {
            s.escape.cancel();
        }
    }

    private void finish(Session s) {
        if (current != s) {
            return;
        }
        cancel(s);
        current = null;
        sink.finished(s, s.buf.toByteArray());
    }
}
