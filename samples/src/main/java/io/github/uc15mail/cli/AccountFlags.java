package io.github.uc15mail.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The SMTP server, the account and the sender the modem sends with. A picocli mixin: a command shows only the groups it takes. */
public final class AccountFlags {

    @Option(names = "--server", paramLabel = "HOST", description = "SMTP server host name or IP (at most 50 bytes).")
    String server;

    @Option(names = "--server-port", paramLabel = "N",
            description = "SMTP server port (default by security: none 25, ssl 465, starttls 587).")
    Integer serverPort;

    @Option(names = "--security", paramLabel = "none|ssl|starttls",
            description = "Connection security (default none): ssl is TLS from the first byte (usually port 465), "
                    + "starttls upgrades a plain connection (usually 587).")
    String security;

    @Mixin
    CaCertOption caCert = new CaCertOption();

    @Option(names = "--user", paramLabel = "U", description = "SMTP account user name (at most 50 bytes).")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Environment variable holding the SMTP password (passwords are never taken on the command line).")
    String passwordEnv;

    @Option(names = "--password", hidden = true, paramLabel = "SECRET",
            description = "Refused: a password on the command line is visible to every user of the machine.")
    String passwordOnCommandLine;

    @Option(names = "--from", paramLabel = "ADDR", description = "Sender address (at most 50 bytes).")
    String from;

    @Option(names = "--from-name", paramLabel = "NAME", description = "Sender display name (at most 50 bytes).")
    String fromName;
}
