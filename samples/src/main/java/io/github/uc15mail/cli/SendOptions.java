package io.github.uc15mail.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags of {@code uc15mail send}, as given. Unset flags stay null (or empty) so that a value from
 * {@code --config} can fill them; {@link SendSettings} merges both and applies the defaults.
 */
public final class SendOptions {

    @Option(names = "--port", paramLabel = "PATH",
            description = "Serial port of the modem's AT interface (/dev/ttyUSB2, COM7, a pty), or tcp:HOST:PORT "
                    + "for a modem behind ser2net/socat or 'uc15mail emulate'. Required.")
    String port;

    @Option(names = "--baud", paramLabel = "N", description = "Serial speed (default 115200).")
    Integer baud;

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

    @Option(names = "--to", paramLabel = "ADDR", description = "Recipient (repeatable).")
    List<String> to = new ArrayList<>();

    @Option(names = "--cc", paramLabel = "ADDR", description = "Copy recipient (repeatable).")
    List<String> cc = new ArrayList<>();

    @Option(names = "--bcc", paramLabel = "ADDR", description = "Blind copy recipient (repeatable). At most 20 recipients in all.")
    List<String> bcc = new ArrayList<>();

    @Option(names = "--subject", paramLabel = "TEXT", description = "Subject.")
    String subject;

    @Option(names = "--body", paramLabel = "TEXT", description = "Body text (at most 10240 bytes encoded).")
    String body;

    @Option(names = "--body-file", paramLabel = "PATH", description = "Read the body from a UTF-8 file instead.")
    Path bodyFile;

    @Option(names = "--body-overflow-attachment",
            description = "Send a body over 10240 bytes as the attachment body.txt (the body then says where the text is).")
    boolean bodyOverflowAttachment;

    @Option(names = "--allow-empty", description = "Send even when subject and body are both empty (refused otherwise).")
    boolean allowEmpty;

    @Option(names = "--charset", paramLabel = "ascii|utf-8|gb2312|big5",
            description = "Charset of subject and body (default auto: ASCII if possible, else UTF-8).")
    String charset;

    @Option(names = "--attach", paramLabel = "PATH", description = "Attach a file (repeatable, at most 10).")
    List<Path> attach = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long the modem's SMTP session may take (AT+QSMTPPUT), 60-65535 (default 300). Not "
                    + "the whole budget: the result is awaited 30 s longer, and a starting or busy module is "
                    + "waited for first; a timeout's message states the worst case.")
    Integer timeout;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with the same settings, keys named like the flags without '--' "
                    + "(lists comma-separated, password-env not password). Flags override it.")
    Path config;

    @Option(names = "--verbose", description = "Print the AT traffic (passwords masked) and stack traces.")
    boolean verbose;
}
