package io.github.uc15mail.gateway.internal.outbox;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.gateway.MailSink;
import io.github.uc15mail.outbox.EnqueueOptions;
import io.github.uc15mail.outbox.Outbox;
import java.time.Duration;

/**
 * Enqueues into an outbox; optionally owns it (closes it with itself, for the Jakarta Mail transport). With an
 * idempotency key, a repeat within the window returns the first message's id and is not queued again. A sender
 * name given with the message is stored with it ({@link EmailDraft#withSenderName}) and sent instead of the
 * configured one.
 */
public final class OutboxSink implements MailSink, AutoCloseable {

    private final Outbox outbox;
    private final boolean owned;
    private final Duration window;

    public OutboxSink(Outbox outbox, boolean owned) {
        this(outbox, owned, EnqueueOptions.DEFAULT_IDEMPOTENCY_WINDOW);
    }

    public OutboxSink(Outbox outbox, boolean owned, Duration window) {
        this.outbox = outbox;
        this.owned = owned;
        this.window = window;
    }

    @Override
    public String accept(EmailDraft draft, String senderName, String idempotencyKey) {
        EnqueueOptions o = EnqueueOptions.defaults();
        if (idempotencyKey != null) {
            o = o.withIdempotencyKey(idempotencyKey).withIdempotencyWindow(window);
        }
        return outbox.enqueue(named(draft, senderName), o).toString();
    }

    @Override
    public String accept(EmailDraft draft, String senderName) {
        return outbox.enqueue(named(draft, senderName)).toString();
    }

    @Override
    public boolean carriesSenderName() {
        return true;
    }

    private static EmailDraft named(EmailDraft draft, String senderName) {
        return senderName == null ? draft : draft.withSenderName(senderName);
    }

    @Override
    public boolean deduplicates() {
        return true;
    }

    @Override
    public String accept(EmailDraft draft) {
        return outbox.enqueue(draft).toString();
    }

    @Override
    public java.util.Optional<String> unavailable() {
        return outbox.storeDamage().map(d -> "the gateway's message store is damaged");
    }

    @Override
    public void close() {
        if (owned) {
            outbox.close();
        }
    }
}
