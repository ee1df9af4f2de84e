package io.github.uc15mail;

/**
 * The link to the modem closed or was lost (cable pulled, port vanished, socket closed). Every command in
 * flight or queued fails with this; the session cannot be used again: open a new one when the port is back.
 */
public class TransportClosedException extends Uc15Exception {

    public TransportClosedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
