package io.github.uc15mail.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The email being composed: recipients (at most 20), subject, body and the attachment list (indexes 1-10,
 * naming files; the files themselves live in the {@link FileSystem}). {@code AT+QSMTPCLR} clears it.
 */
public final class SmtpContent {

    public static final int MAX_RECIPIENTS = 20;

    /** A recipient: type 1 To, 2 Cc, 3 Bcc. */
    public record Recipient(int type, String addr) {}

    private final List<Recipient> recipients = new ArrayList<>();
    private final TreeMap<Integer, String> attachments = new TreeMap<>();
    private int subjectCharset;
    private String subject = "";
    private int bodyCharset;
    private byte[] body;

    public void clear() {
        recipients.clear();
        subjectCharset = 0;
        subject = "";
        bodyCharset = 0;
        body = null;
        attachments.clear();
    }

    public boolean isEmpty() {
        return recipients.isEmpty() && subject.isEmpty() && body == null && attachments.isEmpty();
    }

    /** Adds a recipient; false when the address is empty or 20 are set already. */
    public boolean addRecipient(int type, String addr) {
        if (addr.isEmpty() || recipients.size() >= MAX_RECIPIENTS) {
            return false;
        }
        recipients.add(new Recipient(type, addr));
        return true;
    }

    public void clearRecipients() {
        recipients.clear();
    }

    public List<Recipient> recipients() {
        return List.copyOf(recipients);
    }

    public void subject(int charset, String s) {
        subjectCharset = charset;
        subject = s;
    }

    public int subjectCharset() {
        return subjectCharset;
    }

    public String subject() {
        return subject;
    }

    public void body(int charset, byte[] b) {
        bodyCharset = charset;
        body = b.clone();
    }

    public int bodyCharset() {
        return bodyCharset;
    }

    /** The body, or null when none was given. */
    public byte[] body() {
        return body == null ? null : body.clone();
    }

    public void attach(int index, String file) {
        attachments.put(index, file);
    }

    public void clearAttachments() {
        attachments.clear();
    }

    /** Attachment files by index, ascending (a copy). */
    public TreeMap<Integer, String> attachments() {
        return new TreeMap<>(attachments);
    }
}
