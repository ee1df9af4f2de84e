package io.github.uc15mail.cli;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.github.uc15mail.testkit.GreenMailServers;
import jakarta.mail.internet.MimeMessage;

/**
 * A GreenMail SMTP server on 127.0.0.1 inside this process, for {@code demo} and {@code emulate}. It
 * keeps every message it receives (one copy per envelope recipient).
 */
final class EmbeddedSmtpServer implements AutoCloseable {

    private final GreenMail greenMail;

    private EmbeddedSmtpServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /**
     * Starts a plain SMTP server on {@code port} (0 = any free port). With a user, AUTH is required and
     * only that account gets in; without, any credentials (or none) are accepted.
     */
    static EmbeddedSmtpServer start(int port, String user, String password) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        if (port == 0) {
            setup = setup.dynamicPort();
        }
        GreenMail gm = GreenMailServers.create(setup);
        GreenMailConfiguration config = GreenMailConfiguration.aConfig();
        config = user == null ? config.withDisabledAuthentication() : config.withUser(user, user, password);
        gm.withConfiguration(config);
        gm.start();
        return new EmbeddedSmtpServer(gm);
    }

    /** The port it listens on. */
    int port() {
        return greenMail.getSmtp().getPort();
    }

    /** Every message received so far. */
    MimeMessage[] receivedMessages() {
        return greenMail.getReceivedMessages();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
