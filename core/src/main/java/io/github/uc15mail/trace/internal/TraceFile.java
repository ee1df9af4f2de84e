package io.github.uc15mail.trace.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file side of a trace recorder: records are held until the header is written (it needs the ATI identity that
 * comes a few commands in), then every line is written and flushed as it comes. A write that fails is logged once
 * and the file is left as it is. Also spells bytes as text or hex with the known secrets masked.
 */
public final class TraceFile {

    private static final Logger log = LoggerFactory.getLogger(TraceFile.class);

    private final Writer out;
    private final int holdAtMost;
    private final List<String> secrets;
    private final List<String> beforeHeader = new ArrayList<>();
    private boolean headerWritten;
    private boolean broken;

    /** A file writing to {@code out}, holding at most {@code holdAtMost} records before the header. */
    public TraceFile(Writer out, int holdAtMost, List<String> secrets) {
        this.out = out;
        this.holdAtMost = holdAtMost;
        this.secrets = List.copyOf(secrets);
    }

    /** Whether the header was written. */
    public boolean headerWritten() {
        return headerWritten;
    }

    /** Writes one record, or holds it until the header; true when the caller should write the header now. */
    public boolean record(Map<String, Object> fields) {
        String line = TraceJson.write(fields);
        if (!headerWritten) {
            beforeHeader.add(line);
            return beforeHeader.size() >= holdAtMost;
        }
        writeLine(line);
        return false;
    }

    /** Writes the header, then the records held for it. Only the first call writes. */
    public void header(Map<String, Object> fields) {
        if (headerWritten) {
            return;
        }
        headerWritten = true;
        writeLine(TraceJson.write(fields));
        beforeHeader.forEach(this::writeLine);
        beforeHeader.clear();
    }

    /** Closes the file. */
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            log.warn("trace: closing the trace file failed: {}", e.getMessage());
        }
    }

    private void writeLine(String line) {
        if (broken) {
            return;
        }
        try {
            out.write(line);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            broken = true;
            log.warn("trace: cannot write the trace file, recording stops: {}", e.getMessage());
        }
    }

    /** {@code s} with every known secret masked. */
    public String maskSecrets(String s) {
        String r = s;
        for (String secret : secrets) {
            r = r.replace(secret, TraceMask.MASK);
        }
        return r;
    }

    /**
     * Puts {@code bytes} into {@code f}: as {@code text} when they are UTF-8 (secret lines masked when
     * {@code maskLines}, known secrets always), otherwise as {@code hex} (known secrets masked).
     */
    public void putBytes(Map<String, Object> f, byte[] bytes, boolean maskLines) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            f.put("text", maskSecrets(maskLines ? TraceMask.text(text) : text));
        } catch (CharacterCodingException e) {
            String latin = new String(bytes, StandardCharsets.ISO_8859_1);
            f.put("hex", HexFormat.of().formatHex(maskSecrets(latin).getBytes(StandardCharsets.ISO_8859_1)));
        }
    }
}
