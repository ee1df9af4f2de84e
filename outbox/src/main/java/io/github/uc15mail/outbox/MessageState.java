package io.github.uc15mail.outbox;

/**
 * Where a message is in the outbox. {@code QUEUED -> SENDING -> SENT | FAILED | UNKNOWN}, or
 * {@code CANCELLED} by an operator; a retryable failure goes from {@code SENDING} back to {@code QUEUED}.
 */
public enum MessageState {
    /** Waiting for a modem (possibly until a backoff or a not-before time has passed). */
    QUEUED,
    /** Claimed by a gateway; a modem is working on it. */
    SENDING,
    /** The modem reported the server accepted it ({@code +QSMTPPUT: 0}). */
    SENT,
    /** It will not be sent: a permanent refusal (5xx), too many attempts, or it expired. */
    FAILED,
    /**
     * {@code AT+QSMTPPUT} was written and no result came (timeout, lost link, gateway crash): the server
     * may have the mail. Never re-sent automatically; an operator decides ({@link Outbox#retry}).
     */
    UNKNOWN,
    /** An operator cancelled it before it was sent. */
    CANCELLED;

    /** Whether no gateway will touch it again unless an operator acts. */
    public boolean isFinal() {
        return this != QUEUED && this != SENDING;
    }
}
