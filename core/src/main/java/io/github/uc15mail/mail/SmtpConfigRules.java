package io.github.uc15mail.mail;

import io.github.uc15mail.at.Commands;
import io.github.uc15mail.at.internal.AtText;
import java.nio.file.Files;

/** The checks of {@link SmtpConfig.Builder#build()}: each failure names the field, the limit and the value. */
final class SmtpConfigRules {

    private SmtpConfigRules() {}

    static void check(SmtpConfig.Builder b) {
        if (b.host == null || b.host.isEmpty()) {
            throw new IllegalArgumentException("server host: is required");
        }
        AtText.requireAtString("server host", b.host, Commands.SMTP_STRING_MAX, false);
        if (b.security == null) {
            throw new IllegalArgumentException("security: is required (NONE, SSL or STARTTLS)");
        }
        if (b.port != 0) {
            AtText.requireRange("server port", b.port, 1, 65535);
        }
        AtText.requireRange("SSL context id", b.sslContextId, 0, 5);
        AtText.requireRange("cipher suite", b.cipherSuite, 0, 0xFFFF);
        if (b.tlsVersion == null) {
            throw new IllegalArgumentException("TLS version: is required");
        }
        if (b.caCertificate != null) {
            if (!Files.isRegularFile(b.caCertificate)) {
                throw new IllegalArgumentException("CA certificate: no such file: " + b.caCertificate);
            }
            if (b.security == Security.NONE) {
                throw new IllegalArgumentException("CA certificate: needs security SSL or STARTTLS, was NONE");
            }
        }
        AtText.requireRange("context id", b.contextId, 1, 16);
        AtText.requireAtString("account user", b.user, Commands.SMTP_STRING_MAX, false);
        AtText.requireAtString("account password", b.password, Commands.SMTP_STRING_MAX, true);
        AtText.requireAtString("sender name", b.senderName, Commands.SMTP_STRING_MAX, false);
        if (b.senderAddress == null || b.senderAddress.isEmpty()) {
            throw new IllegalArgumentException("sender address: is required");
        }
        AtText.requireAtString("sender address", b.senderAddress, Commands.SMTP_STRING_MAX, false);
        AtText.requireRange("send timeout", b.sendTimeoutSeconds, 60, 65535);
        if (b.readyWait == null || b.readyWait.isNegative()) {
            throw new IllegalArgumentException("ready wait: must be zero or positive, was " + b.readyWait);
        }
        if (b.busyWait == null || b.busyWait.isNegative()) {
            throw new IllegalArgumentException("busy wait: must be zero or positive, was " + b.busyWait);
        }
    }
}
