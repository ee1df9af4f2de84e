package io.github.uc15mail.trace;

import io.github.uc15mail.trace.internal.TraceFile;
import io.github.uc15mail.trace.internal.TraceRecords;
import io.github.uc15mail.transport.Transport;
import io.github.uc15mail.transport.Transport.TransportListener;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Transport} that writes everything crossing it to a trace file (JSON Lines, format
 * {@value Trace#FORMAT}, described in {@code docs/traces.md}), and otherwise passes the bytes through unchanged.
 * Because it sits on the transport it sees the real fragmentation: the modem's bytes are recorded in the chunks
 * the link delivered them.
 *
 * <p>It guarantees: the first line is a header with the module's {@code ATI} identity (once the host asked for it;
 * records are held in memory until then), the SDK version and the date; each command line the host writes is
 * one {@code command} record (the command's start) and each final result an {@code end} record; a data-mode
 * payload is recorded per write as its length and CRC-32, its bytes only when {@link Builder#payloads(boolean)};
 * the passwords of {@code AT+QSMTPCFG="account"}, {@code AT+QICSGP} and {@code AT+QSSLCFG} password settings
 * are masked in both directions (a modem chunk that holds part of such a line is merged with the rest of the
 * line so that it can be masked), as is every value given to {@link Builder#secret(String)}.
 *
 * <p>It does not: interpret or change the traffic, or fail it. A trace file that cannot be written is logged
 * once and recording stops; the link goes on.
 */
public final class TraceRecorder implements Transport {

    private static final Logger log = LoggerFactory.getLogger(TraceRecorder.class);
    private static final Pattern DECLARED_LENGTH = Pattern.compile(
            "(?i)^AT\\+(?:QFUPL=\"[^\"]*\",(\\d+)|QSMTPBODY=\\d+,(\\d+)).*");
    private static final int HEADER_WAIT_RECORDS = 2000;

    private final Transport delegate;
    private final TraceFile file;
    private final TraceRecords records;
    private final boolean payloads;
    private final String sdkVersion;
    private final String source;

    private boolean closed;

    private final ByteArrayOutputStream txLine = new ByteArrayOutputStream();
    private final ByteArrayOutputStream rxLine = new ByteArrayOutputStream();
    private long declaredLength = -1;
    private boolean dataMode;
    private long payloadLeft;
    private boolean awaitingAti;
    private final List<String> atiLines = new ArrayList<>();
    private String identity = "";
    private String model = "";
    private String revision = "";

    private TraceRecorder(Builder b, Writer out) {
        this.delegate = b.delegate;
        this.file = new TraceFile(out, HEADER_WAIT_RECORDS, b.secrets);
        this.records = new TraceRecords(file, b.clock, this::writeHeader);
        this.payloads = b.payloads;
        this.sdkVersion = b.sdkVersion;
        this.source = b.source;
    }

    /** A recorder around {@code delegate} that will write to {@code file} (replaced if it exists). */
    public static Builder builder(Transport delegate, Path file) {
        return new Builder(delegate, Objects.requireNonNull(file, "file"), null);
    }

    /** A recorder around {@code delegate} that writes to {@code writer} and closes it when the link closes. */
    public static Builder builder(Transport delegate, Writer writer) {
        return new Builder(delegate, null, Objects.requireNonNull(writer, "writer"));
    }

    @Override
    public void open(TransportListener listener) throws IOException {
        Objects.requireNonNull(listener, "listener");
        delegate.open(new TransportListener() {
            @Override
            public void onBytes(byte[] data, int offset, int length) {
                try {
                    received(data, offset, length);
                } catch (RuntimeException e) {
                    log.warn("trace: recording received bytes failed; ignored", e);
                }
                listener.onBytes(data, offset, length);
            }

            @Override
            public void onClosed(Throwable cause) {
                listener.onClosed(cause);
            }
        });
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        try {
            sent(data, offset, length);
        } catch (RuntimeException e) {
            log.warn("trace: recording written bytes failed; ignored", e);
        }
        delegate.write(data, offset, length);
    }

    @Override
    public boolean isOpen() {
        return delegate.isOpen();
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    /** Closes the link, then completes and closes the trace file. */
    @Override
    public void close() {
        delegate.close();
        synchronized (this) {
            if (closed) {
                return;
            }
            records.flushHeld();
            if (txLine.size() > 0) {
                records.hostBytes(txLine.toByteArray());
                txLine.reset();
            }
            writeHeader();
            closed = true;
            file.close();
        }
    }

    /** The module's ATI identity as recorded (lines joined with {@code " / "}), or empty before ATI was answered. */
    public synchronized String identity() {
        return identity;
    }

    private synchronized void sent(byte[] data, int offset, int length) {
        if (closed) {
            return;
        }
        records.flushHeld();
        if (dataMode) {
            byte[] block = java.util.Arrays.copyOfRange(data, offset, offset + length);
            records.payload(block, payloads);
            if (payloadLeft > 0) {
                payloadLeft = Math.max(0, payloadLeft - length);
                if (payloadLeft == 0) {
                    dataMode = false;
                }
            }
            return;
        }
        for (int i = offset; i < offset + length; i++) {
            byte b = data[i];
            txLine.write(b);
            if (b == '\r' || b == '\n') {
                command(txLine.toByteArray());
                txLine.reset();
            }
        }
        if (txLine.size() > 0 && !startsLikeCommand(txLine.toByteArray())) {
            records.hostBytes(txLine.toByteArray());
            txLine.reset();
        }
    }

    private static boolean startsLikeCommand(byte[] b) {
        return b.length == 1 ? (b[0] == 'A' || b[0] == 'a')
                : (b[0] == 'A' || b[0] == 'a') && (b[1] == 'T' || b[1] == 't');
    }

    private void command(byte[] line) {
        String text = new String(line, StandardCharsets.UTF_8);
        records.command(text);
        String stripped = text.strip();
        Matcher m = DECLARED_LENGTH.matcher(stripped);
        declaredLength = m.matches() ? Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2)) : -1;
        if (stripped.equalsIgnoreCase("ATI")) {
            awaitingAti = true;
            atiLines.clear();
        }
    }

    private synchronized void received(byte[] data, int offset, int length) {
        if (closed) {
            return;
        }
        byte[] chunk = java.util.Arrays.copyOfRange(data, offset, offset + length);
        records.holdChunk(chunk);
        for (byte b : chunk) {
            if (b == '\r' || b == '\n') {
                if (rxLine.size() > 0) {
                    line(new String(rxLine.toByteArray(), StandardCharsets.UTF_8));
                    rxLine.reset();
                }
            } else {
                rxLine.write(b);
            }
        }
        if (rxLine.size() == 0) {
            records.flushHeld();
        }
    }

    private void line(String line) {
        if (line.startsWith("CONNECT") && declaredLength != 0) {
            dataMode = true;
            payloadLeft = declaredLength;
            return;
        }
        boolean fin = isFinal(line);
        if (awaitingAti) {
            if (fin) {
                awaitingAti = false;
                identify();
            } else if (!line.equalsIgnoreCase("ATI")) {
                atiLines.add(line);
            }
        }
        if (fin) {
            dataMode = false;
            records.holdEnd(line);
        }
    }

    private void identify() {
        identity = file.maskSecrets(String.join(" / ", atiLines));
        for (int i = 0; i < atiLines.size(); i++) {
            String l = atiLines.get(i);
            if (l.startsWith("Revision:")) {
                revision = l.substring("Revision:".length()).strip();
            } else if (i == 1) {
                model = l.strip();
            }
        }
        writeHeader();
    }

    /** Whether a line is a final result code that ends a command. */
    static boolean isFinal(String line) {
        return line.equals("OK") || line.equals("ERROR") || line.startsWith("+CME ERROR:")
                || line.startsWith("+CMS ERROR:") || line.equals("NO CARRIER");
    }

    private void writeHeader() {
        if (file.headerWritten()) {
            return;
        }
        Instant started = Instant.ofEpochMilli(records.startMillis());
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("type", "header");
        h.put("format", Trace.FORMAT);
        h.put("source", source);
        h.put("ati", identity);
        h.put("model", model);
        h.put("revision", revision);
        h.put("sdk", sdkVersion);
        h.put("date", started.atZone(ZoneOffset.UTC).toLocalDate().toString());
        h.put("started", started.toString());
        h.put("link", delegate.describe());
        h.put("payloads", payloads);
        file.header(h);
    }

    /** Options of a {@link TraceRecorder}. */
    public static final class Builder {
        private final Transport delegate;
        private final Path file;
        private final Writer writer;
        private Clock clock = Clock.systemUTC();
        private boolean payloads;
        private String sdkVersion = sdkVersionOfThisJar();
        private String source = "recorded";
        private final List<String> secrets = new ArrayList<>();

        private Builder(Transport delegate, Path file, Writer writer) {
            this.delegate = Objects.requireNonNull(delegate, "delegate");
            this.file = file;
            this.writer = writer;
        }

        /** The clock for the date and the time offsets (default: the system's, UTC). */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** Whether payload bytes are written to the trace too (default false: length and CRC only). */
        public Builder payloads(boolean on) {
            this.payloads = on;
            return this;
        }

        /** The SDK version written in the header (default: this jar's version, or {@code unknown}). */
        public Builder sdkVersion(String v) {
            this.sdkVersion = Objects.requireNonNull(v, "sdkVersion");
            return this;
        }

        /**
         * What the trace is of, written in the header's {@code source}: {@code recorded} (default, a real link),
         * or for example {@code emulated-uc15} or {@code manual} for traces made without hardware.
         */
        public Builder source(String s) {
            this.source = Objects.requireNonNull(s, "source");
            return this;
        }

        /** A value to mask wherever it appears (a password the caller knows); null or empty is ignored. */
        public Builder secret(String value) {
            if (value != null && !value.isEmpty()) {
                secrets.add(value);
                secrets.sort((a, b) -> b.length() - a.length());
            }
            return this;
        }

        /** Creates the recorder; the file is created (or emptied) now. */
        public TraceRecorder build() throws IOException {
            Writer w = writer != null ? writer : new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
            return new TraceRecorder(this, w);
        }

        private static String sdkVersionOfThisJar() {
            String v = TraceRecorder.class.getPackage().getImplementationVersion();
            return v == null ? "unknown" : v;
        }
    }
}
