package io.github.uc15mail.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A line-by-line SMTP conversation for checking exact replies (the client tests use real clients). */
final class SmtpDialog implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    SmtpDialog(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
        String greeting = reply();
        if (!greeting.startsWith("220")) {
            throw new IOException("no greeting: " + greeting);
        }
    }

    /** Sends one line, returns the whole reply (lines joined by LF). */
    String send(String line) throws IOException {
        write(line + "\r\n");
        return reply();
    }

    void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    String reply() throws IOException {
        StringBuilder all = new StringBuilder();
        while (true) {
            String line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed after: " + all);
            }
            all.append(all.length() == 0 ? "" : "\n").append(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                return all.toString();
            }
        }
    }

    /** MAIL, RCPTs and DATA with {@code message} (CRLF line ends, dot-stuffed by the caller); the DATA reply. */
    String mail(String message, String... recipients) throws IOException {
        expect("250", send("MAIL FROM:<app@example.com>"));
        for (String r : recipients) {
            expect("250", send("RCPT TO:<" + r + ">"));
        }
        expect("354", send("DATA"));
        write(message.endsWith("\r\n") ? message : message + "\r\n");
        return send(".");
    }

    static void expect(String code, String reply) {
        if (!reply.startsWith(code)) {
            throw new AssertionError("expected " + code + ", got: " + reply);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
