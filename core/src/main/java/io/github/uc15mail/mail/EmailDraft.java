package io.github.uc15mail.mail;

import io.github.uc15mail.error.InvalidDraftException.DraftViolation;
import io.github.uc15mail.error.InvalidDraftException;
import io.github.uc15mail.at.Commands;
import io.github.uc15mail.at.internal.AtText;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One email as the modem will carry it: recipients, subject, body and attachments, already checked
 * against the limits of the UC15's SMTP service (which the EC2x/EG2x/EG9x/EM05 and AG35 share, verified or
 * inferred as the module profile says) and encoded. Immutable; built with {@link #builder()}.
 *
 * <p>What {@link Builder#build()} guarantees: 1-20 recipients in all (To, Cc and Bcc), each an ASCII
 * address of at most 50 bytes (an internationalised domain is converted to its ASCII form), none twice;
 * a subject that fits the modem (sent as ASCII text when it can be, otherwise as hex of its UTF-8 or
 * chosen charset bytes, at most 100 bytes); a body of at most 10240 encoded bytes (or, if the caller
 * opted in, a longer body carried whole as a {@code .txt} attachment); at most 10 attachments with
 * unique names of at most 46 bytes; optionally a sender display name for this message only (printable ASCII
 * without {@code "}, at most 50 bytes), sent instead of the configured one. {@link Builder#validate()} reports every violation at once.
 *
 * <p>Line ends in the body are sent as CRLF whatever the caller used (bare LF or CR), as SMTP requires;
 * {@link #body()} still returns the text as given. The limit of 10240 bytes applies to what is sent.
 *
 * <p>What it does not guarantee: that the server accepts the addresses or the size.
 */
public final class EmailDraft {

    /** Recipient kinds, with their {@code AT+QSMTPDST} type. */
    public enum RecipientType {
        TO(1), CC(2), BCC(3);

        private final int code;

        RecipientType(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    /** One recipient, address in ASCII form. */
    public record Recipient(RecipientType type, String address) {}

    /** Longest attachment name: {@code RAM:} plus the name must fit the modem's 50 bytes. */
    public static final int ATTACHMENT_NAME_MAX = Commands.SMTP_STRING_MAX - 4;
    public static final int MAX_RECIPIENTS = 20;
    public static final int MAX_ATTACHMENTS = 10;

    private final List<Recipient> recipients;
    private final String subject;
    private final MailCharset subjectCharset;
    private final byte[] subjectBytes;
    private final String body;
    private final MailCharset bodyCharset;
    private final byte[] bodyBytes;
    private final List<Attachment> attachments;
    private final String senderName;

    private EmailDraft(List<Recipient> recipients, String subject, MailCharset subjectCharset, byte[] subjectBytes,
            String body, MailCharset bodyCharset, byte[] bodyBytes, List<Attachment> attachments, String senderName) {
        this.recipients = List.copyOf(recipients);
        this.subject = subject;
        this.subjectCharset = subjectCharset;
        this.subjectBytes = subjectBytes;
        this.body = body;
        this.bodyCharset = bodyCharset;
        this.bodyBytes = bodyBytes;
        this.attachments = List.copyOf(attachments);
        this.senderName = senderName;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Recipient> recipients() {
        return recipients;
    }

    public String subject() {
        return subject;
    }

    /** The charset the subject is sent in: ASCII text, or hex of bytes in another charset. */
    public MailCharset subjectCharset() {
        return subjectCharset;
    }

    /** The subject's encoded bytes. */
    public byte[] subjectBytes() {
        return subjectBytes.clone();
    }

    /** The body text as given (the full text, even when it travels as an attachment). */
    public String body() {
        return body;
    }

    public MailCharset bodyCharset() {
        return bodyCharset;
    }

    /** The bytes sent with {@code AT+QSMTPBODY}; empty when there is no body. */
    public byte[] bodyBytes() {
        return bodyBytes.clone();
    }

    int bodyLength() {
        return bodyBytes.length;
    }

    /** The attachments, including the one that carries an over-long body. */
    public List<Attachment> attachments() {
        return attachments;
    }

    /** The sender display name of this message, or empty to use the configuration's. */
    public Optional<String> senderName() {
        return Optional.ofNullable(senderName);
    }

    /**
     * This draft with {@code name} as its own sender display name (null: the configured one), checked as
     * {@link Builder#senderName(String)} is.
     *
     * @throws InvalidDraftException naming the field, the limit and the value
     */
    public EmailDraft withSenderName(String name) {
        if (name != null) {
            SenderName.check(name).ifPresent(v -> {
                throw new InvalidDraftException(List.of(v));
            });
        }
        return new EmailDraft(recipients, subject, subjectCharset, subjectBytes, body, bodyCharset, bodyBytes, attachments,
                name);
    }

    @Override
    public String toString() {
        return "EmailDraft[recipients=" + recipients + (senderName == null ? "" : ", senderName=" + senderName) + ", subject=" + AtText.show(subject, false) + ", body="
                + bodyBytes.length + " bytes " + bodyCharset + ", attachments=" + attachments + "]";
    }

    /** Collects the parts of a draft; {@link #build()} checks them all. Not thread-safe. */
    public static final class Builder {
        private final List<String> to = new ArrayList<>();
        private final List<String> cc = new ArrayList<>();
        private final List<String> bcc = new ArrayList<>();
        private final List<Attachment> attachments = new ArrayList<>();
        private String subject = "";
        private String body = "";
        private MailCharset charset;
        private boolean bodyOverflowAsAttachment;
        private String overflowName = "body.txt";
        private String senderName;

        private Builder() {}

        /**
         * The sender display name for this message only, instead of the configuration's (null: the configured
         * one). {@link #build()} checks it with the sender-name rule (printable ASCII without {@code "}, at most 50 bytes); the address stays the configured one.
         */
        public Builder senderName(String name) {
            this.senderName = name;
            return this;
        }

        public Builder to(String... addresses) {
            to.addAll(Arrays.asList(addresses));
            return this;
        }

        public Builder cc(String... addresses) {
            cc.addAll(Arrays.asList(addresses));
            return this;
        }

        public Builder bcc(String... addresses) {
            bcc.addAll(Arrays.asList(addresses));
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder body(String body) {
            this.body = body;
            return this;
        }

        /** The charset of subject and body; by default ASCII when the text allows, else UTF-8. */
        public Builder charset(MailCharset charset) {
            this.charset = charset;
            return this;
        }

        /** Adds an attachment; {@link #build()} checks it (readable, named, not empty). */
        public Builder attach(Attachment attachment) {
            attachments.add(attachment);
            return this;
        }

        /**
         * Attaches the file at {@code file} under its own file name: the same as
         * {@code attach(Attachment.fromPath(file))}. Its size is read now and its bytes streamed when sent; a file
         * that is missing, unreadable or a directory is reported by {@link #build()}.
         */
        public Builder attach(java.nio.file.Path file) {
            return attach(Attachment.fromPath(file));
        }

        /** Attaches {@code content} (copied now) as a file named {@code name}: {@code attach(Attachment.ofBytes(name, content))}. */
        public Builder attach(String name, byte[] content) {
            return attach(Attachment.ofBytes(name, content));
        }

        /**
         * Opt in to sending a body over 10240 encoded bytes: the body then says where the text is, and
         * the full text goes as the attachment {@code name} (default {@code body.txt}).
         */
        public Builder bodyOverflowAsAttachment(boolean on) {
            this.bodyOverflowAsAttachment = on;
            return this;
        }

        public Builder bodyOverflowAsAttachment(String name) {
            this.bodyOverflowAsAttachment = true;
            this.overflowName = name;
            return this;
        }

        /** Every rule the draft breaks, in field order; empty when it can be built. */
        public List<DraftViolation> validate() {
            List<DraftViolation> violations = new ArrayList<>();
            encode(violations);
            return violations;
        }

        /** The draft, or an {@link InvalidDraftException} listing every violation. */
        public EmailDraft build() {
            List<DraftViolation> violations = new ArrayList<>();
            EmailDraft draft = encode(violations);
            if (!violations.isEmpty()) {
                throw new InvalidDraftException(violations);
            }
            return draft;
        }

        private EmailDraft encode(List<DraftViolation> v) {
            List<Recipient> recipients = DraftRules.recipients(to, cc, bcc, v);

            String subj = subject == null ? "" : subject;
            MailCharset subjCharset = MailCharset.ASCII;
            byte[] subjBytes = new byte[0];
            int bad = DraftRules.firstControl(subj);
            if (bad >= 0) {
                v.add(new DraftViolation("subject", "free of control characters (CR, LF, ...)",
                        "U+" + String.format("%04X", (int) subj.charAt(bad)) + " at position " + bad));
            } else if (charset != null && charset != MailCharset.ASCII) {
                subjCharset = charset;
                subjBytes = DraftRules.encodeOrReport("subject", subj, charset, v);
            } else if (DraftRules.isQuotableAscii(subj) && subj.length() <= Commands.SUBJECT_ASCII_MAX) {
                subjBytes = subj.getBytes(StandardCharsets.US_ASCII);
            } else {
                // Not carried by the modem as ASCII text (a '"' in it, non-ASCII, or too long): hex of UTF-8.
                subjCharset = MailCharset.UTF_8;
                subjBytes = subj.getBytes(StandardCharsets.UTF_8);
            }
            if (subjCharset != MailCharset.ASCII && subjBytes.length * 2 > Commands.SUBJECT_HEX_MAX) {
                v.add(new DraftViolation("subject", "at most " + Commands.SUBJECT_HEX_MAX / 2 + " bytes in "
                        + subjCharset, subjBytes.length + " bytes"));
            }

            String text = body == null ? "" : body;
            MailCharset bodyCharset = charset != null ? charset : DraftRules.isAscii(text) ? MailCharset.ASCII : MailCharset.UTF_8;
            // SMTP lines end in CRLF; strict servers refuse bare LF. Recipients see the same text.
            String wire = text.replaceAll("\r\n|\r|\n", "\r\n");
            byte[] bodyBytes = DraftRules.encodeOrReport("body", wire, bodyCharset, v);
            List<Attachment> all = new ArrayList<>(attachments);
            if (bodyBytes.length > Commands.BODY_MAX) {
                if (bodyOverflowAsAttachment) {
                    all.add(Attachment.ofBytes(overflowName, bodyBytes));
                    String note = "The full text of this message (" + bodyBytes.length + " bytes, " + bodyCharset
                            + ") is in the attached file " + overflowName + ".";
                    bodyBytes = note.getBytes(StandardCharsets.US_ASCII);
                    bodyCharset = MailCharset.ASCII;
                } else {
                    v.add(new DraftViolation("body", "at most " + Commands.BODY_MAX + " bytes in " + bodyCharset
                            + " (or opt in to bodyOverflowAsAttachment)", bodyBytes.length + " bytes"));
                }
            }

            DraftRules.checkAttachments(all, v);
            if (senderName != null) {
                SenderName.check(senderName).ifPresent(v::add);
            }
            return new EmailDraft(recipients, subj, subjCharset, subjBytes, text, bodyCharset, bodyBytes, all,
                    senderName);
        }
    }

    /**
     * The character sets the module takes for subject and body ({@code <charset>} of QSMTPSUB / QSMTPBODY): the same
     * four in the UC15 and EC2x SMTP manuals.
     */
    public enum MailCharset {
        ASCII(0, StandardCharsets.US_ASCII),
        UTF_8(1, StandardCharsets.UTF_8),
        GB2312(2, Charset.forName("GB2312")),
        BIG5(3, Charset.forName("Big5"));

        private final int code;
        private final Charset charset;

        MailCharset(int code, Charset charset) {
            this.code = code;
            this.charset = charset;
        }

        /** The modem's code for it. */
        public int code() {
            return code;
        }

        /** The Java charset that encodes it. */
        public Charset charset() {
            return charset;
        }
    }
}
