package io.github.uc15mail.gateway;

import io.github.uc15mail.gateway.internal.smtp.FrontDoorGuards;
import io.github.uc15mail.gateway.internal.smtp.FrontDoorHandler;
import io.github.uc15mail.gateway.internal.smtp.PasswordLogin;
import io.github.uc15mail.gateway.internal.smtp.TlsContexts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The SMTP front door: an SMTP server (SubEthaSMTP) that turns every message it receives into an
 * {@link io.github.uc15mail.mail.EmailDraft} and hands it to a {@link MailSink}.
 *
 * <h2>What it guarantees</h2>
 * <ul>
 *   <li>{@code 250} to {@code DATA} only after {@link MailSink#accept} returned: the message is stored.
 *       A sink failure is {@code 451 4.3.0} (the client keeps the message and tries again).</li>
 *   <li>The modem's limits as SMTP answers: the 21st distinct {@code RCPT} gets {@code 452 4.5.3}; an
 *       address the modem cannot use {@code 553 5.1.3}; a message over the size limit (advertised with
 *       {@code EHLO SIZE}) {@code 552 5.3.4}; more than 10 attachments {@code 554 5.3.4}; other content
 *       the modem can never carry {@code 554 5.6.0}, each with the reason.</li>
 *   <li>With an auth file, {@code MAIL} needs a successful {@code AUTH} (PLAIN or LOGIN); with a key
 *       store STARTTLS is offered, and required before anything else when there is an auth file too, so
 *       passwords never cross the network in clear. On a non-loopback address both are present (see
 *       {@link GatewaySettings}).</li>
 *   <li>One INFO log line per accepted message (id, recipients, size); no passwords in logs.</li>
 *   <li>{@link #close()} stops accepting, ends open sessions and waits for a message being stored.</li>
 *   <li>No client holds the door: every line must arrive whole within a deadline (shorter past 80 % of the
 *       connection cap), connections are capped per address and in all, failed logins are delayed and
 *       lock the address out (see {@link GatewaySettings.Limits}); a {@code BDAT} message is stored only when
 *       its last chunk arrived whole.</li>
 * </ul>
 * What it does not do: deliver (that is the sink's job), relay control (anyone who may connect and log in
 * may send to any address), or rate limiting of messages.
 */
public final class GatewayServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GatewayServer.class);
    private static final AtomicInteger IDS = new AtomicInteger();

    private final SMTPServer server;
    private final InetSocketAddress address;
    private final FrontDoorGuards guards;

    private GatewayServer(SMTPServer server, InetSocketAddress address, FrontDoorGuards guards) {
        this.server = server;
        this.address = address;
        this.guards = guards;
    }

    /**
     * Starts the front door.
     *
     * @throws IOException the auth file or key store cannot be read, or the address cannot be bound
     * @throws IllegalArgumentException {@code keepFromName} is on but the sink cannot carry a sender name
     */
    public static GatewayServer start(GatewaySettings settings, MailSink sink) throws IOException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(sink, "sink");
        if (settings.keepFromName() && !sink.carriesSenderName()) {
            throw new IllegalArgumentException("keep-from-name: the message store in use cannot keep a sender name "
                    + "per message; turn keep-from-name off");
        }
        MimeConverter converter = MimeConverter.create(settings.keepFromName(), settings.maxMessageSize());
        int id = IDS.incrementAndGet();
        AtomicInteger sessions = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "uc15mail-smtp-" + id + "-" + sessions.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        FrontDoorGuards guards = new FrontDoorGuards(settings);
        SMTPServer.Builder b = SMTPServer.port(settings.listen().getPort())
                .bindAddress(settings.listen().getAddress())
                .hostName(settings.hostName())
                .softwareName("uc15mail gateway")
                .maxMessageSize(settings.maxMessageSize())
                .maxConnections(settings.limits().maxConnections())
                .connectionTimeoutMs((int) settings.limits().lineDeadline().toMillis())
                .serverSocketFactory(guards.deadlines()::serverSocket)
                .sessionHandler(guards)
                .executorService(executor)
                // Never set fromAddressValidator: with one, SubEthaSMTP 7.2.0 registers a MAIL command without its
                // auth and STARTTLS checks. The default check takes <> and any parsable address.
                .messageHandlerFactory(ctx -> new FrontDoorHandler(ctx, converter, sink, settings.maxMessageSize(),
                        settings.keepFromName(), guards.deadlines()));
        boolean tls = settings.keyStore().isPresent();
        if (tls) {
            SSLContext context = TlsContexts.load(settings.keyStore().get(), settings.keyStorePassword());
            b.enableTLS().startTlsSocketFactory(TlsContexts.startTls(context));
            if (settings.authFile().isPresent()) {
                b.requireTLS();
            }
        }
        if (settings.authFile().isPresent()) {
            b.authenticationHandlerFactory(new PasswordLogin(loadUsers(settings.authFile().get()),
                    guards.throttle())).requireAuth();
        }
        SMTPServer server = b.build();
        guards.install(server);
        try {
            server.start();
        } catch (RuntimeException e) {
            executor.shutdownNow();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IOException("listen " + settings.listen().getHostString() + ":" + settings.listen().getPort()
                    + ": cannot bind (" + cause.getMessage() + ")", cause);
        }
        InetSocketAddress bound = new InetSocketAddress(settings.listen().getAddress(), server.getPortAllocated());
        log.info("SMTP front door listening on {}:{} (max size {} bytes, {}, {})", bound.getHostString(), bound.getPort(),
                settings.maxMessageSize(), settings.authFile().isPresent() ? "login required" : "no login",
                tls ? (settings.authFile().isPresent() ? "STARTTLS required" : "STARTTLS offered") : "no TLS");
        return new GatewayServer(server, bound, guards);
    }

    private static PasswordFile loadUsers(Path file) throws IOException {
        PasswordFile users = PasswordFile.load(file);
        if (users.users().isEmpty()) {
            throw new IllegalArgumentException("auth-file " + file + ": has no users; nobody could send");
        }
        return users;
    }

    /** Where the front door listens (with the port actually bound). */
    public InetSocketAddress address() {
        return address;
    }

    /** Failed logins since start (for the {@code uc15mail_smtp_auth_failures_total} metric). */
    public long authFailures() {
        return guards.throttle().failures();
    }

    /** Addresses locked out after too many failed logins, since start. */
    public long authLockouts() {
        return guards.throttle().lockouts();
    }

    /** Front door connections open now. */
    public int openConnections() {
        return guards.deadlines().open();
    }

    /** Connections closed because a line did not arrive within its deadline, since start. */
    public long lineDeadlinesMissed() {
        return guards.deadlines().expired();
    }

    /** The port actually bound. */
    public int port() {
        return address.getPort();
    }

    /** Stops listening, ends open sessions and waits for messages being stored. Idempotent. */
    @Override
    public void close() {
        server.stop();
        log.info("SMTP front door on {}:{} stopped", address.getHostString(), address.getPort());
    }
}
