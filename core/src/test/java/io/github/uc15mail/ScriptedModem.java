package io.github.uc15mail;

import io.github.uc15mail.testkit.InMemoryTransport;
import io.github.uc15mail.transport.Transport.TransportListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The modem end of an in-memory pipe that answers each command line at once with what {@code replies} gives
 * (information lines and the final result, CRLF-separated); records the lines.
 */
final class ScriptedModem implements TransportListener {

    private final InMemoryTransport end;
    private final Function<String, String> replies;
    private final StringBuilder pending = new StringBuilder();
    final List<String> commands = new CopyOnWriteArrayList<>();

    ScriptedModem(InMemoryTransport end, Function<String, String> replies) throws IOException {
        this.end = end;
        this.replies = replies;
        end.open(this);
    }

    @Override
    public synchronized void onBytes(byte[] data, int offset, int length) {
        pending.append(new String(data, offset, length, StandardCharsets.ISO_8859_1));
        int cr;
        while ((cr = pending.indexOf("\r")) >= 0) {
            String line = pending.substring(0, cr).strip();
            pending.delete(0, cr + 1);
            if (line.isEmpty()) {
                continue;
            }
            commands.add(line);
            try {
                end.write(("\r\n" + replies.apply(line).replace("\n", "\r\n") + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void onClosed(Throwable cause) {}

    long count(String prefix) {
        return commands.stream().filter(c -> c.startsWith(prefix)).count();
    }
}
