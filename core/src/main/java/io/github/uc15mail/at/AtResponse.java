package io.github.uc15mail.at;

import io.github.uc15mail.at.internal.AtText;
import java.util.List;
import java.util.Optional;

/**
 * The successful outcome of one command: the information lines that belonged to it (in order, without
 * URCs that arrived in between), the payload bytes written, and the sequence number of its final
 * result line (see {@link Urc#sequence()}). {@link #toString()} masks secrets.
 */
public record AtResponse(AtCommand<?> command, List<String> lines, long payloadBytesWritten, long finalSequence) {

    public AtResponse {
        lines = List.copyOf(lines);
    }

    /** The first line starting with {@code prefix}, if any. */
    public Optional<String> line(String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst();
    }

    /** The text after {@code "<prefix>: "} of the first such line, if any. */
    public Optional<String> value(String prefix) {
        return line(prefix).map(l -> l.substring(Math.min(l.length(), prefix.length() + 1)).strip());
    }

    @Override
    public String toString() {
        return command.loggable() + " -> " + lines.stream().map(AtText::mask).toList() + " OK";
    }
}
