package io.github.uc15mail.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.EmailDraft;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 25, items 1, 2 and 9: the front door keeps only what it can deliver whole, over real sockets.
 */
class HostileIntakeTest {

    private final RecordingSink sink = new RecordingSink();
    private GatewayServer server;

    @BeforeEach
    void start() throws IOException {
        server = GatewayServer.start(GatewaySettings.builder().listen("127.0.0.1", 0).maxMessageSize(1 << 20).build(),
                sink);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void smtputf8HeadersAndAttachmentNamesAreReadAsUtf8() throws IOException {
        String message = "Subject: Grüße aus Köln\r\nTo: ann@example.com\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + "Hallo\r\n--B\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"Résumé 2024.pdf\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--B--\r\n";
        try (SmtpDialog d = new SmtpDialog(server.port())) {
            assertTrue(d.send("EHLO client.example").contains("SMTPUTF8"));
            SmtpDialog.expect("250", d.send("MAIL FROM:<app@example.com> SMTPUTF8"));
            SmtpDialog.expect("250", d.send("RCPT TO:<ann@example.com>"));
            SmtpDialog.expect("354", d.send("DATA"));
            d.write(message);
            SmtpDialog.expect("250", d.send("."));
        }
        EmailDraft draft = sink.only();
        assertEquals("Grüße aus Köln", draft.subject());
        assertEquals("Resume_2024.pdf", draft.attachments().get(0).name());
    }

    @Test
    void rawEightBitHeadersThatAreUtf8AreReadAsUtf8WithoutSmtputf8() throws IOException {
        try (SmtpDialog d = new SmtpDialog(server.port())) {
            d.send("EHLO client.example");
            SmtpDialog.expect("250", d.mail("Subject: Grüße\r\nTo: ann@example.com\r\n\r\nhi\r\n", "ann@example.com"));
        }
        assertEquals("Grüße", sink.only().subject());
    }

    @Test
    void aBdatMessageCutOffInsideItsLastChunkIsNotStored() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            var out = s.getOutputStream();
            in.readLine();
            out.write(("EHLO c\r\nMAIL FROM:<a@example.com>\r\nRCPT TO:<ann@example.com>\r\nBDAT 1000 LAST\r\n"
                    + "Subject: cut\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Eventually.waitUntil("MAIL and RCPT answered", () -> {
                try {
                    String line;
                    int ok = 0;
                    while (ok < 2 && (line = in.readLine()) != null) {
                        if (line.startsWith("250 ")) {
                            ok++;
                        }
                    }
                    return true;
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
        }
        Eventually.waitUntil("the cut session ended", () -> server.openConnections() == 0);
        assertEquals(0, sink.accepted.size(), "a message whose last chunk never arrived whole was stored");
    }

    @Test
    void aBdatMessageWhoseChunksAllArriveIsStored() throws IOException {
        String first = "Subject: chunks\r\nTo: ann@example.com\r\n\r\n";
        String second = "the body\r\n";
        try (SmtpDialog d = new SmtpDialog(server.port())) {
            assertTrue(d.send("EHLO c").contains("CHUNKING"));
            SmtpDialog.expect("250", d.send("MAIL FROM:<a@example.com>"));
            SmtpDialog.expect("250", d.send("RCPT TO:<ann@example.com>"));
            d.write("BDAT " + first.length() + "\r\n" + first);
            SmtpDialog.expect("250", d.reply());
            d.write("BDAT " + second.length() + " LAST\r\n" + second);
            SmtpDialog.expect("250 2.0.0 Ok: queued", d.reply());
        }
        assertEquals("chunks", sink.only().subject());
        assertEquals("the body\r\n", sink.only().body().replace("\n", "\r\n").replace("\r\r\n", "\r\n"));
    }

    @Test
    void anAttachmentWhoseBase64CannotBeDecodedIsRefusedByName() throws IOException {
        String reply = send(multipart("Content-Type: application/pdf\r\nContent-Disposition: attachment; filename=bill.pdf\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!\r\n"));
        assertTrue(reply.startsWith("554 5.6.0"), reply);
        assertTrue(reply.contains("bill.pdf"), reply);
        assertEquals(0, sink.accepted.size());
    }

    @Test
    void anAttachmentWithEmptyBase64IsRefusedByName() throws IOException {
        String reply = send(multipart("Content-Type: application/pdf\r\nContent-Disposition: attachment; filename=empty.pdf\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n\r\n"));
        assertTrue(reply.startsWith("554 5.6.0"), reply);
        assertTrue(reply.contains("empty.pdf"), reply);
        assertEquals(0, sink.accepted.size());
    }

    @Test
    void aMessageWithoutHeadersKeepsItsTextAsBody() throws IOException {
        String reply = send("just a line of text\r\nand another\r\n");
        SmtpDialog.expect("250", reply);
        assertTrue(sink.only().body().contains("just a line of text"), sink.only().body());
        assertTrue(sink.only().body().contains("and another"), sink.only().body());
    }

    @Test
    void multipartNestedTenThousandDeepIsRefusedAtOnce() throws IOException {
        int depth = 10_000;
        StringBuilder m = new StringBuilder("Subject: deep\r\nTo: ann@example.com\r\nMIME-Version: 1.0\r\n");
        for (int i = 0; i < depth; i++) {
            m.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\r\n\r\n--b").append(i).append("\r\n");
        }
        m.append("Content-Type: text/plain\r\n\r\nx\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            m.append("--b").append(i).append("--\r\n");
        }
        String reply = send(m.toString());
        assertTrue(reply.startsWith("554 5.6.0"), reply);
        assertTrue(reply.contains("20 levels"), reply);
    }

    @Test
    void aCommandLineOverTheLimitGets500() throws IOException {
        try (SmtpDialog d = new SmtpDialog(server.port())) {
            d.send("EHLO c");
            String reply = d.send("MAIL FROM:<" + "a".repeat(1200) + "@example.com>");
            assertTrue(reply.startsWith("500 5.5.2"), reply);
            assertThrows(IOException.class, () -> d.send("NOOP"), "the session ends after a line too long");
        }
    }

    /** The same limit after STARTTLS, over a real TLS socket (the library's own reader would answer 501). */
    @Test
    void aCommandLineOverTheLimitAfterStarttlsGets500(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        try (GatewayServer tls = GatewayServer.start(GatewaySettings.builder().listen("127.0.0.1", 0)
                .keyStore(TestKeys.keyStore(dir), TestKeys.PASSWORD).build(), sink);
                Socket plain = new Socket("127.0.0.1", tls.port())) {
            plain.setSoTimeout(20_000);
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(plain.getInputStream(),
                    StandardCharsets.US_ASCII));
            var out = plain.getOutputStream();
            assertTrue(in.readLine().startsWith("220"));
            out.write("EHLO c\r\n".getBytes(StandardCharsets.US_ASCII));
            String line;
            do {
                line = in.readLine();
            } while (line.startsWith("250-"));
            out.write("STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(in.readLine().startsWith("220"));
            javax.net.ssl.SSLContext trustAll = javax.net.ssl.SSLContext.getInstance("TLS");
            trustAll.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
                @Override
                public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {}

                @Override
                public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {}

                @Override
                public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                    return new java.security.cert.X509Certificate[0];
                }
            }}, null);
            try (javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) trustAll.getSocketFactory().createSocket(plain,
                    "127.0.0.1", tls.port(), true)) {
                s.startHandshake();
                var tin = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                        StandardCharsets.US_ASCII));
                var tout = s.getOutputStream();
                tout.write("EHLO c\r\n".getBytes(StandardCharsets.US_ASCII));
                do {
                    line = tin.readLine();
                } while (line.startsWith("250-"));
                tout.write(("MAIL FROM:<" + "a".repeat(1200) + "@example.com>\r\n").getBytes(StandardCharsets.US_ASCII));
                tout.flush();
                String reply = tin.readLine();
                assertTrue(reply.startsWith("500 5.5.2"), reply);
                assertEquals(null, readOrEnd(tin), "the session ends after a line too long");
            }
        }
        assertEquals(0, sink.accepted.size());
    }

    private static String readOrEnd(java.io.BufferedReader in) {
        try {
            return in.readLine();
        } catch (IOException e) {
            return null; // a reset is an end too
        }
    }

    private String send(String message) throws IOException {
        try (SmtpDialog d = new SmtpDialog(server.port())) {
            d.send("EHLO c");
            return d.mail(message, "ann@example.com");
        }
    }

    private static String multipart(String attachmentPart) {
        return "Subject: files\r\nTo: ann@example.com\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n"
                + "--B\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n--B\r\n" + attachmentPart + "--B--\r\n";
    }
}
