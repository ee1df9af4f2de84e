package io.github.uc15mail.error;

/**
 * The link to the modem closed or was lost (cable pulled, port vanished, socket closed). Every command in
 * flight or queued fails with this; the session cannot be used again: open a new one when the port is back.
 * Not {@link #isRetryable() retryable} on the same mailer or session (a retry would run on the dead link);
 * it is a {@link #isModemFault() modem fault}, so a new session, or another modem, may succeed.
 */
public class TransportClosedException extends Uc15Exception {

    public TransportClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
