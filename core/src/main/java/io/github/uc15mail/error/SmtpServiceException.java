package io.github.uc15mail.error;

import io.github.uc15mail.error.Fault.FaultKind;
import java.util.Optional;

/**
 * The SMTP service of the modem failed with an error code from 651 to 682 (or an unknown code carried
 * by {@code +QSMTPPUT:}), either as {@code +CME ERROR: <err>} to a command or as the result
 * {@code +QSMTPPUT: <err>,<protocol_error>} of a send.
 *
 * <p>One class for every code: what failed is said by {@link #errorCode()}, the server's reply
 * {@link #protocolError()} and {@link #kind()}, whose trouble it is as the SDK's one fault classifier decides
 * it (the account's for 677 authentication failed, the message's for 550 mailbox unavailable, the network's
 * for 653 DNS failure, ...). It does not say whether the email went out: see {@link #isOutcomeUnknown()}.
 */
public final class SmtpServiceException extends Uc15Exception {

    private final String command;
    private final int errorCode;
    private final int protocolError;

    /**
     * @param command the command or URC that reported the error, secrets masked
     * @param errorCode the modem's code, kept as given even when unknown
     * @param protocolError the server's SMTP reply the modem reported, or 0
     */
    public SmtpServiceException(String command, int errorCode, int protocolError) {
        super(message(command, errorCode, protocolError));
        this.command = command;
        this.errorCode = errorCode;
        this.protocolError = protocolError;
    }

    private static String message(String command, int errorCode, int protocolError) {
        return summary(errorCode, protocolError) + " [" + command + "]";
    }

    private static String summary(int errorCode, int protocolError) {
        String s = errorCode + " " + ModemErrorCode.describe(errorCode);
        return protocolError != 0 ? s + " (SMTP " + protocolError + ")" : s;
    }

    /** The exception for {@code errorCode}; the same as the constructor, kept for callers of 0.1. */
    public static SmtpServiceException of(String command, int errorCode, int protocolError) {
        return new SmtpServiceException(command, errorCode, protocolError);
    }

    /** The command or URC that reported the error, with secrets masked. */
    public String command() {
        return command;
    }

    /** The modem's error code, kept as given even when unknown. */
    public int errorCode() {
        return errorCode;
    }

    /** The SMTP reply code the server gave (the {@code <protocol_error>} of {@code +QSMTPPUT}), or 0. */
    public int protocolError() {
        return protocolError;
    }

    /** The known code, or empty for a number the SDK does not know. */
    public Optional<ModemErrorCode> knownCode() {
        return ModemErrorCode.of(errorCode);
    }

    /**
     * What the code says, as the fault classifier reads it with the command that failed (664 to a settings
     * command is the account's, to a send the message's). Says nothing about an unknown outcome: that is
     * {@link Fault#of(Throwable)} on this exception.
     */
    public Fault fault() {
        return FaultClassifier.classifyCode(errorCode, protocolError, command);
    }

    /** Whose trouble the code is: the kind of {@link #fault()}. */
    public FaultKind kind() {
        return fault().kind();
    }

    /** The code and its meaning, with the SMTP reply when there is one, e.g. {@code 677 authentication failed (SMTP 535)}. */
    public String summary() {
        return summary(errorCode, protocolError);
    }

    /**
     * The SMTP service error codes 651-682 of the UC15 (manual chapter 4), as they appear in
     * {@code +CME ERROR: <err>} and in {@code +QSMTPPUT: <err>,<protocol_error>}. The LTE siblings (EC2x, EG2x-G,
     * EG9x, EM05, AG35) are inferred to use the same numbers: their manuals' SMTP reply tables match, but their
     * {@code <err>} tables were not seen (see {@link io.github.uc15mail.module.ModuleProfile}).
     *
     * <p>Codes 666-682 mirror an SMTP reply of the server; {@link #smtpReplyCode()} gives that reply. A code
     * outside this table is never mapped to one of these constants: {@link #of(int)} returns empty and the
     * exception keeps the number.
     */
    public enum ModemErrorCode {
        UNKNOWN_ERROR(651, "unknown error", 0),
        SERVICE_BUSY(652, "SMTP service busy (uploading a body or sending an email)", 0),
        DNS_FAILED(653, "failed to get the IP address of the server name", 0),
        NETWORK_ERROR(654, "network error (PDP activation, TCP connection or transfer failed)", 0),
        UNSUPPORTED_AUTHENTICATION(655, "unsupported authentication type", 0),
        CONNECTION_CLOSED_BY_PEER(656, "connection closed by the server", 0),
        PDP_DEACTIVATED(657, "PDP context deactivated", 0),
        TIMEOUT(658, "timeout", 0),
        NO_RECIPIENT(659, "no recipient", 0),
        SEND_FAILED(660, "failed to send the email", 0),
        OPEN_FILE_FAILED(661, "failed to open the attachment file", 0),
        NOT_ENOUGH_MEMORY(662, "not enough memory for the attachment", 0),
        SAVE_ATTACHMENT_FAILED(663, "failed to save the attachment", 0),
        WRONG_PARAMETER(664, "wrong parameter", 0),
        SSL_AUTHENTICATION_FAILED(665, "SSL authentication failed", 0),
        SERVICE_NOT_AVAILABLE(666, "service not available, closing transmission channel", 421),
        MAILBOX_UNAVAILABLE_TEMPORARY(667, "mailbox unavailable", 450),
        LOCAL_ERROR(668, "action aborted: local error in processing", 451),
        INSUFFICIENT_STORAGE(669, "insufficient system storage", 452),
        COMMAND_UNRECOGNIZED(670, "syntax error, command unrecognized", 500),
        SYNTAX_ERROR_IN_PARAMETERS(671, "syntax error in parameters or arguments", 501),
        COMMAND_NOT_IMPLEMENTED(672, "command not implemented", 502),
        BAD_SEQUENCE(673, "bad sequence of commands", 503),
        PARAMETER_NOT_IMPLEMENTED(674, "command parameter not implemented", 504),
        DOMAIN_DOES_NOT_ACCEPT_MAIL(675, "domain does not accept mail", 521),
        ACCESS_DENIED(676, "access denied", 530),
        AUTHENTICATION_FAILED(677, "authentication failed", 535),
        MAILBOX_UNAVAILABLE(678, "mailbox unavailable", 550),
        USER_NOT_LOCAL(679, "user not local", 551),
        STORAGE_EXCEEDED(680, "exceeded storage allocation", 552),
        MAILBOX_NAME_NOT_ALLOWED(681, "mailbox name not allowed", 553),
        TRANSACTION_FAILED(682, "transaction failed", 554);

        private final int code;
        private final String meaning;
        private final int smtpReplyCode;

        ModemErrorCode(int code, String meaning, int smtpReplyCode) {
            this.code = code;
            this.meaning = meaning;
            this.smtpReplyCode = smtpReplyCode;
        }

        /** The numeric code, 651-682. */
        public int code() {
            return code;
        }

        /** What the manual says the code means. */
        public String meaning() {
            return meaning;
        }

        /** The SMTP reply code this code mirrors (666-682), or 0 when it mirrors none. */
        public int smtpReplyCode() {
            return smtpReplyCode;
        }

        /**
         * Whether sending again can help: temporary SMTP replies (4xx), busy, network, PDP, timeout, send
         * failed. Permanent replies (5xx), bad parameters, no recipient and TLS failures will fail again.
         */
        public boolean isRetryable() {
            return FaultClassifier.classifyCode(code, smtpReplyCode, null).retryable();
        }

        /** The constant for {@code code}, or empty when the SDK does not know the code. */
        public static Optional<ModemErrorCode> of(int code) {
            if (code >= 651 && code <= 682) {
                return Optional.of(values()[code - 651]);
            }
            return Optional.empty();
        }

        /** The meaning of {@code code}, or {@code "unknown"} for a code the SDK does not know. */
        public static String describe(int code) {
            return of(code).map(ModemErrorCode::meaning).orElse("unknown");
        }
    }
}
