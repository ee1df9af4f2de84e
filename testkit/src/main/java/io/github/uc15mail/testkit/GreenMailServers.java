package io.github.uc15mail.testkit;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;

/**
 * GreenMail servers whose SMTP and SMTPS connections answer without Nagle delays: every accepted client
 * socket gets {@code TCP_NODELAY}, as production SMTP servers set it.
 *
 * <p>Why: GreenMail writes a multi-line reply ({@code EHLO}) and the TLS server handshake as several small
 * writes. With Nagle's algorithm on, each write after the first waits for the client's delayed ACK (40 ms on
 * Linux), so one SMTPS delivery over loopback cost 150-200 ms of idle waiting and a plain one about 45 ms.
 * Every emulated send pays that once, so the test suite and the benchmarks measured the test server's
 * socket options more than anything else.
 *
 * <p>Guarantees: the returned instance is an ordinary {@link GreenMail} (same setups, configuration, received
 * messages); only SMTP servers are changed. Does not change POP3 or IMAP servers, and does not start anything:
 * call {@link GreenMail#start()} as usual.
 */
public final class GreenMailServers {

    private GreenMailServers() {}

    /** A GreenMail for {@code setups}, its SMTP servers with {@code TCP_NODELAY} on each connection. */
    public static GreenMail create(ServerSetup... setups) {
        return new NoDelayGreenMail(setups);
    }

    private static final class NoDelayGreenMail extends GreenMail {

        NoDelayGreenMail(ServerSetup[] setups) {
            super(setups);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
            Map<String, AbstractServer> services = super.createServices(setups, managers);
            for (ServerSetup s : setups) {
                if (s.getProtocol().startsWith(ServerSetup.PROTOCOL_SMTP)) {
                    services.put(s.getProtocol(), new NoDelaySmtpServer(s, managers));
                }
            }
            return services;
        }
    }

    private static final class NoDelaySmtpServer extends SmtpServer {

        NoDelaySmtpServer(ServerSetup setup, Managers managers) {
            super(setup, managers);
        }

        @Override
        protected void handleClientSocket(Socket client) throws SocketException {
            client.setTcpNoDelay(true);
            super.handleClientSocket(client);
        }
    }
}
