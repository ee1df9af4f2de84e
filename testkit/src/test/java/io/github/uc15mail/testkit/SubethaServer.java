package io.github.uc15mail.testkit;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/** A SubEthaSMTP server for STARTTLS, implicit TLS with our own certificate, and scripted rejections. */
final class SubethaServer implements AutoCloseable {

    /** One received message: envelope and parsed content. */
    record Received(String from, List<String> recipients, byte[] raw) {
        MimeMessage parse() {
            try {
                return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final SMTPServer server;

    private SubethaServer(SMTPServer.Builder b, int rejectRecipientCode, int rejectDataCode) {
        b.port(0).bindAddress(java.net.InetAddress.getLoopbackAddress()).messageHandlerFactory(ctx -> new MessageHandler() {
            String from;
            final List<String> rcpts = new CopyOnWriteArrayList<>();

            @Override
            public void from(String f) {
                from = f;
            }

            @Override
            public void recipient(String r) throws RejectException {
                if (rejectRecipientCode > 0 && r.startsWith("reject")) {
                    throw new RejectException(rejectRecipientCode, "<" + r + "> mailbox unavailable");
                }
                rcpts.add(r);
            }

            @Override
            public String data(InputStream in) throws RejectException, IOException {
                byte[] raw = in.readAllBytes();
                if (rejectDataCode > 0) {
                    throw new RejectException(rejectDataCode, "exceeded storage allocation");
                }
                received.add(new Received(from, List.copyOf(rcpts), raw));
                return null;
            }

            @Override
            public void done() {
            }
        });
        server = b.build();
        server.start();
    }

    static SubethaServer plain(int rejectRecipientCode, int rejectDataCode) {
        return new SubethaServer(SMTPServer.port(0), rejectRecipientCode, rejectDataCode);
    }

    static SubethaServer startTls(SSLContext ctx) {
        return new SubethaServer(SMTPServer.port(0).enableTLS().requireTLS().startTlsSocketFactory(ctx), 0, 0);
    }

    static SubethaServer implicitTls(SSLContext ctx) {
        return new SubethaServer(SMTPServer.port(0).serverSocketFactory(ctx), 0, 0);
    }

    int port() {
        return server.getPortAllocated();
    }

    @Override
    public void close() {
        server.stop();
    }
}
