package io.github.uc15mail.outbox;

/**
 * The outbox's store could not do what was asked: the database cannot be reached, refused the
 * operation, or did not answer in time. When {@link Outbox#enqueue} throws it, the message was not
 * stored (it never returns an id for a message that is not durable). Messages never contain the store
 * password.
 */
public class OutboxException extends RuntimeException {

    public OutboxException(String message) {
        super(message);
    }

    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
