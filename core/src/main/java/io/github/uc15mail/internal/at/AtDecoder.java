package io.github.uc15mail.internal.at;

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

    private final Consumer<AtEvent> sink;
    private final byte[] line;
    private int length;
    private boolean overlong;
    private volatile boolean ackMode;

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
     * without waiting for a line end (a module may send it bare).
     */
    public void setAckMode(boolean on) {
        this.ackMode = on;
    }

    public void feed(byte[] data, int offset, int count) {
        Objects.checkFromIndexSize(offset, count, data.length);
        for (int i = offset; i < offset + count; i++) {
            byte b = data[i];
            if (b == '\r' || b == '\n') {
                endLine();
            } else if (ackMode && b == 'A' && length == 0 && !overlong) {
                sink.accept(AtEvent.of(AtEvent.Type.ACK, "A"));
            } else if (length < line.length) {
                line[length++] = b;
            } else if (!overlong) {
                overlong = true;
                sink.accept(AtEvent.of(AtEvent.Type.OVERLONG, text()));
                length = 0;
            }
        }
    }

    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    /** Drops a partial line, for example after a resynchronisation. */
    public void reset() {
        length = 0;
        overlong = false;
    }

    private String text() {
        return new String(line, 0, length, StandardCharsets.ISO_8859_1);
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
        String text = text();
        length = 0;
        sink.accept(classify(text));
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
