package io.github.uc15mail.at;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * The bytes a data-mode command ({@code AT+QSMTPBODY}, {@code AT+QFUPL}) sends after the modem answers
 * {@code CONNECT}, or a prompted command ({@code AT+CMGS}) after the modem's {@code > } prompt
 * ({@link #afterPrompt}); never before. Exactly {@link #length()} bytes are written; a source that ends early fails the
 * command. In ACK mode the bytes go in 1024-byte blocks, each after the modem acknowledged the previous
 * one with {@code A}. The payload is streamed: it is never held in memory whole unless it came as an array.
 */
public final class DataPayload {

    /** Opens the payload's bytes; may be called once per attempt. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    /** Block size of ACK mode. */
    public static final int ACK_BLOCK = 1024;

    private final Source source;
    private final long length;
    private final boolean ackMode;
    private final LongConsumer progress;
    private final boolean prompted;

    private DataPayload(Source source, long length, boolean ackMode, LongConsumer progress, boolean prompted) {
        this.source = source;
        this.length = length;
        this.ackMode = ackMode;
        this.progress = progress;
        this.prompted = prompted;
    }

    /**
     * Bytes written after the modem's {@code > } prompt (a line without line end) instead of {@code CONNECT},
     * as {@code AT+CMGS} takes its PDU. If the command times out while the prompt may be open, the session
     * leaves it with ESC (0x1B), which cancels the input, instead of {@code +++}.
     */
    public static DataPayload afterPrompt(byte[] bytes) {
        byte[] copy = bytes.clone();
        return new DataPayload(() -> new ByteArrayInputStream(copy), copy.length, false, null, true);
    }

    public static DataPayload ofBytes(byte[] bytes) {
        byte[] copy = bytes.clone();
        return new DataPayload(() -> new ByteArrayInputStream(copy), copy.length, false, null, false);
    }

    public static DataPayload ofStream(Source source, long length) {
        if (length < 0) {
            throw new IllegalArgumentException("length: must be at least 0, was " + length);
        }
        return new DataPayload(Objects.requireNonNull(source, "source"), length, false, null, false);
    }

    /** The same payload sent in ACK mode (or not). */
    public DataPayload withAckMode(boolean on) {
        return new DataPayload(source, length, on, progress, prompted);
    }

    /** The same payload, reporting the running count of bytes written to {@code listener}. */
    public DataPayload withProgress(LongConsumer listener) {
        return new DataPayload(source, length, ackMode, listener, prompted);
    }

    public long length() {
        return length;
    }

    /** Whether it goes after a {@code > } prompt rather than after {@code CONNECT}. */
    public boolean prompted() {
        return prompted;
    }

    public boolean ackMode() {
        return ackMode;
    }

    public InputStream open() throws IOException {
        return source.open();
    }

    void reportProgress(long written) {
        if (progress != null) {
            progress.accept(written);
        }
    }
}
