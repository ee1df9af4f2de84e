package io.github.uc15mail.trace;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a trace after the header: a chunk of bytes in one direction, a data-mode payload block, or a
 * marker. Which fields are set depends on the {@link Kind}; see {@code docs/traces.md}.
 *
 * <p>It guarantees that {@link #bytes()} gives back exactly what was recorded for a chunk (text or hex). It does
 * not hold a payload's bytes unless the trace was recorded with payloads.
 *
 * @param offsetMillis time since the link was opened
 * @param kind         what the record is
 * @param direction    who sent it; null for markers
 * @param text         the bytes as UTF-8 text (control characters escaped in the file), or null
 * @param hex          the bytes in hex when they are not valid UTF-8, or null
 * @param length       a payload block's length in bytes (0 for other kinds)
 * @param crc32        a payload block's CRC-32 as 8 lower-case hex digits, or null
 * @param result       the final result that ends a command ({@link Kind#END}), or null
 */
public record TraceRecord(long offsetMillis, Kind kind, Direction direction, String text, String hex, long length,
        String crc32, String result) {

    /** What a record is. */
    public enum Kind {
        /** A command line the host wrote (marks the start of a command), CR included. */
        COMMAND("command"),
        /** Bytes as they came, in the chunk the transport delivered (or the host wrote outside a command). */
        BYTES("bytes"),
        /** One write of a data-mode payload: its length and CRC, and its bytes only when recorded with payloads. */
        PAYLOAD("payload"),
        /** The modem's final result (OK, ERROR, +CME ERROR: n ...) that ends a command. */
        END("end");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Kind of(String label) {
            for (Kind k : values()) {
                if (k.label.equals(label)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("type: must be command, bytes, payload or end, was " + label);
        }
    }

    /** Who sent the bytes. */
    public enum Direction {
        TO_MODEM("to-modem"),
        FROM_MODEM("from-modem");

        private final String label;

        Direction(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Direction of(String label) {
            for (Direction d : values()) {
                if (d.label.equals(label)) {
                    return d;
                }
            }
            throw new IllegalArgumentException("dir: must be to-modem or from-modem, was " + label);
        }
    }

    public TraceRecord {
        Objects.requireNonNull(kind, "kind");
    }

    /** The recorded bytes (from text or hex); empty for a payload recorded without its bytes, and for markers. */
    public byte[] bytes() {
        if (hex != null) {
            return HexFormat.of().parseHex(hex);
        }
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the host sent it. */
    public boolean fromHost() {
        return direction == Direction.TO_MODEM;
    }

    /** A payload's recorded bytes, when the trace holds them. */
    public Optional<byte[]> payloadBytes() {
        return kind == Kind.PAYLOAD && (text != null || hex != null) ? Optional.of(bytes()) : Optional.empty();
    }
}
