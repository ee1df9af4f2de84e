package io.github.uc15mail.error;

import io.github.uc15mail.error.ModemFileException.ModemFileError;
import io.github.uc15mail.error.Fault.FaultKind;

/**
 * The modem answered a command with a bare {@code ERROR}: it rejected it without saying why.
 *
 * <p>The modem's other refusals, by their code space, are nested here: {@link CmeErrorException} for
 * {@code +CME ERROR: <n>} outside the SMTP range (with {@link ModemFileException} for the file system's codes),
 * and {@link CmsErrorException} for {@code +CMS ERROR: <n>} to an SMS command. The SMTP service's codes
 * 651-682 are {@link SmtpServiceException}. The three are siblings under {@link Uc15Exception}, not subclasses
 * of this one: catching this type catches a bare {@code ERROR} only.
 */
public class ModemErrorException extends Uc15Exception {

    private final String command;

    public ModemErrorException(String command) {
        super("modem answered ERROR to " + command);
        this.command = command;
    }

    /** The command that failed, with secrets masked. */
    public String command() {
        return command;
    }

    /**
     * The modem answered {@code +CME ERROR: <n>} (or a text form with {@code AT+CMEE=2}) with a code outside
     * the SMTP service range 651-682. Codes 651-682 become a {@link SmtpServiceException} instead, and the
     * file-system codes of {@link ModemFileError} (such as 407 file exists, 423 file too large) the subclass
     * {@link ModemFileException}; {@link #of} chooses. Other codes are kept as numbers.
     */
    public static class CmeErrorException extends Uc15Exception {

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

    /**
     * The modem answered {@code +CMS ERROR: <n>} (3GPP TS 27.005, 3.2.5) to an SMS command. The code is kept as a
     * number and classified by {@link Fault#of(Throwable) fault classifier} ({@link #kind()}): the network's temporary trouble (331 no
     * network service, 332 network timeout, relay causes such as 42 congestion) is {@link FaultKind#NETWORK} and
     * retryable; a refusal of this message (304/305 invalid PDU or text parameter, a barred or unassigned number,
     * the service centre's TP failure causes 128-255) is {@link FaultKind#MESSAGE} and permanent; everything else
     * (SIM, memory, service centre address) is {@link FaultKind#MODEM}, retryable only for 300, 314, 320 and 500.
     *
     * <p>{@link #partsSent()} says how many parts of a multipart SMS the network had accepted before the failure;
     * when it is more than 0 the failure is marked {@linkplain #isOutcomeUnknown() outcome unknown}: the phone may
     * show part of the text, and sending again would repeat those parts.
     */
    public static class CmsErrorException extends Uc15Exception {

        private final String command;
        private final int code;
        private final int partsSent;

        public CmsErrorException(String command, int code) {
            this(command, code, 0);
        }

        private CmsErrorException(String command, int code, int partsSent) {
            super("modem answered +CMS ERROR: " + code + " (" + CmsCodes.describe(code) + ") to " + command
                    + (partsSent > 0 ? " after " + partsSent + " part(s) of the SMS had gone" : ""));
            this.command = command;
            this.code = code;
            this.partsSent = partsSent;
            if (partsSent > 0) {
                markOutcomeUnknown();
            }
        }

        /** The same failure, noting that {@code sent} parts of the SMS had already been accepted. */
        public CmsErrorException afterParts(int sent) {
            CmsErrorException e = new CmsErrorException(command, code, sent);
            e.setStackTrace(getStackTrace());
            return e;
        }

        public String command() {
            return command;
        }

        /** The {@code <n>} of {@code +CMS ERROR: <n>}, or -1 when the modem gave none. */
        public int code() {
            return code;
        }

        /** Parts of the SMS the network accepted before this failure. */
        public int partsSent() {
            return partsSent;
        }

        /** Whose trouble the code is: {@link FaultKind#NETWORK}, {@link FaultKind#MESSAGE} or {@link FaultKind#MODEM}. */
        public FaultKind kind() {
            return CmsCodes.kind(code);
        }
    }
}
