package io.github.uc15mail.cli;

import io.github.uc15mail.testkit.Uc15Emulator;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The training run of the class-data-sharing archive {@code uc15mail.jsa} made at package time (Java's
 * {@code -XX:ArchiveClassesAtExit}): {@code --version}, then one {@code send} as a user runs it, quiet, over TCP
 * to an emulated modem in this process that delivers to an embedded SMTP server. The classes these load are
 * the ones the launcher's short runs then map from the archive instead of loading and verifying them.
 * Not for users; exits non-zero when the training send fails (the build then fails).
 */
public final class CdsTraining {

    private static final String USER = "cds@uc15mail.example";
    private static final String PASSWORD = "cds-training-pw";

    private CdsTraining() {}

    public static void main(String[] args) {
        Uc15MailCli.quietLogging(new String[] {"send"});
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        int code;
        try (EmbeddedSmtpServer server = EmbeddedSmtpServer.start(0, USER, PASSWORD);
                Uc15Emulator modem = Uc15Emulator.builder().smtpTimeoutScale(0.05).build()) {
            int port = modem.listenTcp(0);
            CliContext context = new CliContext(sink, System.err, name -> name.equals("CDS_PW") ? PASSWORD : null,
                    false, Duration.ofSeconds(15));
            Uc15MailCli.run(context, "--version");
            code = Uc15MailCli.run(context, "send", "--port", "tcp:127.0.0.1:" + port, "--server", "127.0.0.1",
                    "--server-port", String.valueOf(server.port()), "--security", "none", "--user", USER,
                    "--password-env", "CDS_PW", "--from", USER, "--to", "you@uc15mail.example",
                    "--subject", "class-data-sharing training", "--body", "one send to train the archive");
        }
        System.exit(code);
    }
}
