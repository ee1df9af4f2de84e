package io.github.uc15mail.outbox;

import java.time.Instant;

/**
 * A message moved from one state to another, as seen by this process's {@link Outbox}.
 *
 * @param id the message
 * @param from its state before, or null when it was just enqueued
 * @param to its state now
 * @param at when the change was committed
 * @param detail why, in one line (an error, "enqueued", "retried by operator"), or null
 */
public record StateChange(MessageId id, MessageState from, MessageState to, Instant at, String detail) {}
