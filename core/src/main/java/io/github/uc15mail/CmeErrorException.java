package io.github.uc15mail;

/**
 * The modem answered {@code +CME ERROR: <n>} (or a text form with {@code AT+CMEE=2}) with a code outside
 * the SMTP service range 651-682, for example a file error such as 407 (file exists). Codes 651-682
 * become a {@link SmtpServiceException} instead.
 */
public class CmeErrorException extends Uc15Exception {

    private final String command;
    private final int code;
    private final String text;

    public CmeErrorException(String command, int code, String text) {
        super("modem answered +CME ERROR: " + (code >= 0 ? String.valueOf(code) : text) + " to " + command);
        this.command = command;
        this.code = code;
        this.text = text;
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

    /** True: the modem refused a command. */
    @Override
    public boolean isModemFault() {
        return true;
    }
}
