package io.github.uc15mail.error;

/**
 * The modem cannot send mail yet: no SIM or SIM locked, not registered on the network, packet domain not
 * attached, or the PDP context could not be activated. The message says which and what was seen.
 * Retryable (waiting may help) except when the SIM is not ready or the network denied the registration.
 */
public class ModemNotReadyException extends Uc15Exception {

    /** Which precondition failed. */
    public enum Reason { NO_RESPONSE, SIM_NOT_READY, NOT_REGISTERED, PDP_NOT_ACTIVE }

    private final Reason reason;
    private final boolean retryable;

    /** Retryable unless the SIM is not ready. */
    public ModemNotReadyException(Reason reason, String message, Throwable cause) {
        this(reason, message, cause, reason != Reason.SIM_NOT_READY);
    }

    /** With an explicit answer to {@link #isRetryable()} (false for a registration the network denied). */
    public ModemNotReadyException(Reason reason, String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.reason = reason;
        this.retryable = retryable;
    }

    /** Which precondition failed. */
    public Reason reason() {
        return reason;
    }

    /** Whether waiting may help: false when the SIM is not ready or the network denied the registration. */
    boolean waitingMayHelp() {
        return retryable;
    }
}
