package io.github.uc15mail.error;

/**
 * Whose trouble one failure is and whether trying again can help: the SDK's one fault classification, which
 * the mailer's retries, a pool's choice of modem and the outbox's verdicts all read. {@link #of(Throwable)}
 * classifies any failure; it never throws and never returns null.
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

    /**
     * Classifies {@code failure}, looking through {@link java.util.concurrent.CompletionException} and
     * {@link java.util.concurrent.ExecutionException}. A failure whose outcome is unknown (after
     * {@code AT+QSMTPPUT}) is {@link FaultKind#UNKNOWN_OUTCOME} whatever else it says; then the modem's SMTP
     * error code with the server's reply decides; then the kind of exception. Null is taken as a failure of
     * this host with no detail. It does not know whether the caller stopped a send on purpose.
     */
    public static Fault of(Throwable failure) {
        return FaultClassifier.classify(failure);
    }

    /**
     * What the failure itself says, as if no {@code AT+QSMTPPUT} had been given: a timeout after the submit is
     * still the modem's trouble, though its outcome is unknown. For counting faults against a modem; never for
     * deciding whether to send again (use {@link #of(Throwable)}).
     */
    public static Fault ofIgnoringOutcome(Throwable failure) {
        return FaultClassifier.classifyIgnoringOutcome(failure);
    }

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

    /**
     * Whose trouble a failure is, which decides what a sender does next. Given by {@link Fault#of(Throwable) fault classifier}, the
     * one place in the SDK that makes this decision; the mailer's retries, a pool's choice of modem and the
     * outbox's verdicts all read it.
     */
    public enum FaultKind {
        /**
         * The message's own: a recipient or content the server refused for good (5xx), an invalid draft, an
         * attachment too big for any modem. Sending the same message again fails again; nobody else is blamed.
         */
        MESSAGE,
        /**
         * The account's or the configuration's: authentication refused (535/677, 530/676), an authentication type
         * the module lacks (655), TLS verification failed (665), a setting the modem refused (664 to a settings
         * command). Every message would fail the same way until the configuration changes, and each try may count
         * against the account at the server: stop submitting, do not blame the modem.
         */
        ACCOUNT,
        /**
         * The network's or the server's, beyond the modem: DNS (653), TCP or transfer failures (654, 656), the
         * modem's SMTP timeout (658), a failed send (660), temporary replies of the server (4xx: 666-669).
         * Trying later may succeed.
         */
        NETWORK,
        /**
         * The modem's, its link's or its radio's: no SIM, no registration, no PDP context, a command that timed
         * out, a lost link, a restart, a {@code +CME ERROR}, a busy SMTP service (652), a deactivated PDP context
         * (657), its RAM file system (661-663). Another modem may succeed.
         */
        MODEM,
        /**
         * This host's: the caller's process, not anything on the line (an interruption, an unexpected exception,
         * a closed mailer). Nobody on the line is blamed.
         */
        HOST,
        /**
         * {@code AT+QSMTPPUT} was given and no result came back: the server may have the email. Never sent again
         * automatically, whatever else is known.
         */
        UNKNOWN_OUTCOME
    }
}
