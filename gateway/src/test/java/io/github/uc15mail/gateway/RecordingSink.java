package io.github.uc15mail.gateway;

import io.github.uc15mail.mail.EmailDraft;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory sink for tests: records what it accepted, or fails as told. */
final class RecordingSink implements MailSink {

    record Accepted(String id, EmailDraft draft, String senderName) {}

    final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    volatile Exception failWith;

    @Override
    public String accept(EmailDraft draft) throws Exception {
        return record(draft, null);
    }

    @Override
    public String accept(EmailDraft draft, String senderName) throws Exception {
        return record(draft, senderName);
    }

    @Override
    public boolean carriesSenderName() {
        return true;
    }

    private String record(EmailDraft draft, String senderName) throws Exception {
        Exception f = failWith;
        if (f != null) {
            throw f;
        }
        String id = "m" + ids.incrementAndGet();
        accepted.add(new Accepted(id, draft, senderName));
        return id;
    }

    EmailDraft only() {
        if (accepted.size() != 1) {
            throw new AssertionError("expected one accepted message, got " + accepted.size());
        }
        return accepted.get(0).draft();
    }
}
