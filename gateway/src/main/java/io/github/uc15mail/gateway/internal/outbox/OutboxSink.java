package io.github.uc15mail.gateway.internal.outbox;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.gateway.MailSink;
import io.github.uc15mail.outbox.Outbox;

/** Enqueues into an outbox; optionally owns it (closes it with itself, for the Jakarta Mail transport). */
public final class OutboxSink implements MailSink, AutoCloseable {

    private final Outbox outbox;
    private final boolean owned;

    public OutboxSink(Outbox outbox, boolean owned) {
        this.outbox = outbox;
        this.owned = owned;
    }

    @Override
    public String accept(EmailDraft draft) {
        return outbox.enqueue(draft).toString();
    }

    @Override
    public void close() {
        if (owned) {
            outbox.close();
        }
    }
}
