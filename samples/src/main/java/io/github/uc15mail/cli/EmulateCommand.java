package io.github.uc15mail.cli;

import io.github.uc15mail.testkit.SentEmail;
import io.github.uc15mail.testkit.Uc15Emulator;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code uc15mail emulate}: an emulated UC15 served on TCP, with an SMTP server in the same process, for
 * trying programs and scripts without hardware. Prints each email the emulator delivers.
 */
@Command(name = "emulate", mixinStandardHelpOptions = true, version = Uc15MailCli.VERSION,
        description = {"Run an emulated UC15 on 127.0.0.1:PORT with an embedded SMTP server, printing each email it delivers.",
                "",
                "Reach it with --port tcp:127.0.0.1:PORT, or give it a serial device path with socat:",
                "  socat pty,raw,echo=0,link=/tmp/uc15 tcp:127.0.0.1:PORT",
                "and then use --port /tmp/uc15.",
                "",
                "The emulator delivers to the server the host configures with",
                "AT+QSMTPCFG=\"smtpserver\": send with --server 127.0.0.1 --server-port SMTP_PORT",
                "for the embedded server, or name any other SMTP server to deliver there.",
                "The emulator has no way to override the host's choice."},
        sortOptions = false)
public final class EmulateCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--listen", required = true, paramLabel = "PORT",
            description = "TCP port for the emulated modem on 127.0.0.1 (0 = any free port).")
    int listen;

    @Option(names = "--smtp-port", paramLabel = "N", defaultValue = "2525",
            description = "Port of the embedded SMTP server on 127.0.0.1 (default ${DEFAULT-VALUE}, 0 = any free port).")
    int smtpPort;

    @Option(names = "--count", paramLabel = "N", defaultValue = "0",
            description = "Exit after N emails were delivered (default 0: run until interrupted).")
    int count;

    public EmulateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (listen < 0 || listen > 65535) {
            throw CliFailure.badInput("listen: must be 0-65535, was " + listen);
        }
        if (smtpPort < 0 || smtpPort > 65535) {
            throw CliFailure.badInput("smtp-port: must be 0-65535, was " + smtpPort);
        }
        if (count < 0) {
            throw CliFailure.badInput("count: must be 0 or more, was " + count);
        }
        EmbeddedSmtpServer server;
        try {
            server = EmbeddedSmtpServer.start(smtpPort, null, null);
        } catch (RuntimeException e) {
            throw new CliFailure(ExitCodes.INTERNAL_ERROR, "cannot start the SMTP server on 127.0.0.1:" + smtpPort
                    + ": " + e.getMessage() + " (choose another --smtp-port)", e);
        }
        try (server; Uc15Emulator modem = Uc15Emulator.create()) {
            int port;
            try {
                port = modem.listenTcp(listen);
            } catch (RuntimeException e) {
                throw new CliFailure(ExitCodes.INTERNAL_ERROR, "cannot listen on 127.0.0.1:" + listen + ": "
                        + e.getMessage() + " (choose another --listen port)", e);
            }
            context.out().println("Emulated UC15 listening on tcp:127.0.0.1:" + port);
            context.out().println("SMTP server on 127.0.0.1:" + server.port() + " (accepts any account)");
            context.out().println("Try: uc15mail send --port tcp:127.0.0.1:" + port + " --server 127.0.0.1 --server-port "
                    + server.port() + " --from me@example.com --to you@example.com --subject hi --body hello");
            context.out().flush();
            int delivered = 0;
            while (count == 0 || delivered < count) {
                SentEmail email = modem.awaitSentEmail(Duration.ofSeconds(1));
                if (email == null) {
                    if (Thread.currentThread().isInterrupted()) {
                        break;
                    }
                    continue;
                }
                delivered++;
                context.out().println("delivered: " + describe(email));
                context.out().flush();
            }
            awaitHostCleanup(modem);
            return ExitCodes.OK;
        }
    }

    /** Gives the host time to clear the content and delete its files before the modem goes away. */
    private static void awaitHostCleanup(Uc15Emulator modem) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (modem.isContentEmpty() && modem.ramFiles().isEmpty() && !modem.isInDataMode()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String describe(SentEmail email) {
        StringBuilder sb = new StringBuilder();
        sb.append("from ").append(email.senderEmail()).append(" to ").append(email.to());
        if (!email.cc().isEmpty()) {
            sb.append(" cc ").append(email.cc());
        }
        if (!email.bcc().isEmpty()) {
            sb.append(" bcc ").append(email.bcc());
        }
        sb.append(" via ").append(email.server()).append(':').append(email.port());
        sb.append(", subject \"").append(email.subject()).append('"');
        sb.append(", body ").append(email.bodyBytes().length).append(" bytes");
        email.attachments().forEach((name, bytes) -> sb.append(", ").append(name).append(" (").append(bytes.length)
                .append(" bytes)"));
        sb.append(", result ").append(email.err()).append(',').append(email.protocolError());
        sb.append(email.err() == 0 ? " (sent)" : " (" + email.detail() + ")");
        return sb.toString();
    }
}
