package io.github.uc15mail.error;

import java.util.Optional;

/**
 * The SMTP service of the modem failed with an error code from 651 to 682 (or an unknown code carried
 * by {@code +QSMTPPUT:}), either as {@code +CME ERROR: <err>} to a command or as the result
 * {@code +QSMTPPUT: <err>,<protocol_error>} of a send. Subclasses group the codes by what a caller does
 * about them; catch this type to handle them all.
 */
public class SmtpServiceException extends Uc15Exception {

    private final String command;
    private final int errorCode;
    private final int protocolError;

    public SmtpServiceException(String command, int errorCode, int protocolError) {
        super(message(command, errorCode, protocolError));
        this.command = command;
        this.errorCode = errorCode;
        this.protocolError = protocolError;
    }

    private static String message(String command, int errorCode, int protocolError) {
        StringBuilder sb = new StringBuilder();
        sb.append(errorCode).append(' ').append(ModemErrorCode.describe(errorCode));
        if (protocolError != 0) {
            sb.append(" (SMTP ").append(protocolError).append(')');
        }
        sb.append(" [").append(command).append(']');
        return sb.toString();
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

    /** The group of the code; {@link ErrorCategory#UNKNOWN} for an unknown code. */
    public ErrorCategory category() {
        return knownCode().map(ModemErrorCode::category).orElse(ErrorCategory.UNKNOWN);
    }

    /** The code and its meaning, with the SMTP reply when there is one, e.g. {@code 677 authentication failed (SMTP 535)}. */
    public String summary() {
        String s = errorCode + " " + ModemErrorCode.describe(errorCode);
        return protocolError != 0 ? s + " (SMTP " + protocolError + ")" : s;
    }

    /**
     * The typed exception for {@code errorCode}: a subclass by {@link ErrorCategory}, or this class for
     * the rest (unknown codes included).
     */
    public static SmtpServiceException of(String command, int errorCode, int protocolError) {
        ErrorCategory category = ModemErrorCode.of(errorCode).map(ModemErrorCode::category).orElse(ErrorCategory.UNKNOWN);
        return switch (category) {
            case AUTHENTICATION -> new SmtpAuthenticationException(command, errorCode, protocolError);
            case RECIPIENT, NO_RECIPIENT -> new SmtpRecipientException(command, errorCode, protocolError);
            case DNS -> new SmtpDnsException(command, errorCode, protocolError);
            case NETWORK -> new SmtpNetworkException(command, errorCode, protocolError);
            case TIMEOUT -> new SmtpTimeoutException(command, errorCode, protocolError);
            case BUSY -> new SmtpBusyException(command, errorCode, protocolError);
            case ATTACHMENT -> new SmtpAttachmentException(command, errorCode, protocolError);
            case INVALID_PARAMETER -> new SmtpInvalidParameterException(command, errorCode, protocolError);
            case TLS -> new SmtpTlsException(command, errorCode, protocolError);
            case UNKNOWN, SEND_FAILED -> new SmtpServiceException(command, errorCode, protocolError);
        };
    }
}
