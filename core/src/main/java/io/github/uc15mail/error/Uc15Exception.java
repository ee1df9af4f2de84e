package io.github.uc15mail.error;

import io.github.uc15mail.error.internal.Outcomes;

import io.github.uc15mail.error.Fault.FaultKind;

/**
 * The base of every exception the SDK throws or completes a future with at run time. Invalid input is
 * reported earlier, before anything reaches the modem, as an {@link IllegalArgumentException}.
 *
 * <p>Messages never contain the SMTP or APN password.
 */
public class Uc15Exception extends RuntimeException {

    static {
        Outcomes.install(e -> {
            if (e instanceof Uc15Exception u) {
                u.markOutcomeUnknown();
            }
        });
    }

    private volatile boolean outcomeUnknown;
    private final FaultKind declaredKind;

    public Uc15Exception(String message) {
        super(message);
        this.declaredKind = null;
    }

    public Uc15Exception(String message, Throwable cause) {
        super(message, cause);
        this.declaredKind = null;
    }

    /**
     * For a subclass outside this package that knows whose fault it always is: {@link Fault#of(Throwable) fault classifier}
     * gives {@code kind}, not retryable, for it (this package's classifier cannot name classes that live
     * above it).
     */
    protected Uc15Exception(String message, Throwable cause, FaultKind kind) {
        super(message, cause);
        this.declaredKind = java.util.Objects.requireNonNull(kind, "kind");
    }

    /** The kind a subclass declared, or null. */
    FaultKind declaredKind() {
        return declaredKind;
    }

    /**
     * True when this failure came after the modem was given {@code AT+QSMTPPUT} and no result came back
     * (no reply to the command, no {@code +QSMTPPUT:} result, a lost link or a module restart): the server
     * may have received the email. Never true for a failure the modem reported as a result, nor for a
     * failure before {@code AT+QSMTPPUT} was written. A send whose outcome is unknown is never retried by
     * the SDK; retrying it yourself may deliver the email twice.
     */
    public boolean isOutcomeUnknown() {
        return outcomeUnknown;
    }

    /** Sets the flag of {@link #isOutcomeUnknown()}; reached only through the SDK's own {@code Outcomes}. */
    void markOutcomeUnknown() {
        outcomeUnknown = true;
    }

    /**
     * Whether the failure lies with the modem, its link or its network (no answer, a lost link, a restart, no
     * SIM or registration, a PDP or TCP failure, a busy or timed-out SMTP service, a command the modem
     * refused) rather than with the message or the server's verdict on it (a refused recipient, failed
     * authentication, an invalid draft). A pool of modems sends a message again through another modem after
     * a modem fault and counts such faults against the modem ({@link io.github.uc15mail.Modem#consecutiveFailures()}); it does
     * not after a message fault. Says nothing about whether the email went out: see {@link #isOutcomeUnknown()}.
     * Decided by {@link Fault#of(Throwable) fault classifier} ({@link FaultKind#MODEM}), looking through an unknown outcome.
     */
    public boolean isModemFault() {
        return FaultClassifier.classifyIgnoringOutcome(this).isModemFault();
    }

    /**
     * Whether the same operation may succeed if tried again later, on the same mailer. A failure whose
     * outcome is unknown is never retried by the SDK whatever this says. Decided by {@link Fault#of(Throwable) fault classifier}.
     */
    public boolean isRetryable() {
        return FaultClassifier.classifyIgnoringOutcome(this).retryable();
    }
}
