package io.github.uc15mail.benchmarks;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.github.uc15mail.mail.Security;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.testkit.GreenMailServers;

/**
 * An embedded GreenMail SMTP server on a free port of 127.0.0.1 that accepts any credentials, and the
 * {@link SmtpConfig} that points a mailer at it.
 */
public final class SmtpServer implements AutoCloseable {

    private final GreenMail greenMail;

    private SmtpServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Starts a server. */
    public static SmtpServer start() {
        GreenMail gm = GreenMailServers.create(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        gm.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        gm.start();
        return new SmtpServer(gm);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** How many messages (one per envelope recipient) the server has received. */
    public int receivedCount() {
        return greenMail.getReceivedMessages().length;
    }

    /** Drops what the server stored, so long runs do not fill the heap. */
    public void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("could not purge the SMTP server", e);
        }
    }

    /** A plain-SMTP configuration for {@code host:port}. */
    public static SmtpConfig config(String host, int port) {
        return SmtpConfig.builder().server(host, port).security(Security.NONE).account("bench@example.com", "bench")
                .sender("Bench Unit", "bench@example.com").build();
    }

    /** A plain-SMTP configuration for this server. */
    public SmtpConfig config() {
        return config(host(), port());
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
