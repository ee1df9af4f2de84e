package io.github.uc15mail.internal.mail;

import io.github.uc15mail.at.AtCommand;
import io.github.uc15mail.at.AtResponse;
import io.github.uc15mail.at.AtSession;
import io.github.uc15mail.at.CommandKind;
import io.github.uc15mail.at.Commands;

import io.github.uc15mail.module.ModuleIdentity.ModuleFamily;
import io.github.uc15mail.module.ModuleIdentity;
import io.github.uc15mail.module.ModuleProfile;
import io.github.uc15mail.module.SmtpCapabilities;
import io.github.uc15mail.module.SmtpCapabilities.SslCapabilities;
import io.github.uc15mail.error.ModemErrorException.CmeErrorException;
import io.github.uc15mail.error.ModemErrorException;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.module.ModuleProfile.UnsupportedModuleException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Identifies the module on the line and chooses its {@link ModuleProfile}: reads {@code ATI}, asks
 * {@code AT+QSMTPCFG=?} once, and {@code AT+QSSLCFG=?} only when SSL is wanted. Refuses, with an
 * {@link UnsupportedModuleException}, a module without the SMTP service before anything is configured on it.
 *
 * <p>It runs commands through an {@link Asker}, so it works over an {@link AtSession} ({@link #over}) or
 * anything else that can run one command and return its information lines. It sends only test and
 * identification commands, which change nothing on the module.
 *
 * <p>Guarantees: at most three commands, in the order above; a GSM M-series module is refused after
 * {@code ATI} alone. An {@code ERROR} or {@code +CME ERROR} to {@code AT+QSMTPCFG=?} becomes the refusal;
 * any other failure (a timeout, a lost link) is thrown as it came, since it says nothing about the module.
 * Does not check the SIM, the network or the SMTP server.
 */
public final class ModuleProbe {

    private static final Logger log = LoggerFactory.getLogger(ModuleProbe.class);

    /** {@code AT+QSMTPCFG=?}. */
    public static final AtCommand<AtResponse> SMTP_TEST = AtCommand.raw("AT+QSMTPCFG=?", CommandKind.SMTP_CONFIG,
            SmtpCapabilities.PREFIX).returning(r -> r, List.of(
            "+QSMTPCFG: \"account\",<username>,<password>",
            "+QSMTPCFG: \"sender\",<sender_name>,<sender_email>",
            "+QSMTPCFG: \"smtpserver\",<srvaddr>,<srvport>",
            "+QSMTPCFG: \"contextid\",(1-16)",
            "+QSMTPCFG: \"sslctxid\",(0-5)",
            "+QSMTPCFG: \"ssltype\",(0-2)"));
    /** {@code AT+QSSLCFG=?}. */
    public static final AtCommand<AtResponse> SSL_TEST = AtCommand.raw("AT+QSSLCFG=?", CommandKind.SSL_CONFIG,
            SslCapabilities.PREFIX).returning(r -> r, List.of(
            "+QSSLCFG: \"sslversion\",(0-5),(0-4)",
            "+QSSLCFG: \"ciphersuite\",(0-5),(0X0035,0X002F,0X0005,0X000A,0X003D,0XFFFF)",
            "+QSSLCFG: \"seclevel\",(0-5),(0-2)",
            "+QSSLCFG: \"cacert\",(0-5),<cacertpath>"));

    /**
     * Runs one command and returns its information lines (without the final {@code OK}). A refusal by the
     * module is thrown as {@link ModemErrorException} ({@code ERROR}) or {@link CmeErrorException}
     * ({@code +CME ERROR}); other failures as any {@link Uc15Exception}.
     */
    @FunctionalInterface
    public interface Asker {
        List<String> run(AtCommand<?> command);
    }

    private ModuleProbe() {
    }

    /** An exchange over an open session: each command waits for its own result with its kind's deadline. */
    public static Asker over(AtSession session) {
        Objects.requireNonNull(session, "session");
        return command -> {
            try {
                return session.execute(command).get().lines();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Uc15Exception("interrupted while waiting for " + command.loggable(), e);
            } catch (ExecutionException | CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Uc15Exception u) {
                    throw u;
                }
                throw new Uc15Exception(command.loggable() + " failed: " + cause, cause);
            }
        };
    }

    /** Reads {@code ATI}. */
    public static ModuleIdentity identify(Asker exchange) {
        return ModuleIdentity.parse(exchange.run(Commands.identify()));
    }

    /**
     * Identifies the module and chooses its profile.
     *
     * @param exchange  runs the commands
     * @param sslWanted whether the sends will use SSL/TLS: then {@code AT+QSSLCFG=?} is asked too, and a
     *                  module that refuses it or lists no {@code "ssltype"} above 0 is refused
     * @throws UnsupportedModuleException when the module cannot send mail the way uc15mail drives it
     */
    public static ModuleProfile probe(Asker exchange, boolean sslWanted) {
        Objects.requireNonNull(exchange, "exchange");
        ModuleIdentity identity = identify(exchange);
        log.debug("Module identified: {}, family {}", identity, identity.family());
        if (identity.family() == ModuleFamily.GSM_M_SERIES) {
            throw UnsupportedModuleException.otherCommandSet(identity);
        }
        SmtpCapabilities smtp;
        try {
            smtp = SmtpCapabilities.parse(exchange.run(SMTP_TEST));
        } catch (ModemErrorException | CmeErrorException e) {
            throw UnsupportedModuleException.noSmtpService(identity, "it answered "
                    + (e instanceof CmeErrorException cme ? "+CME ERROR: " + cme.text() : "ERROR")
                    + " to AT+QSMTPCFG=?", e);
        }
        ModuleProfile profile = ModuleProfile.select(identity, smtp, Optional.empty());
        if (sslWanted) {
            profile = addSsl(exchange, profile);
        }
        if (!identity.family().expectsQsmtpService() || identity.family() == ModuleFamily.UNKNOWN) {
            log.warn("{} is not known to have the AT+QSMTP service, but it lists its settings; every limit is inferred"
                    + " from the UC15", identity);
        }
        log.debug("Module profile: {}", profile);
        return profile;
    }

    /**
     * Completes a profile probed without SSL: asks {@code AT+QSSLCFG=?} and returns the profile with the SSL
     * options. Returns {@code profile} itself when it already has them (nothing is asked).
     *
     * @throws UnsupportedModuleException when the module refuses {@code AT+QSSLCFG=?} or lists no
     *                                    {@code "ssltype"} above 0
     */
    public static ModuleProfile addSsl(Asker exchange, ModuleProfile profile) {
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(profile, "profile");
        if (profile.ssl().isPresent()) {
            return profile;
        }
        ModuleIdentity identity = profile.identity();
        if (!profile.supportsTls()) {
            throw UnsupportedModuleException.noSsl(identity, "its AT+QSMTPCFG=? answer offers no \"ssltype\" above 0", null);
        }
        SslCapabilities ssl;
        try {
            ssl = SslCapabilities.parse(exchange.run(SSL_TEST));
        } catch (ModemErrorException | CmeErrorException e) {
            throw UnsupportedModuleException.noSsl(identity, "it answered "
                    + (e instanceof CmeErrorException cme ? "+CME ERROR: " + cme.text() : "ERROR") + " to AT+QSSLCFG=?", e);
        }
        return ModuleProfile.select(identity, profile.smtp(), Optional.of(ssl));
    }
}
