package io.github.uc15mail.at;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * The bytes a data-mode command ({@code AT+QSMTPBODY}, {@code AT+QFUPL}) sends after the modem answers
 * {@code CONNECT}. Exactly {@link #length()} bytes are written; a source that ends early fails the
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

    private DataPayload(Source source, long length, boolean ackMode, LongConsumer progress) {
        this.source = source;
        this.length = length;
        this.ackMode = ackMode;
        this.progress = progress;
    }

    public static DataPayload ofBytes(byte[] bytes) {
        byte[] copy = bytes.clone();
        return new DataPayload(() -> new ByteArrayInputStream(copy), copy.length, false, null);
    }

    public static DataPayload ofStream(Source source, long length) {
        if (length < 0) {
            throw new IllegalArgumentException("length: must be at least 0, was " + length);
        }
        return new DataPayload(Objects.requireNonNull(source, "source"), length, false, null);
    }

    /** The same payload sent in ACK mode (or not). */
    public DataPayload withAckMode(boolean on) {
        return new DataPayload(source, length, on, progress);
    }

    /** The same payload, reporting the running count of bytes written to {@code listener}. */
    public DataPayload withProgress(LongConsumer listener) {
        return new DataPayload(source, length, ackMode, listener);
    }

    public long length() {
        return length;
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
