package io.github.uc15mail.error;

/**
 * What {@link FaultClassifier} concluded about one failure.
 *
 * @param kind whose trouble it is
 * @param retryable whether the same send may succeed if tried again later on the same modem; always false
 *     for {@link FaultKind#UNKNOWN_OUTCOME}, {@link FaultKind#ACCOUNT} and {@link FaultKind#MESSAGE}
 * @param errorCode the modem's error code (651-682 for the SMTP service, the {@code +CME ERROR} number
 *     otherwise), or 0 when the modem reported none
 * @param smtpReply the SMTP reply code of the server as the modem reported it, or 0
 * @param summary the failure in one line, secrets masked, never longer than 500 characters
 */
public record Fault(FaultKind kind, boolean retryable, int errorCode, int smtpReply, String summary) {

    /** Whether the failure counts against the modem ({@link FaultKind#MODEM}). */
    public boolean isModemFault() {
        return kind == FaultKind.MODEM;
    }

    /**
     * Whether every message would fail the same way until the configuration changes
     * ({@link FaultKind#ACCOUNT}): a sender pauses all submissions rather than trying each message.
     */
    public boolean pausesSending() {
        return kind == FaultKind.ACCOUNT;
    }
}
