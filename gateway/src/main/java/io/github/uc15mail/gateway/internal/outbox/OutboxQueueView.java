package io.github.uc15mail.gateway.internal.outbox;

import io.github.uc15mail.gateway.QueueView;
import io.github.uc15mail.outbox.MessageId;
import io.github.uc15mail.outbox.Outbox;
import io.github.uc15mail.outbox.OutboxMessage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** {@link QueueView} over an {@link Outbox}; an id that is not a message id is simply not found. */
public final class OutboxQueueView implements QueueView {

    private final Outbox outbox;

    public OutboxQueueView(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Map<State, Long> counts() {
        Map<State, Long> out = new EnumMap<>(State.class);
        for (State s : State.values()) {
            out.put(s, 0L);
        }
        outbox.counts().forEach((state, n) -> out.put(State.valueOf(state.name()), n));
        return out;
    }

    @Override
    public List<MessageSummary> recent(int limit) {
        return outbox.list(null, limit).stream().map(OutboxQueueView::summary).toList();
    }

    private static MessageSummary summary(OutboxMessage m) {
        // An SMS has no subject: the page shows what it is and to whom.
        String subject = m.isSms() ? "SMS to " + String.join(", ", m.recipients()) : m.subject();
        return new MessageSummary(m.id().toString(), State.valueOf(m.state().name()), m.recipients().size(),
                subject, m.updatedAt(), m.lastError());
    }

    @Override
    public boolean retry(String id) {
        MessageId m = parse(id);
        return m != null && outbox.retry(m);
    }

    @Override
    public boolean cancel(String id) {
        MessageId m = parse(id);
        return m != null && outbox.cancel(m);
    }

    private static MessageId parse(String id) {
        try {
            return MessageId.of(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
