package io.github.uc15mail.at.internal;

/**
 * One thing the modem said, as the decoder sees it without knowing which command is in flight.
 *
 * @param type what kind of line it is
 * @param line the line as received (no CR/LF); for {@link Type#ACK} {@code "A"}
 * @param code the numeric code of {@code +CME ERROR}/{@code +CMS ERROR}, or -1
 */
public record AtEvent(Type type, String line, int code) {

    public enum Type {
        /** Final result {@code OK}. */
        OK(true),
        /** Final result {@code ERROR}. */
        ERROR(true),
        /** Final result {@code +CME ERROR: <n>} or {@code +CME ERROR: <text>}. */
        CME_ERROR(true),
        /** Final result {@code +CMS ERROR: <n>}. */
        CMS_ERROR(true),
        /** Final result {@code NO CARRIER} (also BUSY, NO ANSWER, NO DIALTONE). */
        NO_CARRIER(true),
        /** Intermediate result {@code CONNECT}: the modem is in data mode and takes the payload. */
        CONNECT(false),
        /** The {@code A} the modem sends after each 1024-byte block of an ACK-mode upload. */
        ACK(false),
        /** The {@code > } prompt of {@code AT+CMGS}: no line end follows it; the PDU may be written now. */
        PROMPT(false),
        /** The modem's echo of a command line. */
        ECHO(false),
        /** Any other line: an information line of the command in flight, or an unsolicited result code. */
        LINE(false),
        /** A line longer than the decoder's limit; the text is its start, the rest was dropped. */
        OVERLONG(false);

        private final boolean isFinal;

        Type(boolean isFinal) {
            this.isFinal = isFinal;
        }

        /** Whether this ends a command. */
        public boolean isFinal() {
            return isFinal;
        }
    }

    public static AtEvent of(Type type, String line) {
        return new AtEvent(type, line, -1);
    }
}
