package io.github.uc15mail.gateway;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the status page and {@code /metrics} see of the message queue (the outbox), and the two actions a
 * person may take on it. Implementations must be safe to call from the status server's threads.
 */
public interface QueueView {

    /** A message's state, as the outbox keeps it. */
    enum State { QUEUED, SENDING, SENT, FAILED, UNKNOWN, CANCELLED }

    /**
     * One message as listed on the status page.
     *
     * @param id the message id
     * @param state its state now
     * @param recipients how many recipients it has
     * @param subject its subject (shown escaped; may be empty)
     * @param updated when its state last changed
     * @param lastError the last error (code and text), or null; must not contain secrets
     */
    record MessageSummary(String id, State state, int recipients, String subject, Instant updated, String lastError) {
        public MessageSummary {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(state, "state");
            subject = subject == null ? "" : subject;
        }
    }

    /** How many messages are in each state (states with none may be missing). */
    Map<State, Long> counts();

    /** The {@code limit} most recently changed messages, newest first. */
    List<MessageSummary> recent(int limit);

    /**
     * Queues a {@link State#FAILED} or {@link State#UNKNOWN} message again.
     *
     * @return false when there is no such message or it is in another state
     */
    boolean retry(String id);

    /**
     * Cancels a message that has not been sent ({@link State#QUEUED}, {@link State#FAILED} or
     * {@link State#UNKNOWN}).
     *
     * @return false when there is no such message or it can no longer be cancelled
     */
    boolean cancel(String id);
}
