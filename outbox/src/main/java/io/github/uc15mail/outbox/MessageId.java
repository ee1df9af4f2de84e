package io.github.uc15mail.outbox;

import java.util.Objects;
import java.util.UUID;

/**
 * The id the outbox gave a message when it was enqueued: a random UUID in text form. Stable for the
 * life of the message, unique within a store.
 *
 * @param value the text form, as printed by the CLI and accepted by {@link #of(String)}
 */
public record MessageId(String value) {

    public MessageId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("message id: must be 1-64 characters, was \"" + value + "\"");
        }
    }

    /** The id written as {@code text}. */
    public static MessageId of(String text) {
        return new MessageId(text.strip());
    }

    /** A new random id. */
    public static MessageId random() {
        return new MessageId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
