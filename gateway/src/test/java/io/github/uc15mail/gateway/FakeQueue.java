package io.github.uc15mail.gateway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An in-memory queue for status server tests. */
final class FakeQueue implements QueueView {

    final Map<String, MessageSummary> messages = new LinkedHashMap<>();
    final List<String> actions = new ArrayList<>();

    synchronized void put(String id, State state, String subject, String error) {
        messages.put(id, new MessageSummary(id, state, 2, subject, Instant.parse("2026-11-30T08:00:00Z")
                .plusSeconds(messages.size()), error));
    }

    @Override
    public synchronized Map<State, Long> counts() {
        Map<State, Long> c = new EnumMap<>(State.class);
        messages.values().forEach(m -> c.merge(m.state(), 1L, Long::sum));
        return c;
    }

    @Override
    public synchronized List<MessageSummary> recent(int limit) {
        return messages.values().stream().sorted(Comparator.comparing(MessageSummary::updated).reversed())
                .limit(limit).toList();
    }

    @Override
    public synchronized boolean retry(String id) {
        actions.add("retry " + id);
        MessageSummary m = messages.get(id);
        if (m == null || (m.state() != State.FAILED && m.state() != State.UNKNOWN)) {
            return false;
        }
        put(id, State.QUEUED, m.subject(), null);
        return true;
    }

    @Override
    public synchronized boolean cancel(String id) {
        actions.add("cancel " + id);
        MessageSummary m = messages.get(id);
        if (m == null || m.state() == State.SENT || m.state() == State.SENDING || m.state() == State.CANCELLED) {
            return false;
        }
        put(id, State.CANCELLED, m.subject(), m.lastError());
        return true;
    }
}
