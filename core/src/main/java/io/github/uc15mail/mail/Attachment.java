package io.github.uc15mail.mail;

import io.github.uc15mail.at.DataPayload;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A file to attach: its name as the recipient sees it and where its bytes come from. Bytes are streamed
 * to the modem when the email is sent, never held whole in memory (except for {@link #ofBytes}). The
 * name is checked by {@link EmailDraft} (at most 46 bytes of printable ASCII, unique within the email).
 *
 * <p>An attachment made {@link #fromStream from a stream} can be read once: a draft holding one can be
 * sent once, and a retried send fails when it needs the bytes again.
 */
public final class Attachment {

    private final String name;
    private final long length;
    private final DataPayload.Source source;
    private final String problem;

    private Attachment(String name, long length, DataPayload.Source source, String problem) {
        this.name = Objects.requireNonNull(name, "attachment name");
        this.length = length;
        this.source = source;
        this.problem = problem;
    }

    /** The file at {@code path}, named as the file is. */
    public static Attachment fromPath(Path path) {
        Path fileName = path.getFileName();
        return fromPath(fileName == null ? path.toString() : fileName.toString(), path);
    }

    /**
     * The file at {@code path}, under another name. Its size is read now; its bytes when sent. A path that is
     * missing, unreadable or a directory makes an attachment that {@link EmailDraft.Builder#build()} refuses.
     */
    public static Attachment fromPath(String name, Path path) {
        Objects.requireNonNull(path, "path");
        try {
            if (Files.isDirectory(path)) {
                return new Attachment(name, -1, null, "a directory, not a file: " + path);
            }
            long size = Files.size(path);
            if (!Files.isReadable(path)) {
                return new Attachment(name, -1, null, "cannot read " + path);
            }
            return new Attachment(name, size, () -> Files.newInputStream(path), null);
        } catch (IOException e) {
            return new Attachment(name, -1, null, "cannot read " + path + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Bytes from memory (copied). */
    public static Attachment ofBytes(String name, byte[] bytes) {
        byte[] copy = bytes.clone();
        return new Attachment(name, copy.length, () -> new ByteArrayInputStream(copy), null);
    }

    /**
     * Exactly {@code length} bytes from {@code stream}, read once when sent. The SDK closes the stream.
     * A stream that ends early fails the send.
     */
    public static Attachment fromStream(String name, InputStream stream, long length) {
        Objects.requireNonNull(stream, "stream");
        AtomicBoolean used = new AtomicBoolean();
        return new Attachment(name, length, () -> {
            if (used.getAndSet(true)) {
                throw new IOException("the stream of attachment " + name + " was already read by an earlier send");
            }
            return stream;
        }, length < 0 ? "declared length must be at least 0, was " + length : null);
    }

    /** The name the recipient sees. */
    public String name() {
        return name;
    }

    /** Its size in bytes, or -1 when it could not be read. */
    public long length() {
        return length;
    }

    /** What is wrong with it, if anything (a file that cannot be read, a negative length), or null. */
    String problem() {
        return problem;
    }

    /** Its bytes as a payload for the upload. */
    public DataPayload payload() {
        return DataPayload.ofStream(source, length);
    }

    @Override
    public String toString() {
        return "Attachment[" + name + ", " + length + " bytes]";
    }
}
