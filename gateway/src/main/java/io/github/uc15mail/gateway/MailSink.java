package io.github.uc15mail.gateway;

import io.github.uc15mail.mail.EmailDraft;

/**
 * Where the gateway hands over a message it received: normally the durable outbox, in tests a fake.
 *
 * <p>The contract the gateway relies on: {@link #accept(EmailDraft)} returns only once the message is
 * stored durably (the SMTP front door answers {@code 250} to {@code DATA} only after it returned). It
 * throws {@link IllegalArgumentException} (such as {@link io.github.uc15mail.error.InvalidDraftException}) for
 * content the modem can never carry (the front door answers {@code 554}, a permanent refusal), and any
 * other exception when the message could not be stored this time (the front door answers {@code 451} so
 * the client tries again later).
 *
 * <p>What it does not promise: delivery. Acceptance means stored, not sent.
 */
@FunctionalInterface
public interface MailSink {

    /**
     * Stores {@code draft} durably and returns its id (shown in logs and in the {@code 250} reply).
     *
     * @throws IllegalArgumentException the draft can never be sent through the modem
     * @throws Exception the draft could not be stored now; nothing was kept
     */
    String accept(EmailDraft draft) throws Exception;

    /**
     * As {@link #accept(EmailDraft)}, with a sender display name for this message only (the message's own
     * From name, kept when the gateway's {@code keepFromName} is on). Sinks that cannot carry a per-message
     * name keep the default, which refuses: the gateway checks {@link #carriesSenderName()} before it
     * starts, so a name is never dropped silently.
     */
    default String accept(EmailDraft draft, String senderName) throws Exception {
        throw new UnsupportedOperationException("this sink cannot carry a per-message sender name");
    }

    /**
     * Why nothing can be stored now (such as a damaged store), or empty. The front door then answers
     * {@code 451 4.3.0} to {@code MAIL} at once instead of taking the message first.
     */
    default java.util.Optional<String> unavailable() {
        return java.util.Optional.empty();
    }

    /** Whether {@link #accept(EmailDraft, String)} is supported. */
    default boolean carriesSenderName() {
        return false;
    }

    /**
     * As {@link #accept(EmailDraft)} (or {@link #accept(EmailDraft, String)} when {@code senderName} is not
     * null), storing the draft once per {@code idempotencyKey}: a repeat of a key the sink already holds (within
     * its window) returns the first message's id and stores nothing. Sinks that cannot deduplicate store it
     * again (the default); see {@link #deduplicates()}.
     *
     * @param idempotencyKey null for a message that is never deduplicated
     */
    default String accept(EmailDraft draft, String senderName, String idempotencyKey) throws Exception {
        return senderName == null ? accept(draft) : accept(draft, senderName);
    }

    /** Whether {@link #accept(EmailDraft, String, String)} honours the idempotency key. */
    default boolean deduplicates() {
        return false;
    }
}
