package io.github.uc15mail;

/**
 * The modem cannot send mail yet: no SIM or SIM locked, not registered on the network, packet domain not
 * attached, or the PDP context could not be activated. The message says which and what was seen.
 */
public class ModemNotReadyException extends Uc15Exception {

    /** Which precondition failed. */
    public enum Reason { NO_RESPONSE, SIM_NOT_READY, NOT_REGISTERED, PDP_NOT_ACTIVE }

    private final Reason reason;

    public ModemNotReadyException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Which precondition failed. */
    public Reason reason() {
        return reason;
    }

    @Override
    public boolean isRetryable() {
        return reason != Reason.SIM_NOT_READY;
    }
}
