package io.github.uc15mail.gateway.internal.sms;

import io.github.uc15mail.SmsDraft;
import io.github.uc15mail.outbox.EnqueueOptions;
import io.github.uc15mail.outbox.MessageId;
import io.github.uc15mail.outbox.MessageState;
import io.github.uc15mail.outbox.Outbox;
import io.github.uc15mail.outbox.OutboxMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS that tells a person a mail is not going out. On each {@link #tick()}, every mail that ended
 * {@code FAILED}, or is still waiting ({@code QUEUED} or being tried) longer than the wait after it was accepted,
 * gets one SMS to each
 * fallback number: {@code Mail not sent: <subject> (to <first recipient>): <reason>}. The SMS is an outbox message
 * of its own, linked to the mail; the mail itself stays queued and goes out when data returns.
 *
 * <h2>What it guarantees</h2>
 * <ul>
 *   <li>At most one fallback per mail: a mail with a linked SMS in the outbox is never taken again (this holds
 *       across restarts: the link is stored).</li>
 *   <li>At most {@code perHour} mails get their own fallback in any hour (by the injected clock); past that,
 *       at most one summary SMS an hour names how many more mails wait and the first subjects.</li>
 * </ul>
 * <h2>What it does not guarantee</h2>
 * That the SMS arrives (it goes through the outbox like any message), nor that mails covered by a summary are
 * remembered after a restart (they may then get their own SMS once).
 */
public final class SmsFallback {

    private static final Logger log = LoggerFactory.getLogger(SmsFallback.class);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final int SCAN = 1000;
    /** Fallback SMS go before the mail waiting in the queue. */
    private static final int PRIORITY = 10;

    private final Outbox outbox;
    private final List<String> numbers;
    private final Duration after;
    private final int perHour;
    private final Clock clock;
    private final int maxParts;
    private final Deque<Instant> recent = new ArrayDeque<>();
    private final Set<MessageId> summarized = new HashSet<>();
    private final List<OutboxMessage> overLimit = new ArrayList<>();
    private Instant lastSummary;

    public SmsFallback(Outbox outbox, List<String> numbers, Duration after, int perHour, int maxParts, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox);
        this.numbers = List.copyOf(numbers);
        if (this.numbers.isEmpty()) {
            throw new IllegalArgumentException("sms-fallback: must name at least one number, was empty");
        }
        for (String n : this.numbers) {
            SmsDraft.checkRecipient(n).ifPresent(v -> {
                throw new IllegalArgumentException("sms-fallback: must be E.164 numbers (+ and 1-15 digits), was "
                        + v.actual());
            });
        }
        if (after.isNegative()) {
            throw new IllegalArgumentException("sms-fallback-after: must be 0 or more, was " + after);
        }
        if (perHour < 1) {
            throw new IllegalArgumentException("sms-fallback limit: must be at least 1 an hour, was " + perHour);
        }
        this.after = after;
        this.perHour = perHour;
        this.maxParts = maxParts;
        this.clock = Objects.requireNonNull(clock);
    }

    /** Looks once; returns the ids of the fallback SMS it queued. Call it regularly (every 30 s, say). */
    public synchronized List<MessageId> tick() {
        Instant now = clock.instant();
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(HOUR))) {
            recent.removeFirst();
        }
        Set<MessageId> covered = new HashSet<>(summarized);
        for (OutboxMessage m : outbox.list(null, SCAN)) {
            if (m.isSms() && m.linkedTo() != null) {
                covered.add(m.linkedTo());
            }
        }
        List<OutboxMessage> due = new ArrayList<>();
        for (OutboxMessage m : outbox.list(MessageState.FAILED, SCAN)) {
            if (!m.isSms() && !covered.contains(m.id())) {
                due.add(m);
            }
        }
        // Waiting: queued for a retry, or being tried again right now.
        List<OutboxMessage> waiting = new ArrayList<>(outbox.list(MessageState.QUEUED, SCAN));
        waiting.addAll(outbox.list(MessageState.SENDING, SCAN));
        for (OutboxMessage m : waiting) {
            if (!m.isSms() && !covered.contains(m.id()) && !m.createdAt().plus(after).isAfter(now)) {
                due.add(m);
            }
        }
        due.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
        List<MessageId> queued = new ArrayList<>();
        for (OutboxMessage mail : due) {
            if (recent.size() < perHour) {
                recent.addLast(now);
                overLimit.removeIf(o -> o.id().equals(mail.id()));
                queued.addAll(send(text(mail), mail.id()));
            } else if (overLimit.stream().noneMatch(o -> o.id().equals(mail.id()))) {
                overLimit.add(mail);
            }
        }
        if (!overLimit.isEmpty() && (lastSummary == null || !lastSummary.plus(HOUR).isAfter(now))) {
            lastSummary = now;
            StringBuilder text = new StringBuilder(overLimit.size() + " more mail" + (overLimit.size() == 1 ? "" : "s")
                    + " not sent (fallback limit " + perHour + "/h):");
            for (OutboxMessage m : overLimit) {
                text.append(' ').append(m.subject().isBlank() ? "(no subject)" : oneLine(m.subject())).append(';');
                summarized.add(m.id());
            }
            queued.addAll(send(text.toString(), overLimit.get(0).id()));
            overLimit.clear();
        }
        return queued;
    }

    private List<MessageId> send(String text, MessageId mail) {
        List<MessageId> ids = new ArrayList<>();
        for (String number : numbers) {
            MessageId id = outbox.enqueueSms(SmsText.fit(number, text, maxParts),
                    EnqueueOptions.defaults().withPriority(PRIORITY), mail);
            ids.add(id);
            log.info("fallback SMS {} to {} about mail {}", id, number, mail);
        }
        return ids;
    }

    /** {@code Mail not sent: <subject> (to <first recipient>): <reason>}. */
    static String text(OutboxMessage mail) {
        String to = mail.recipients().isEmpty() ? "nobody" : mail.recipients().get(0);
        String reason = mail.lastError() != null ? oneLine(mail.lastError())
                : mail.state() == MessageState.FAILED ? "failed" : "no modem could send it yet";
        return "Mail not sent: " + (mail.subject().isBlank() ? "(no subject)" : oneLine(mail.subject())) + " (to " + to
                + "): " + reason;
    }

    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ').strip();
    }
}
