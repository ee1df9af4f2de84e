package io.github.uc15mail.at.internal;

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
    private static final AtEvent PROMPT = AtEvent.of(AtEvent.Type.PROMPT, "> ");

    private final Consumer<AtEvent> sink;
    private final byte[] line;
    private int length;
    private boolean overlong;
    /** Plain field: the decoder is confined to one thread at a time (the session feeds it under its lock). */
    private boolean ackMode;
    /** Plain fields, as {@link #ackMode}: a {@code >} at a line start is the prompt; the space after it is its own. */
    private boolean promptMode;
    private boolean swallowSpace;

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

    /**
     * While on, a {@code >} at the start of a line is reported as {@link AtEvent.Type#PROMPT} at once, without
     * waiting for a line end (the modem sends {@code > } and then waits), and the one space after it is taken
     * as part of it. Call it from the thread that feeds.
     */
    public void setPromptMode(boolean on) {
        this.promptMode = on;
        if (!on) {
            swallowSpace = false;
        }
    }

    public void feed(byte[] data, int offset, int count) {
        Objects.checkFromIndexSize(offset, count, data.length);
        int end = offset + count;
        int i = offset;
        while (i < end) {
            byte b = data[i];
            if (swallowSpace) {
                swallowSpace = false;
                if (b == ' ') {
                    i++;
                    continue;
                }
            }
            if (b == '>' && length == 0 && !overlong && promptMode) {
                promptMode = false;
                swallowSpace = true;
                sink.accept(PROMPT);
                i++;
                continue;
            }
            if (b == '\r' || b == '\n') {
                endLine();
                i++;
                continue;
            }
            if (b == 'A' && length == 0 && !overlong && ackMode) {
                sink.accept(ACK);
                i++;
                continue;
            }
            // A run of line bytes: only its first byte can be at a line start, so only it can be an ACK.
            int start = i;
            i++;
            // Text bytes are above CR (13), so one comparison settles most bytes.
            while (i < end && ((b = data[i]) > '\r' || b != '\r' && b != '\n')) {
                i++;
            }
            append(data, start, i - start);
        }
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
        sink.accept(AtEvent.of(AtEvent.Type.OVERLONG, text()));
        length = 0;
    }

    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    /** Drops a partial line, for example after a resynchronisation. */
    public void reset() {
        length = 0;
        overlong = false;
        swallowSpace = false;
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
        AtEvent event = commonResult();
        if (event == null) {
            event = classify(text());
        }
        length = 0;
        sink.accept(event);
    }

    /**
     * The event of the commonest lines without the general {@link #classify}: the shared event of a bare
     * {@code OK}, {@code ERROR} or {@code CONNECT}, or a {@code +...} information line; null for the rest.
     */
    private AtEvent commonResult() {
        byte[] l = line;
        switch (length) {
            case 2:
                return l[0] == 'O' && l[1] == 'K' ? OK : null;
            case 5:
                return l[0] == 'E' && l[1] == 'R' && l[2] == 'R' && l[3] == 'O' && l[4] == 'R' ? ERROR : null;
            case 7:
                return l[0] == 'C' && l[1] == 'O' && l[2] == 'N' && l[3] == 'N' && l[4] == 'E' && l[5] == 'C'
                        && l[6] == 'T' ? CONNECT : null;
            default:
                // An information line or URC ("+QFUPL: ...", "+CMTI: ...") is never a final result unless
                // it is +CME ERROR or +CMS ERROR: skip the keyword checks of classify.
                return length > 1 && l[0] == '+' && l[1] != 'C' ? AtEvent.of(AtEvent.Type.LINE, text()) : null;
        }
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
