package io.github.uc15mail.outbox;

import java.time.Instant;
import java.util.Objects;

/**
 * How a message is enqueued: an idempotency key, a time before which it is not sent, a time after which
 * it is not sent any more, and a priority. Immutable; start from {@link #defaults()}.
 *
 * <p>An idempotency key makes enqueueing the same message twice harmless: a second
 * {@link Outbox#enqueue(io.github.uc15mail.mail.EmailDraft, EnqueueOptions)} with a key already in the store
 * returns the first message's id and stores nothing (whatever the draft). Keys are kept as long as their
 * message (until purged).
 *
 * @param idempotencyKey null for none; at most 200 characters
 * @param notBefore null to send as soon as possible
 * @param expiresAt null for never; a message not sent by then becomes FAILED
 * @param priority higher is sent first; messages of one priority go oldest first
 */
public record EnqueueOptions(String idempotencyKey, Instant notBefore, Instant expiresAt, int priority) {

    public EnqueueOptions {
        if (idempotencyKey != null && (idempotencyKey.isEmpty() || idempotencyKey.length() > 200)) {
            throw new IllegalArgumentException("idempotencyKey: must be 1-200 characters, was "
                    + idempotencyKey.length());
        }
        if (notBefore != null && expiresAt != null && !expiresAt.isAfter(notBefore)) {
            throw new IllegalArgumentException("expiresAt: must be after notBefore (" + notBefore + "), was "
                    + expiresAt);
        }
    }

    /** No key, as soon as possible, never expires, priority 0. */
    public static EnqueueOptions defaults() {
        return new EnqueueOptions(null, null, null, 0);
    }

    public EnqueueOptions withIdempotencyKey(String key) {
        return new EnqueueOptions(Objects.requireNonNull(key, "key"), notBefore, expiresAt, priority);
    }

    public EnqueueOptions withNotBefore(Instant time) {
        return new EnqueueOptions(idempotencyKey, time, expiresAt, priority);
    }

    public EnqueueOptions withExpiresAt(Instant time) {
        return new EnqueueOptions(idempotencyKey, notBefore, time, priority);
    }

    public EnqueueOptions withPriority(int p) {
        return new EnqueueOptions(idempotencyKey, notBefore, expiresAt, p);
    }
}
