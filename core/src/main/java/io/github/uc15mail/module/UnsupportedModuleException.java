package io.github.uc15mail.module;

import io.github.uc15mail.error.Fault.FaultKind;
import io.github.uc15mail.error.Uc15Exception;
import java.util.List;
import java.util.Objects;

/**
 * The module on the line cannot send mail the way uc15mail drives it: it has no SMTP service of the
 * {@code AT+QSMTPCFG} kind (BG95 and BG96 answer {@code ERROR} to {@code AT+QSMTPCFG=?}), it uses the GSM
 * M-series' other command set, or it lacks a setting or SSL support the send needs. Raised when the module
 * is identified, before anything is configured on it.
 *
 * <p>The message is one line naming the module and its revision, for example: {@code BG95-M3 (revision
 * BG95M3LAR02A03) has no SMTP service of the AT+QSMTP kind (it answered ERROR to AT+QSMTPCFG=?); uc15mail
 * needs UC15, UC20, EC21, EC25, EG21-G, EG25-G, EG91, EG95, EM05 or AG35.} Never retryable: trying again
 * with the same module gives the same answer.
 */
public class UnsupportedModuleException extends Uc15Exception {

    /** The modules uc15mail can drive, as the message names them. */
    public static final String SUPPORTED_MODULES = "UC15, UC20, EC21, EC25, EG21-G, EG25-G, EG91, EG95, EM05 or AG35";

    /** Why the module was refused. */
    public enum Reason {
        /** {@code AT+QSMTPCFG=?} was refused, or listed none of the settings a send needs. */
        NO_SMTP_SERVICE,
        /** A GSM M-series module: SMTP with another command set ({@code AT+QSMTPUSER}, …). */
        OTHER_COMMAND_SET,
        /** The SMTP service lacks a setting the send needs (named in the message). */
        MISSING_SETTING,
        /** SSL was asked for and the module has no usable SSL configuration. */
        NO_SSL
    }

    private final transient ModuleIdentity identity;
    private final Reason reason;

    /**
     * @param identity who the module said it is
     * @param reason   why it is refused
     * @param why      the rest of the message, after the module's name, such as "has no SMTP service …"
     * @param cause    the modem's refusal, if any
     */
    public UnsupportedModuleException(ModuleIdentity identity, Reason reason, String why, Throwable cause) {
        super(identity + " " + why, cause, FaultKind.MODEM);
        this.identity = Objects.requireNonNull(identity, "identity");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** A module that answered {@code detail} (for example "ERROR") to {@code AT+QSMTPCFG=?}. */
    public static UnsupportedModuleException noSmtpService(ModuleIdentity identity, String detail, Throwable cause) {
        return new UnsupportedModuleException(identity, Reason.NO_SMTP_SERVICE,
                "has no SMTP service of the AT+QSMTP kind (" + detail + "); uc15mail needs " + SUPPORTED_MODULES + ".",
                cause);
    }

    /** A GSM M-series module. */
    public static UnsupportedModuleException otherCommandSet(ModuleIdentity identity) {
        return new UnsupportedModuleException(identity, Reason.OTHER_COMMAND_SET,
                "is a GSM M-series module: its SMTP service uses another command set (AT+QSMTPUSER, AT+QSMTPSRV, …)"
                        + " that uc15mail does not drive; uc15mail needs " + SUPPORTED_MODULES + ".", null);
    }

    /** A module whose {@code AT+QSMTPCFG=?} answer lacks settings a send needs. */
    public static UnsupportedModuleException missingSetting(ModuleIdentity identity, List<String> names) {
        return new UnsupportedModuleException(identity, Reason.MISSING_SETTING,
                "does not list " + String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList())
                        + " in its answer to AT+QSMTPCFG=?, which uc15mail needs to send; check its firmware.", null);
    }

    /** SSL was asked for and the module cannot do it; {@code detail} says what was seen. */
    public static UnsupportedModuleException noSsl(ModuleIdentity identity, String detail, Throwable cause) {
        return new UnsupportedModuleException(identity, Reason.NO_SSL,
                "cannot send over SSL/TLS (" + detail + "); update its firmware or use another module.", cause);
    }

    /** Who the module said it is. */
    public ModuleIdentity identity() {
        return identity;
    }

    /** Why it was refused. */
    public Reason reason() {
        return reason;
    }
}
