package io.github.uc15mail.cli;

import io.github.uc15mail.trace.TraceRecorder;
import io.github.uc15mail.transport.Transport;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --trace FILE} and {@code --trace-payloads}, for every command that opens a modem: the link is wrapped in
 * a {@link TraceRecorder} writing JSON Lines (docs/traces.md), passwords masked. A file that cannot be created is
 * refused (exit 2) before the modem is opened.
 */
public final class TraceOptions {

    @Option(names = "--trace", paramLabel = "FILE",
            description = "Record everything said with the modem to FILE (JSON Lines, passwords masked; see docs/traces.md).")
    Path trace;

    @Option(names = "--trace-payloads",
            description = "With --trace: record the bytes of bodies and files too (by default only their length and CRC).")
    boolean payloads;

    /** No trace. */
    static TraceOptions none() {
        return new TraceOptions();
    }

    /** A trace to {@code file}. */
    static TraceOptions to(Path file, boolean payloads) {
        TraceOptions t = new TraceOptions();
        t.trace = file;
        t.payloads = payloads;
        return t;
    }

    /** Whether a trace was asked for. */
    boolean enabled() {
        return trace != null;
    }

    /**
     * {@code transport} recorded to the trace file, or {@code transport} itself without {@code --trace}; with
     * {@code index} &gt; 0 (several modems) the file name gets {@code -<index>} before its extension.
     */
    Transport wrap(Transport transport, SecretMasker masker, int index) {
        if (trace == null) {
            if (payloads) {
                throw CliFailure.badInput("trace-payloads: needs --trace FILE");
            }
            return transport;
        }
        Path file = index > 0 ? numbered(trace, index) : trace;
        try {
            TraceRecorder.Builder b = TraceRecorder.builder(transport, file).payloads(payloads)
                    .sdkVersion(Uc15MailCli.VERSION.replace("uc15mail ", ""));
            masker.secrets().forEach(b::secret);
            return b.build();
        } catch (IOException | RuntimeException e) {
            throw CliFailure.badInput("trace: cannot write " + file + ": " + e.getMessage());
        }
    }

    static Path numbered(Path file, int index) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot > 0 ? name.substring(0, dot) + "-" + index + name.substring(dot) : name + "-" + index;
        return file.resolveSibling(numbered);
    }
}
