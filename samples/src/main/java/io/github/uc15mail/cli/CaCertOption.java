package io.github.uc15mail.cli;

import io.github.uc15mail.mail.Security;
import io.github.uc15mail.mail.SmtpConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --ca-cert PATH}: verify the SMTP server's TLS certificate against a CA certificate (PEM), as
 * {@link SmtpConfig.Builder#verifyServerWith(Path)} does. A picocli mixin, so every command that sends mail
 * ({@code send}, and later {@code queue} and {@code gateway}) takes the same flag with the same checks: add
 * {@code @Mixin CaCertOption caCert = new CaCertOption();} and call {@link #apply}.
 */
public final class CaCertOption {

    /** The {@code --config} key of the flag. */
    public static final String CONFIG_KEY = "ca-cert";

    @Option(names = "--ca-cert", paramLabel = "PATH",
            description = "Verify the SMTP server's certificate against this CA certificate (PEM file); needs "
                    + "--security ssl or starttls. Without it the modem encrypts but does not verify the server.")
    Path caCert;

    /** The flag's value, or null when not given. */
    public Path path() {
        return caCert;
    }

    /**
     * Checks {@code file} (given with the flag or the config file; may be null) and tells {@code config} to verify
     * the server with it.
     *
     * @throws CliFailure (bad input) naming the flag and the file when it is not a readable PEM certificate, or when
     *                    {@code security} does not encrypt
     */
    public static void apply(Path file, Security security, SmtpConfig.Builder config) {
        if (file == null) {
            return;
        }
        if (security == Security.NONE) {
            throw CliFailure.badInput("ca-cert: needs --security ssl or starttls, was none (" + file + ")");
        }
        String text;
        try {
            if (!Files.isRegularFile(file)) {
                throw CliFailure.badInput("ca-cert: must be a readable PEM file (--ca-cert PATH), was "
                        + (Files.isDirectory(file) ? "a directory: " : "not found: ") + file);
            }
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw CliFailure.badInput("ca-cert: must be a readable PEM file (--ca-cert PATH), was unreadable: " + file
                    + " (" + e.getClass().getSimpleName() + ")");
        }
        if (!text.contains("-----BEGIN CERTIFICATE-----")) {
            throw CliFailure.badInput("ca-cert: must be a PEM certificate (-----BEGIN CERTIFICATE-----), was not: "
                    + file);
        }
        config.verifyServerWith(file);
    }

    /** The one line the CLI prints when a TLS send does not verify the server, or null when there is nothing to say. */
    public static String unverifiedNote(SmtpConfig config) {
        if (config.security() == Security.NONE || config.caCertificate().isPresent()) {
            return null;
        }
        return "uc15mail: note: the server's certificate is not verified (" + config.host() + ":" + config.port()
                + "); add --ca-cert PATH with the CA certificate (PEM) to verify it";
    }
}
