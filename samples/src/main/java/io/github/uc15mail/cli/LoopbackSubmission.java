package io.github.uc15mail.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Hands one message to the gateway's SMTP front door (what {@code sendmail} does for a user who cannot write the
 * outbox). Returns only after the front door answered {@code 250} to the data, which it does only once the message
 * is stored; any other answer is a {@link Refused}.
 */
final class LoopbackSubmission {

    private static final int TIMEOUT_MS = 60_000;

    private LoopbackSubmission() {}

    /** The front door answered something else than expected. */
    static final class Refused extends Exception {
        private final boolean permanent;

        Refused(String reply) {
            super(reply);
            this.permanent = reply.startsWith("5");
        }

        boolean permanent() {
            return permanent;
        }
    }

    static void submit(String listen, Collection<String> recipients, byte[] message) throws IOException, Refused {
        int colon = listen.lastIndexOf(':');
        String host = listen.substring(0, colon).replace("[", "").replace("]", "");
        if (host.equals("0.0.0.0") || host.isEmpty()) {
            host = "127.0.0.1";
        } else if (host.equals("::")) {
            host = "::1";
        }
        int port = Integer.parseInt(listen.substring(colon + 1));
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
            s.setSoTimeout(TIMEOUT_MS);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            expect(in, "220");
            command(out, in, "EHLO localhost", "250");
            command(out, in, "MAIL FROM:<>", "250");
            for (String rcpt : recipients) {
                command(out, in, "RCPT TO:<" + rcpt + ">", "250");
            }
            command(out, in, "DATA", "354");
            out.write(dotStuffed(message));
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            expect(in, "250");
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    private static void command(OutputStream out, BufferedReader in, String line, String code) throws IOException, Refused {
        if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
            throw new Refused("5 the address holds a line break: " + line.replaceAll("[\r\n]", " "));
        }
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        expect(in, code);
    }

    private static void expect(BufferedReader in, String code) throws IOException, Refused {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("the front door closed the connection");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (!line.startsWith(code)) {
            throw new Refused(line);
        }
    }

    /** The message with CRLF line ends and leading dots doubled, ending in CRLF. */
    static byte[] dotStuffed(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        StringBuilder sb = new StringBuilder();
        for (String l : text.split("\n", -1)) {
            sb.append(l.startsWith(".") ? "." + l : l).append("\r\n");
        }
        if (text.endsWith("\n")) {
            sb.setLength(sb.length() - 2);
        }
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
