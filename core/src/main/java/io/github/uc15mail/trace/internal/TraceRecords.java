package io.github.uc15mail.trace.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * What each record of a trace says, in the trace format: a command the host wrote, bytes it wrote outside a
 * command, a data-mode payload (length and CRC-32, its bytes on request), and the modem's chunks with the final
 * results that end commands. The modem's chunks are held until a line ends, so that a chunk holding part of a
 * secret line can be merged with the rest of the line and masked. The recorder decides what the traffic is;
 * this class only spells it, through a {@link TraceFile}. Not thread-safe: the recorder serializes calls.
 */
public final class TraceRecords {

    /** The {@code dir} labels of the format ({@code Trace.TraceRecord.Direction}). */
    static final String TO_MODEM = "to-modem";
    static final String FROM_MODEM = "from-modem";

    private final TraceFile file;
    private final Clock clock;
    private final long startMillis;
    private final Runnable headerDue;
    private final List<Held> held = new ArrayList<>();

    private record Held(long t, byte[] bytes, String endResult) {
    }

    /**
     * @param headerDue called when so many records wait for the header that it must be written now, without
     *     the identity
     */
    public TraceRecords(TraceFile file, Clock clock, Runnable headerDue) {
        this.file = file;
        this.clock = clock;
        this.startMillis = clock.millis();
        this.headerDue = headerDue;
    }

    /** When recording started, in the clock's milliseconds. */
    public long startMillis() {
        return startMillis;
    }

    /** Milliseconds since recording started. */
    public long now() {
        return Math.max(0, clock.millis() - startMillis);
    }

    /** {@code s} with secret settings and every known secret masked. */
    public String mask(String s) {
        return file.maskSecrets(TraceMask.text(s));
    }

    /** A command line the host wrote, masked. */
    public void command(String text) {
        Map<String, Object> f = record("command", TO_MODEM);
        f.put("text", mask(text));
        emit(f);
    }

    /** Bytes the host wrote that are not a command line (a payload's end, a stray byte). */
    public void hostBytes(byte[] bytes) {
        Map<String, Object> f = record("bytes", TO_MODEM);
        file.putBytes(f, bytes, true);
        emit(f);
    }

    /** One write of a data-mode payload: length and CRC-32, and the bytes when {@code withBytes}. */
    public void payload(byte[] block, boolean withBytes) {
        Map<String, Object> f = record("payload", TO_MODEM);
        CRC32 crc = new CRC32();
        crc.update(block);
        f.put("length", (long) block.length);
        f.put("crc32", String.format("%08x", crc.getValue()));
        if (withBytes) {
            file.putBytes(f, block, true);
        }
        emit(f);
    }

    /** A chunk the modem sent, held until {@link #flushHeld()}. */
    public void holdChunk(byte[] chunk) {
        held.add(new Held(now(), chunk, null));
    }

    /** A final result that ends a command, held in order with the chunks. */
    public void holdEnd(String line) {
        held.add(new Held(now(), null, file.maskSecrets(TraceMask.line(line))));
    }

    /** Writes the held modem chunks: as they came, or merged into one when a line in them needed masking. */
    public void flushHeld() {
        if (held.isEmpty()) {
            return;
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Held h : held) {
            if (h.bytes != null) {
                all.writeBytes(h.bytes);
            }
        }
        String whole = new String(all.toByteArray(), StandardCharsets.UTF_8);
        boolean needsMask = !mask(whole).equals(whole);
        if (needsMask) {
            Map<String, Object> f = record("bytes", FROM_MODEM);
            f.put("t", held.get(0).t);
            f.put("text", mask(whole));
            emit(f);
        }
        for (Held h : held) {
            if (h.bytes != null && !needsMask) {
                Map<String, Object> f = record("bytes", FROM_MODEM);
                f.put("t", h.t);
                file.putBytes(f, h.bytes, false);
                emit(f);
            } else if (h.endResult != null) {
                Map<String, Object> f = record("end", null);
                f.put("t", h.t);
                f.put("result", h.endResult);
                emit(f);
            }
        }
        held.clear();
    }

    private Map<String, Object> record(String type, String dir) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("t", now());
        f.put("type", type);
        f.put("dir", dir);
        return f;
    }

    private void emit(Map<String, Object> fields) {
        if (file.record(fields)) {
            headerDue.run();
        }
    }
}
