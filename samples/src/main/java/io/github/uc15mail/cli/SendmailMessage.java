package io.github.uc15mail.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads the message a sendmail caller writes on standard input: to its end, or to a lone dot unless -i. */
final class SendmailMessage {

    private SendmailMessage() {}

    /**
     * The message's bytes.
     *
     * @throws IOException the input is larger than {@code maxBytes} (named in the message), or cannot be read
     */
    static byte[] read(InputStream in, boolean dotEnds, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            line.write(c);
            if (c == '\n') {
                byte[] l = line.toByteArray();
                line.reset();
                if (dotEnds && (l.length == 2 && l[0] == '.' || l.length == 3 && l[0] == '.' && l[1] == '\r')) {
                    break;
                }
                out.write(l);
            }
            if (out.size() + line.size() > maxBytes) {
                throw new IOException("message: must be at most " + maxBytes + " bytes (max-size), was larger");
            }
        }
        if (line.size() > 0 && !(dotEnds && line.toString(java.nio.charset.StandardCharsets.ISO_8859_1).equals("."))) {
            out.write(line.toByteArray());
        }
        return out.toByteArray();
    }
}
