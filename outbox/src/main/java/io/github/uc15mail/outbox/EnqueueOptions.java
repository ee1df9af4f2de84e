package io.github.uc15mail.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How a message is enqueued: an idempotency key, a time before which it is not sent, a time after which
 * it is not sent any more, and a priority. Immutable; start from {@link #defaults()}.
 *
 * <p>An idempotency key makes enqueueing the same message twice harmless: a second
 * {@link Outbox#enqueue(io.github.uc15mail.mail.EmailDraft, EnqueueOptions)} with a key already in the store
 * returns the first message's id and stores nothing (whatever the draft), as long as the first was stored
 * within the key's window (default {@link #DEFAULT_IDEMPOTENCY_WINDOW}, measured by the store's clock);
 * after that the key is released and the message is stored again. Concurrent enqueues of one key, from
 * one gateway or several, store one message and all get its id.
 *
 * @param idempotencyKey null for none; at most 200 characters
 * @param notBefore null to send as soon as possible
 * @param expiresAt null for never; a message not sent by then becomes FAILED
 * @param priority higher is sent first; messages of one priority go oldest first
 * @param idempotencyWindow how long a key stays in force, null for the default (7 days)
 */
public record EnqueueOptions(String idempotencyKey, Instant notBefore, Instant expiresAt, int priority,
        Duration idempotencyWindow) {

    /** How long an idempotency key stays in force unless told otherwise: 7 days. */
    public static final Duration DEFAULT_IDEMPOTENCY_WINDOW = Duration.ofDays(7);

    public EnqueueOptions(String idempotencyKey, Instant notBefore, Instant expiresAt, int priority) {
        this(idempotencyKey, notBefore, expiresAt, priority, null);
    }

    public EnqueueOptions {
        if (idempotencyWindow != null && (idempotencyWindow.isNegative() || idempotencyWindow.isZero())) {
            throw new IllegalArgumentException("idempotencyWindow: must be positive, was " + idempotencyWindow);
        }
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
        return new EnqueueOptions(Objects.requireNonNull(key, "key"), notBefore, expiresAt, priority,
                idempotencyWindow);
    }

    /** The window within which a repeat of the key finds the first message. */
    public EnqueueOptions withIdempotencyWindow(Duration window) {
        return new EnqueueOptions(idempotencyKey, notBefore, expiresAt, priority,
                Objects.requireNonNull(window, "window"));
    }

    /** The window in force: the one given, or {@link #DEFAULT_IDEMPOTENCY_WINDOW}. */
    public Duration idempotencyWindowOrDefault() {
        return idempotencyWindow == null ? DEFAULT_IDEMPOTENCY_WINDOW : idempotencyWindow;
    }

    public EnqueueOptions withNotBefore(Instant time) {
        return new EnqueueOptions(idempotencyKey, time, expiresAt, priority, idempotencyWindow);
    }

    public EnqueueOptions withExpiresAt(Instant time) {
        return new EnqueueOptions(idempotencyKey, notBefore, time, priority, idempotencyWindow);
    }

    public EnqueueOptions withPriority(int p) {
        return new EnqueueOptions(idempotencyKey, notBefore, expiresAt, p, idempotencyWindow);
    }
}
