package io.github.uc15mail.outbox.internal;

import io.github.uc15mail.mail.Attachment;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.mail.EmailDraft.MailCharset;
import io.github.uc15mail.SmsDraft;
import io.github.uc15mail.outbox.OutboxException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns an {@link EmailDraft} into what the store keeps (text, charset, attachment bytes) and back. The
 * attachments are read whole at enqueue time: the outbox owns its copy, so the caller's files may change
 * or vanish afterwards. {@link #encode} checks that the stored form rebuilds the same bytes the modem
 * would have been given, and refuses a draft it could not keep faithfully.
 */
public final class DraftCodec {

    private DraftCodec() {}

    /** A stored attachment. */
    public record StoredAttachment(String name, byte[] data) {}

    /** The channel of a mail and of an SMS, as the {@code channel} column holds it. */
    public static final String MAIL = "mail";
    public static final String SMS = "sms";
    private static final String SMS_PREFIX = "SMS:";

    /**
     * A draft as stored. An SMS ({@code channel} {@value #SMS}) keeps {@code SMS:<number>} in {@code recipients},
     * its text in {@code body}, an empty subject, its part limit in {@code smsMaxParts}; {@code linkedTo} names
     * the message it is about, or is null. {@code senderName} is the mail's own sender display name, or null for
     * the configured one.
     */
    public record StoredDraft(String subject, String recipients, String charset, byte[] body,
            List<StoredAttachment> attachments, String channel, Integer smsMaxParts, String linkedTo,
            String senderName) {

        /** A mail. */
        public StoredDraft(String subject, String recipients, String charset, byte[] body,
                List<StoredAttachment> attachments, String senderName) {
            this(subject, recipients, charset, body, attachments, MAIL, null, null, senderName);
        }

        public boolean isSms() {
            return SMS.equals(channel);
        }

        /** The addresses only, in order. */
        public List<String> addresses() {
            return addressesOf(recipients);
        }
    }

    public static StoredDraft encode(EmailDraft draft) {
        StringBuilder recipients = new StringBuilder();
        for (EmailDraft.Recipient r : draft.recipients()) {
            if (recipients.length() > 0) {
                recipients.append('\n');
            }
            recipients.append(r.type().name()).append(':').append(r.address());
        }
        MailCharset charset = charsetFor(draft);
        String body = new String(draft.bodyBytes(), draft.bodyCharset().charset());
        List<StoredAttachment> attachments = new ArrayList<>();
        for (Attachment a : draft.attachments()) {
            attachments.add(new StoredAttachment(a.name(), read(a)));
        }
        StoredDraft stored = new StoredDraft(draft.subject(), recipients.toString(),
                charset == null ? null : charset.name(), body.getBytes(StandardCharsets.UTF_8), attachments,
                draft.senderName().orElse(null));
        EmailDraft again = decode(stored);
        if (!Arrays.equals(again.subjectBytes(), draft.subjectBytes()) || again.subjectCharset() != draft.subjectCharset()
                || !Arrays.equals(again.bodyBytes(), draft.bodyBytes())
                || !again.recipients().equals(draft.recipients())) {
            throw new IllegalArgumentException("draft: must be storable so that it sends the same bytes; this mix of "
                    + "charsets (subject " + draft.subjectCharset() + ", body " + draft.bodyCharset()
                    + ") is not, was " + draft);
        }
        return stored;
    }

    /** Which charset rebuilds the subject and body as the caller's draft encoded them (null = automatic). */
    private static MailCharset charsetFor(EmailDraft d) {
        MailCharset s = d.subjectCharset();
        MailCharset b = d.bodyCharset();
        if (s == b && s != MailCharset.ASCII) {
            return s;
        }
        if (s != MailCharset.ASCII && s != MailCharset.UTF_8) {
            return s;
        }
        if (b != MailCharset.ASCII && b != MailCharset.UTF_8) {
            return b;
        }
        return null;
    }

    /** An SMS as stored; {@code linkedTo} (may be null) is the id of the message it is about. */
    public static StoredDraft encodeSms(SmsDraft draft, String linkedTo) {
        return new StoredDraft("", SMS_PREFIX + draft.to(), null, draft.text().getBytes(StandardCharsets.UTF_8),
                List.of(), SMS, draft.maxParts(), linkedTo, null);
    }

    /** The SMS of a stored {@value #SMS} message. */
    public static SmsDraft decodeSms(StoredDraft stored) {
        String to = stored.recipients().startsWith(SMS_PREFIX) ? stored.recipients().substring(SMS_PREFIX.length())
                : stored.recipients();
        int parts = stored.smsMaxParts() == null ? SmsDraft.DEFAULT_MAX_PARTS : stored.smsMaxParts();
        return SmsDraft.of(to, new String(stored.body(), StandardCharsets.UTF_8), parts);
    }

    public static EmailDraft decode(StoredDraft stored) {
        EmailDraft.Builder b = EmailDraft.builder();
        for (String line : stored.recipients().split("\n")) {
            int colon = line.indexOf(':');
            String address = line.substring(colon + 1);
            switch (line.substring(0, colon)) {
                case "TO" -> b.to(address);
                case "CC" -> b.cc(address);
                default -> b.bcc(address);
            }
        }
        b.subject(stored.subject()).body(new String(stored.body(), StandardCharsets.UTF_8));
        if (stored.charset() != null) {
            b.charset(MailCharset.valueOf(stored.charset()));
        }
        for (StoredAttachment a : stored.attachments()) {
            b.attach(Attachment.ofBytes(a.name(), a.data()));
        }
        return b.senderName(stored.senderName()).build();
    }

    static List<String> addressesOf(String recipients) {
        List<String> out = new ArrayList<>();
        for (String line : recipients.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                out.add(line.substring(colon + 1));
            }
        }
        return out;
    }

    private static byte[] read(Attachment a) {
        try (InputStream in = a.payload().open()) {
            byte[] data = in.readAllBytes();
            if (data.length != a.length()) {
                throw new IllegalArgumentException("attachment " + a.name() + ": must keep its size of " + a.length()
                        + " bytes until enqueued, was " + data.length + " bytes when read");
            }
            return data;
        } catch (IOException e) {
            // The caller's input, not the store: refused input (exit 2), not "store unreachable".
            throw new IllegalArgumentException("attachment " + a.name() + ": must be readable to be stored, was not ("
                    + e.getMessage() + ")", e);
        }
    }
}
