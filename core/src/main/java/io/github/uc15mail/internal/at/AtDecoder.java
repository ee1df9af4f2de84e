package io.github.uc15mail.internal.at;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Turns the modem's byte stream into {@link AtEvent}s. Keeps its state across calls, so any
 * fragmentation of the input (one byte at a time included) yields the same events. Lines end at CR or
 * LF; empty lines are skipped, so stray CR/LF do no harm. A line longer than the limit is reported once
 * as {@link AtEvent.Type#OVERLONG} and the rest of it dropped: memory stays bounded whatever arrives.
 *
 * <p>Bytes are read as ISO-8859-1, so no byte is lost or replaced. Not thread-safe: feed it from one
 * thread at a time.
 */
public final class AtDecoder {

    /** Default longest line kept. */
    public static final int DEFAULT_MAX_LINE = 4096;

    private static final AtEvent ACK = AtEvent.of(AtEvent.Type.ACK, "A");
    private static final AtEvent OK = AtEvent.of(AtEvent.Type.OK, "OK");
    private static final AtEvent ERROR = AtEvent.of(AtEvent.Type.ERROR, "ERROR");
    private static final AtEvent CONNECT = AtEvent.of(AtEvent.Type.CONNECT, "CONNECT");

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long CRS = ONES * '\r';
    private static final long LFS = ONES * '\n';

    private final Consumer<AtEvent> sink;
    private final byte[] line;
    /** Bytes of a partial line carried over from an earlier chunk. */
    private int length;
    private boolean overlong;
    /** Plain field: the decoder is confined to one thread at a time (its owner's lock). */
    private boolean ackMode;

    public AtDecoder(Consumer<AtEvent> sink) {
        this(sink, DEFAULT_MAX_LINE);
    }

    public AtDecoder(Consumer<AtEvent> sink, int maxLine) {
        this.sink = Objects.requireNonNull(sink, "sink");
        if (maxLine < 16) {
            throw new IllegalArgumentException("maxLine must be at least 16, was " + maxLine);
        }
        this.line = new byte[maxLine];
    }

    /**
     * While on, an {@code A} at the start of a line is reported as {@link AtEvent.Type#ACK} at once,
     * without waiting for a line end (a module may send it bare). Call it from the thread that feeds.
     */
    public void setAckMode(boolean on) {
        this.ackMode = on;
    }

    public void feed(byte[] data, int offset, int count) {
        Objects.checkFromIndexSize(offset, count, data.length);
        int end = offset + count;
        int i = offset;
        while (i < end) {
            if (length != 0 || overlong) {
                // The rest of a line begun in an earlier chunk.
                int stop = find(data, i, end);
                append(data, i, stop - i);
                if (stop == end) {
                    return;
                }
                endLine();
                i = stop + 1;
                continue;
            }
            byte b = data[i];
            if (b == '\r' || b == '\n') {
                i++;
                continue;
            }
            if (b == 'A' && ackMode) {
                sink.accept(ACK);
                i++;
                continue;
            }
            int stop = find(data, i, end);
            if (stop == end) {
                append(data, i, stop - i);
                return;
            }
            // A whole line inside this chunk: decoded where it lies, no copy.
            int n = stop - i;
            if (n <= line.length) {
                sink.accept(event(data, i, n));
            } else {
                sink.accept(AtEvent.of(AtEvent.Type.OVERLONG, new String(data, i, line.length, StandardCharsets.ISO_8859_1)));
            }
            i = stop + 1;
        }
    }

    /** The first CR or LF in {@code data[from, end)}, or {@code end}: a plain loop for a few bytes. */
    private static int find(byte[] data, int from, int end) {
        if (end - from >= 16) {
            return lineEnd(data, from, end);
        }
        for (int i = from; i < end; i++) {
            byte b = data[i];
            if (b == '\r' || b == '\n') {
                return i;
            }
        }
        return end;
    }

    /**
     * The index of the first CR or LF in {@code data[from, end)}, or {@code end}. Eight bytes per step
     * (SWAR: a byte equal to CR or LF becomes a zero byte after an XOR, and the classic zero-byte test
     * flags it; the lowest flag is always a true match), so no per-byte branch on the common path.
     */
    static int lineEnd(byte[] data, int from, int end) {
        int i = from;
        for (; i <= end - 8; i += 8) {
            long w = (long) LONGS.get(data, i);
            long cr = w ^ CRS;
            long lf = w ^ LFS;
            long found = ((cr - ONES) & ~cr | (lf - ONES) & ~lf) & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < end; i++) {
            byte b = data[i];
            if (b == '\r' || b == '\n') {
                return i;
            }
        }
        return end;
    }

    private void append(byte[] data, int start, int n) {
        if (overlong) {
            return;
        }
        int room = line.length - length;
        if (n <= room) {
            System.arraycopy(data, start, line, length, n);
            length += n;
            return;
        }
        System.arraycopy(data, start, line, length, room);
        length = line.length;
        overlong = true;
        sink.accept(AtEvent.of(AtEvent.Type.OVERLONG, new String(line, 0, length, StandardCharsets.ISO_8859_1)));
        length = 0;
    }

    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    /** Drops a partial line, for example after a resynchronisation. */
    public void reset() {
        length = 0;
        overlong = false;
    }

    private void endLine() {
        if (overlong) {
            overlong = false;
            length = 0;
            return;
        }
        if (length == 0) {
            return;
        }
        AtEvent event = event(line, 0, length);
        length = 0;
        sink.accept(event);
    }

    /**
     * The event of the line {@code l[from, from + n)}, n > 0: the shared event of a bare {@code OK},
     * {@code ERROR} or {@code CONNECT}; an information line or echo straight from its first bytes; the
     * general {@link #classify} for the rest.
     */
    private static AtEvent event(byte[] l, int from, int n) {
        byte b0 = l[from];
        switch (n) {
            case 2:
                if (b0 == 'O' && l[from + 1] == 'K') {
                    return OK;
                }
                break;
            case 5:
                if (b0 == 'E' && l[from + 1] == 'R' && l[from + 2] == 'R' && l[from + 3] == 'O' && l[from + 4] == 'R') {
                    return ERROR;
                }
                break;
            case 7:
                if (b0 == 'C' && l[from + 1] == 'O' && l[from + 2] == 'N' && l[from + 3] == 'N' && l[from + 4] == 'E'
                        && l[from + 5] == 'C' && l[from + 6] == 'T') {
                    return CONNECT;
                }
                break;
            default:
                break;
        }
        if (n > 1) {
            byte b1 = l[from + 1];
            // An information line or URC ("+QFUPL: ...", "+CSQ: ...") is never a final result unless it
            // is +CME ERROR or +CMS ERROR; a line starting "AT" is an echo (no keyword starts so).
            if (b0 == '+' && !(b1 == 'C' && n >= 11 && l[from + 2] == 'M' && l[from + 4] == ' ')) {
                return AtEvent.of(AtEvent.Type.LINE, new String(l, from, n, StandardCharsets.ISO_8859_1));
            }
            if ((b0 == 'A' || b0 == 'a') && (b1 == 'T' || b1 == 't')) {
                return AtEvent.of(AtEvent.Type.ECHO, new String(l, from, n, StandardCharsets.ISO_8859_1));
            }
        }
        return classify(new String(l, from, n, StandardCharsets.ISO_8859_1));
    }

    /** Classifies one complete line. */
    public static AtEvent classify(String text) {
        String t = text.strip();
        switch (t) {
            case "OK":
                return AtEvent.of(AtEvent.Type.OK, text);
            case "ERROR":
                return AtEvent.of(AtEvent.Type.ERROR, text);
            case "CONNECT":
                return AtEvent.of(AtEvent.Type.CONNECT, text);
            case "NO CARRIER":
            case "BUSY":
            case "NO ANSWER":
            case "NO DIALTONE":
                return AtEvent.of(AtEvent.Type.NO_CARRIER, text);
            default:
                break;
        }
        if (t.startsWith("CONNECT ")) {
            return AtEvent.of(AtEvent.Type.CONNECT, text);
        }
        if (t.startsWith("+CME ERROR:")) {
            return new AtEvent(AtEvent.Type.CME_ERROR, text, parseCode(t.substring(11)));
        }
        if (t.startsWith("+CMS ERROR:")) {
            return new AtEvent(AtEvent.Type.CMS_ERROR, text, parseCode(t.substring(11)));
        }
        if (t.length() >= 2 && (t.charAt(0) == 'A' || t.charAt(0) == 'a') && (t.charAt(1) == 'T' || t.charAt(1) == 't')) {
            return AtEvent.of(AtEvent.Type.ECHO, text);
        }
        return AtEvent.of(AtEvent.Type.LINE, text);
    }

    private static int parseCode(String rest) {
        String s = rest.strip();
        if (s.isEmpty() || s.length() > 9) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(s);
    }
}
