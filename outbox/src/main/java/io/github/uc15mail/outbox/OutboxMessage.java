package io.github.uc15mail.outbox;

import java.time.Instant;
import java.util.List;

/**
 * What the outbox knows about one message, without its body and attachments. A snapshot: it does not
 * change when the message does.
 *
 * @param id its id
 * @param state where it is now
 * @param attempts how many times a modem took it
 * @param priority higher goes first
 * @param subject the subject as given
 * @param recipients the addresses, To then Cc then Bcc, in ASCII form
 * @param lastError what went wrong last time, or null
 * @param createdAt when it was enqueued
 * @param updatedAt when its state last changed
 * @param nextAttemptAt the earliest time it may be sent (after a backoff or a not-before), for QUEUED
 * @param expiresAt after this it fails instead of being sent, or null
 * @param channel {@value #MAIL} or {@value #SMS}; an SMS has an empty subject and its number as the one recipient
 * @param linkedTo the message an SMS is about (a fallback alarm for that mail), or null
 */
public record OutboxMessage(MessageId id, MessageState state, int attempts, int priority, String subject,
        List<String> recipients, String lastError, Instant createdAt, Instant updatedAt, Instant nextAttemptAt,
        Instant expiresAt, String channel, MessageId linkedTo) {

    /** The channel of an email. */
    public static final String MAIL = "mail";
    /** The channel of an SMS. */
    public static final String SMS = "sms";

    public OutboxMessage {
        recipients = List.copyOf(recipients);
        channel = channel == null ? MAIL : channel;
    }

    /** Whether it goes as an SMS. */
    public boolean isSms() {
        return SMS.equals(channel);
    }
}
