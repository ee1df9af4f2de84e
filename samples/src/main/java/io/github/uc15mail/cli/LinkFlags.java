package io.github.uc15mail.cli;

import picocli.CommandLine.Option;

/** How to reach and use the modem: serial speed, SSL and PDP contexts, APN, send timeout. A picocli mixin: a command shows only the groups it takes. */
public final class LinkFlags {

    @Option(names = "--baud", paramLabel = "N", description = "Serial speed (default 115200).")
    Integer baud;

    @Option(names = "--ssl-context", paramLabel = "N", description = "Modem SSL context 0-5 (default 1).")
    Integer sslContext;

    @Option(names = "--context-id", paramLabel = "N", description = "Modem PDP context 1-16 (default 1).")
    Integer contextId;

    @Option(names = "--apn", paramLabel = "NAME", description = "APN used when the PDP context is not active yet.")
    String apn;

    @Option(names = "--apn-user", paramLabel = "U", description = "APN user name.")
    String apnUser;

    @Option(names = "--apn-password-env", paramLabel = "VAR", description = "Environment variable holding the APN password.")
    String apnPasswordEnv;

    @Option(names = "--apn-password", hidden = true, paramLabel = "SECRET",
            description = "Refused: a password on the command line is visible to every user of the machine.")
    String apnPasswordOnCommandLine;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long the modem's SMTP session may take (AT+QSMTPPUT), 60-65535 (default 300). Not "
                    + "the whole budget: the result is awaited 30 s longer, and a starting or busy module is "
                    + "waited for first; a timeout's message states the worst case.")
    Integer timeout;
}
