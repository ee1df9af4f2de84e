package io.github.uc15mail.error;

/**
 * The modem answered {@code +CME ERROR: <n>} (or a text form with {@code AT+CMEE=2}) with a code outside
 * the SMTP service range 651-682. Codes 651-682 become a {@link SmtpServiceException} instead, and the
 * file-system codes of {@link ModemFileError} (such as 407 file exists, 423 file too large) the subclass
 * {@link ModemFileException}; {@link #of} chooses. Other codes are kept as numbers.
 */
public class CmeErrorException extends Uc15Exception {

    private final String command;
    private final int code;
    private final String text;

    public CmeErrorException(String command, int code, String text) {
        this(command, code, text, "modem answered +CME ERROR: " + (code >= 0 ? String.valueOf(code) : text) + " to "
                + command);
    }

    /** For subclasses that word the message themselves. */
    protected CmeErrorException(String command, int code, String text, String message) {
        super(message);
        this.command = command;
        this.code = code;
        this.text = text;
    }

    /**
     * The exception for {@code +CME ERROR: <code>} outside 651-682: a {@link ModemFileException} for a code of
     * {@link ModemFileError}, else a plain {@code CmeErrorException} that keeps the number (or the text when the
     * modem gave no number, {@code code} -1).
     *
     * @param command the command that failed, secrets masked
     */
    public static CmeErrorException of(String command, int code, String text) {
        return ModemFileError.of(code).<CmeErrorException>map(f -> new ModemFileException(command, f))
                .orElseGet(() -> new CmeErrorException(command, code, text));
    }

    /** The command that failed, with secrets masked. */
    public String command() {
        return command;
    }

    /** The numeric code, or -1 when the modem gave text only. */
    public int code() {
        return code;
    }

    /** The text the modem gave, or the number as text. */
    public String text() {
        return text;
    }
}
