package io.github.uc15mail.trace;

import io.github.uc15mail.trace.internal.TraceJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A trace read back from its JSON Lines file: the header (module identity, SDK version, date) and the records
 * in the order they happened. Reading checks the form of every line and names the line number of the first
 * one that is wrong; it does not check that the exchange makes sense (a replay does that).
 *
 * @param header  the first line's fields: {@code format}, {@code sdk}, {@code date}, {@code ati}, ...
 * @param records everything after the header
 */
public record Trace(Map<String, Object> header, List<TraceRecord> records) {

    /** The format this SDK writes and reads. */
    public static final String FORMAT = "uc15mail-trace/1";

    public Trace {
        header = Map.copyOf(header);
        records = List.copyOf(records);
    }

    /** Reads a trace file. */
    public static Trace read(Path file) throws IOException {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses the lines of a trace (blank lines are skipped).
     *
     * @throws IllegalArgumentException naming the line number and what is wrong
     */
    public static Trace parse(List<String> lines) {
        Map<String, Object> header = null;
        List<TraceRecord> records = new ArrayList<>();
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                Map<String, Object> f = TraceJson.read(line);
                if (header == null) {
                    if (!"header".equals(f.get("type")) || !FORMAT.equals(f.get("format"))) {
                        throw new IllegalArgumentException("the first line must be the header, with \"type\":\"header\" and \"format\":\""
                                + FORMAT + "\"");
                    }
                    header = f;
                    continue;
                }
                records.add(record(f));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + n + ": " + e.getMessage(), e);
            }
        }
        if (header == null) {
            throw new IllegalArgumentException("line 1: the trace is empty (no header)");
        }
        return new Trace(header, records);
    }

    private static TraceRecord record(Map<String, Object> f) {
        TraceRecord.Kind kind = TraceRecord.Kind.of(String.valueOf(f.get("type")));
        Object dir = f.get("dir");
        TraceRecord.Direction direction = dir == null ? null : TraceRecord.Direction.of(dir.toString());
        if (kind != TraceRecord.Kind.END && direction == null) {
            throw new IllegalArgumentException("dir: is required for type " + kind.label());
        }
        long t = number(f, "t");
        long length = kind == TraceRecord.Kind.PAYLOAD ? number(f, "length") : 0;
        String crc = (String) f.get("crc32");
        if (kind == TraceRecord.Kind.PAYLOAD && crc == null) {
            throw new IllegalArgumentException("crc32: is required for a payload");
        }
        return new TraceRecord(t, kind, direction, (String) f.get("text"), (String) f.get("hex"), length, crc,
                (String) f.get("result"));
    }

    private static long number(Map<String, Object> f, String key) {
        Object v = f.get(key);
        if (!(v instanceof Long l)) {
            throw new IllegalArgumentException(key + ": must be a whole number, was " + v);
        }
        return l;
    }

    /** A header field as text, or {@code ""} when absent. */
    public String headerText(String key) {
        Object v = header.get(Objects.requireNonNull(key));
        return v == null ? "" : v.toString();
    }

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
}
