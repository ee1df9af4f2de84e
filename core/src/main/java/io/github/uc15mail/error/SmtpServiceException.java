package io.github.uc15mail.error;

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
}
