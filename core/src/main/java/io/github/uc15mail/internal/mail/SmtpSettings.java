package io.github.uc15mail.internal.mail;

import io.github.uc15mail.error.ModemErrorException.CmeErrorException;
import io.github.uc15mail.error.ModemErrorException;
import io.github.uc15mail.mail.SendProgressListener.SendPhase;
import io.github.uc15mail.mail.Security;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.error.SmtpServiceException;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.at.Commands;
import io.github.uc15mail.at.DataPayload;
import io.github.uc15mail.module.ModuleLimit;
import io.github.uc15mail.module.ModuleProfile;
import io.github.uc15mail.module.ModuleLimit.Provenance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the SSL and SMTP settings ({@code AT+QSSLCFG}, {@code AT+QSMTPCFG}) unless the modem's state says
 * these very settings were written since the last restart. The state is shared by every mailer of a modem,
 * so a mailer with other settings makes the next send of this one write its own again. The sender
 * ({@code AT+QSMTPCFG="sender"}) is tracked on its own: the draft's sender name, or else the configuration's, is
 * written only when it differs from what the modem was last given, so a message with a name of its own costs one
 * command and the sends after it without one another.
 */
final class SmtpSettings implements SendStep {

    private static final Logger log = LoggerFactory.getLogger(SmtpSettings.class);
    static final String CA_FILE = "RAM:uc15mail-ca.pem";

    @Override
    public SendPhase phase() {
        return SendPhase.CONFIGURE;
    }

    @Override
    public void run(SendContext c) {
        SmtpConfig config = c.config;
        StepRunner x = c.exchange;
        String key = key(config);
        String name = c.draft.senderName().orElse(config.senderName());
        if (c.state.hasSettings(key, x.restartCount())) {
            if (!c.state.hasSender(name, config.senderAddress(), x.restartCount())) {
                writeSender(c, name);
            }
            return;
        }
        c.state.invalidateSettings();
        if (config.security() != Security.NONE) {
            int ctx = config.sslContextId();
            writeVersion(c, ctx);
            x.run(Commands.sslCipherSuite(ctx, config.cipherSuite()));
            x.run(Commands.sslSecurityLevel(ctx, config.securityLevel()));
            if (config.caCertificate().isPresent()) {
                byte[] pem;
                try {
                    pem = Files.readAllBytes(config.caCertificate().get());
                } catch (IOException e) {
                    throw new Uc15Exception("cannot read the CA certificate " + config.caCertificate().get(), e);
                }
                c.files.deleteQuietly(CA_FILE);
                c.files.uploadVerified(CA_FILE, DataPayload.ofBytes(pem), null);
                x.run(Commands.sslCaCertificate(ctx, CA_FILE));
            }
        }
        x.run(Commands.smtpContextId(config.contextId()));
        x.run(Commands.smtpSslType(config.security().sslType()));
        x.run(Commands.smtpSslContextId(config.sslContextId()));
        x.run(Commands.smtpServer(config.host(), config.port()));
        x.run(Commands.smtpAccount(config.user(), config.password()));
        c.state.settingsWritten(key, x.restartCount());
        writeSender(c, name);
    }

    private static void writeSender(SendContext c, String name) {
        c.state.senderWritten(null, null, -1);
        c.exchange.run(Commands.smtpSender(name, c.config.senderAddress()));
        c.state.senderWritten(name, c.config.senderAddress(), c.exchange.restartCount());
    }

    /** {@code AT+QSSLCFG="sslversion"}: 4 (all) falls back to 3 (TLS 1.2) where the module does not take it. */
    private static void writeVersion(SendContext c, int ctx) {
        SmtpConfig config = c.config;
        StepRunner x = c.exchange;
        if (config.tlsVersion() == SmtpConfig.TlsVersion.ALL && !lists(c.profile, SmtpConfig.TlsVersion.ALL.code())) {
            // The module's AT+QSSLCFG=? answer does not offer 4 (all): ask for TLS 1.2 straight away.
            log.info("the module does not list SSL version 4 (all); using 3 (TLS 1.2)");
            x.run(Commands.sslVersion(ctx, SmtpConfig.TlsVersion.TLS_1_2.code()));
            return;
        }
        try {
            x.run(Commands.sslVersion(ctx, config.tlsVersion().code()));
        } catch (ModemErrorException | CmeErrorException | SmtpServiceException e) {
            if (config.tlsVersion() != SmtpConfig.TlsVersion.ALL) {
                throw e;
            }
            // "All versions" (4) is documented for sibling modules; a UC15 firmware that only knows
            // 0-3 refuses it. TLS 1.2 is the one modern servers accept.
            log.info("the modem refused SSL version 4 (all); using 3 (TLS 1.2)");
            x.run(Commands.sslVersion(ctx, SmtpConfig.TlsVersion.TLS_1_2.code()));
        }
    }

    /** Whether the probed profile lists {@code version} for "sslversion" (true when it was not probed). */
    private static boolean lists(ModuleProfile profile, int version) {
        if (profile == null || profile.limit(ModuleLimit.Kind.SSL_VERSIONS).provenance() != Provenance.PROBED) {
            return true;
        }
        return profile.limit(ModuleLimit.Kind.SSL_VERSIONS).values().map(v -> v.contains(version)).orElse(true);
    }

    /** Identifies the settings a configuration writes (a digest: the password is not kept in clear twice). */
    static String key(SmtpConfig config) {
        String all = String.join("\n", config.security().name(), String.valueOf(config.sslContextId()),
                config.tlsVersion().name(), String.valueOf(config.cipherSuite()), String.valueOf(config.securityLevel()),
                config.caCertificate().map(Object::toString).orElse(""), String.valueOf(config.contextId()),
                config.host(), String.valueOf(config.port()), config.user(), config.password());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
