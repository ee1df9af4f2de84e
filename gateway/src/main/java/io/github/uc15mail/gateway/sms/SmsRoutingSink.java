package io.github.uc15mail.gateway.sms;

import io.github.uc15mail.mail.Attachment;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.mail.EmailDraft.MailCharset;
import io.github.uc15mail.gateway.MailSink;
import io.github.uc15mail.outbox.EnqueueOptions;
import io.github.uc15mail.outbox.MessageId;
import io.github.uc15mail.outbox.Outbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns mail to {@code <E.164>@<sms domain>} into SMS: for each such recipient the outbox gets one SMS, the
 * subject then the text body, cut to the part limit and ended with {@code …} when cut. The other recipients, if
 * any, get the mail as it came (through the wrapped sink). Returns once everything is stored; ids are joined by
 * commas. What it does not do: convert HTML (the gateway's converter already gave the text) or attachments.
 */
public final class SmsRoutingSink implements MailSink {

    private final Outbox outbox;
    private final MailSink mail;
    private final Pattern smsAddress;
    private final int maxParts;

    public SmsRoutingSink(Outbox outbox, MailSink mail, String smsDomain, int maxParts) {
        this.outbox = outbox;
        this.mail = mail;
        this.smsAddress = Pattern.compile("(\\+[0-9]+)@" + Pattern.quote(smsDomain.toLowerCase(Locale.ROOT)));
        this.maxParts = maxParts;
    }

    /** The number of {@code address} when it is an SMS address of this sink's domain, else null. */
    String numberOf(String address) {
        Matcher m = smsAddress.matcher(address.toLowerCase(Locale.ROOT));
        return m.matches() ? m.group(1) : null;
    }

    @Override
    public String accept(EmailDraft draft) throws Exception {
        List<String> numbers = new ArrayList<>();
        List<EmailDraft.Recipient> others = new ArrayList<>();
        for (EmailDraft.Recipient r : draft.recipients()) {
            String number = numberOf(r.address());
            if (number != null) {
                numbers.add(number);
            } else {
                others.add(r);
            }
        }
        if (numbers.isEmpty()) {
            return mail.accept(draft);
        }
        String text = text(draft);
        List<String> ids = new ArrayList<>();
        // Every SMS is checked before anything is stored: a bad number refuses the whole message (554).
        List<io.github.uc15mail.SmsDraft> sms = new ArrayList<>();
        for (String number : numbers) {
            sms.add(SmsText.fit(number, text, maxParts));
        }
        for (io.github.uc15mail.SmsDraft s : sms) {
            MessageId id = outbox.enqueueSms(s, EnqueueOptions.defaults(), null);
            ids.add(id.toString());
        }
        if (!others.isEmpty()) {
            ids.add(mail.accept(without(draft, others)));
        }
        return String.join(",", ids);
    }

    /** As {@link #accept(EmailDraft)}; the mail part (if any) keeps {@code senderName} as its own. */
    @Override
    public String accept(EmailDraft draft, String senderName) throws Exception {
        return accept(senderName == null ? draft : draft.withSenderName(senderName));
    }

    @Override
    public boolean carriesSenderName() {
        return mail.carriesSenderName();
    }

    /** The subject, then the text body. */
    static String text(EmailDraft draft) {
        String subject = draft.subject().strip();
        String body = new String(draft.bodyBytes(), draft.bodyCharset().charset()).strip();
        if (subject.isEmpty()) {
            return body.isEmpty() ? "(empty mail)" : body;
        }
        return body.isEmpty() ? subject : subject + "\n" + body;
    }

    private static EmailDraft without(EmailDraft draft, List<EmailDraft.Recipient> keep) {
        EmailDraft.Builder b = EmailDraft.builder();
        for (EmailDraft.Recipient r : keep) {
            switch (r.type()) {
                case TO -> b.to(r.address());
                case CC -> b.cc(r.address());
                default -> b.bcc(r.address());
            }
        }
        b.subject(draft.subject()).body(new String(draft.bodyBytes(), draft.bodyCharset().charset()));
        if (draft.bodyCharset() == draft.subjectCharset() && draft.bodyCharset() != MailCharset.ASCII) {
            b.charset(draft.bodyCharset());
        }
        for (Attachment a : draft.attachments()) {
            b.attach(a);
        }
        return b.senderName(draft.senderName().orElse(null)).build();
    }
}
