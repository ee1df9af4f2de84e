package io.github.uc15mail.outbox;

/**
 * The outbox's store could not do what was asked: the database cannot be reached, refused the
 * operation, or did not answer in time. {@link Outbox#enqueue} never returns an id for a message that is not
 * durable; when it throws this, the message was not stored, except in one case: the commit was already under
 * way when the wait for it timed out, and it may have succeeded. Enqueue with an idempotency key to retry such
 * a message safely. Messages never contain the store password.
 */
public class OutboxException extends RuntimeException {

    public OutboxException(String message) {
        super(message);
    }

    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
