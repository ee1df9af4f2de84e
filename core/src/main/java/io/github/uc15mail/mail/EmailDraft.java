package io.github.uc15mail.mail;

import io.github.uc15mail.error.DraftViolation;
import io.github.uc15mail.error.InvalidDraftException;
import io.github.uc15mail.at.Commands;
import io.github.uc15mail.at.internal.AtText;
import java.net.IDN;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

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
 * unique names of at most 46 bytes; optionally a sender display name for this message only ({@link SenderName}'s
 * rule), sent instead of the configured one. {@link Builder#validate()} reports every violation at once.
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
         * one). {@link #build()} checks it with {@link SenderName#check}; the address stays the configured one.
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
            List<Recipient> recipients = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            addRecipients(RecipientType.TO, "to", to, recipients, seen, v);
            addRecipients(RecipientType.CC, "cc", cc, recipients, seen, v);
            addRecipients(RecipientType.BCC, "bcc", bcc, recipients, seen, v);
            int total = to.size() + cc.size() + bcc.size();
            if (total == 0) {
                v.add(new DraftViolation("recipients", "at least 1 (to, cc or bcc)", "0"));
            } else if (total > MAX_RECIPIENTS) {
                v.add(new DraftViolation("recipients", "at most " + MAX_RECIPIENTS + " (to, cc and bcc together)",
                        String.valueOf(total)));
            }

            String subj = subject == null ? "" : subject;
            MailCharset subjCharset = MailCharset.ASCII;
            byte[] subjBytes = new byte[0];
            int bad = firstControl(subj);
            if (bad >= 0) {
                v.add(new DraftViolation("subject", "free of control characters (CR, LF, ...)",
                        "U+" + String.format("%04X", (int) subj.charAt(bad)) + " at position " + bad));
            } else if (charset != null && charset != MailCharset.ASCII) {
                subjCharset = charset;
                subjBytes = encodeOrReport("subject", subj, charset, v);
            } else if (isQuotableAscii(subj) && subj.length() <= Commands.SUBJECT_ASCII_MAX) {
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
            MailCharset bodyCharset = charset != null ? charset : isAscii(text) ? MailCharset.ASCII : MailCharset.UTF_8;
            // SMTP lines end in CRLF; strict servers refuse bare LF. Recipients see the same text.
            String wire = text.replaceAll("\r\n|\r|\n", "\r\n");
            byte[] bodyBytes = encodeOrReport("body", wire, bodyCharset, v);
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

            if (all.size() > MAX_ATTACHMENTS) {
                v.add(new DraftViolation("attachments", "at most " + MAX_ATTACHMENTS, String.valueOf(all.size())));
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < all.size(); i++) {
                Attachment a = all.get(i);
                String field = "attachment[" + i + "]";
                if (a == null) {
                    v.add(new DraftViolation(field, "present", "null"));
                    continue;
                }
                checkAttachmentName(field + ".name", a.name(), names, v);
                if (a.problem() != null) {
                    v.add(new DraftViolation(field, "readable", a.problem()));
                } else if (a.length() == 0) {
                    v.add(new DraftViolation(field + ".length", "at least 1 byte (the modem cannot upload an empty file)",
                            "0"));
                }
            }
            if (senderName != null) {
                SenderName.check(senderName).ifPresent(v::add);
            }
            return new EmailDraft(recipients, subj, subjCharset, subjBytes, text, bodyCharset, bodyBytes, all,
                    senderName);
        }

        private static void addRecipients(RecipientType type, String field, List<String> given,
                List<Recipient> out, Set<String> seen, List<DraftViolation> v) {
            for (int i = 0; i < given.size(); i++) {
                String f = field + "[" + i + "]";
                Optional<String> ascii = checkAddress(f, given.get(i), v);
                if (ascii.isPresent()) {
                    if (!seen.add(ascii.get().toLowerCase(Locale.ROOT))) {
                        v.add(new DraftViolation(f, "unique among to, cc and bcc", "a duplicate: "
                                + AtText.show(ascii.get(), false)));
                    } else {
                        out.add(new Recipient(type, ascii.get()));
                    }
                }
            }
        }

        /** The address in ASCII form, or empty after reporting why it cannot be used. */
        static Optional<String> checkAddress(String field, String address, List<DraftViolation> v) {
            if (address == null || address.isBlank()) {
                v.add(new DraftViolation(field, "an email address", "empty"));
                return Optional.empty();
            }
            int at = address.lastIndexOf('@');
            if (at <= 0 || at == address.length() - 1) {
                v.add(new DraftViolation(field, "an address of the form local@domain", AtText.show(address, false)));
                return Optional.empty();
            }
            String local = address.substring(0, at);
            String domain = address.substring(at + 1);
            if (!isQuotableAscii(local) || local.contains(" ") || local.contains("@")) {
                v.add(new DraftViolation(field, "an ASCII local part without spaces, '\"' or '@'",
                        AtText.show(address, false)));
                return Optional.empty();
            }
            String asciiDomain;
            try {
                asciiDomain = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                v.add(new DraftViolation(field, "a valid domain", AtText.show(address, false)));
                return Optional.empty();
            }
            if (!isQuotableAscii(asciiDomain) || asciiDomain.contains(" ") || asciiDomain.isEmpty()
                    || asciiDomain.startsWith(".") || asciiDomain.endsWith(".") || asciiDomain.contains("..")) {
                v.add(new DraftViolation(field, "a valid domain", AtText.show(address, false)));
                return Optional.empty();
            }
            String result = local + "@" + asciiDomain;
            if (result.length() > Commands.SMTP_STRING_MAX) {
                v.add(new DraftViolation(field, "at most " + Commands.SMTP_STRING_MAX + " bytes",
                        result.length() + " bytes: " + AtText.show(result, false)));
                return Optional.empty();
            }
            return Optional.of(result);
        }

        private static void checkAttachmentName(String field, String name, Set<String> names, List<DraftViolation> v) {
            if (name == null || name.isEmpty()) {
                v.add(new DraftViolation(field, "a file name", "empty"));
                return;
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c < 0x21 && c != ' ' || c > 0x7E || "\"/\\:*?".indexOf(c) >= 0) {
                    v.add(new DraftViolation(field, "printable ASCII without \" / \\ : * ?",
                            AtText.show(name, false) + " (" + (c > 0x7E ? "non-ASCII" : "'" + c + "'")
                                    + " at position " + i + ")"));
                    return;
                }
            }
            if (name.length() > ATTACHMENT_NAME_MAX) {
                v.add(new DraftViolation(field, "at most " + ATTACHMENT_NAME_MAX + " bytes (RAM: + name <= 50)",
                        name.length() + " bytes: " + AtText.show(name, false)));
                return;
            }
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                v.add(new DraftViolation(field, "unique among the attachments", "a duplicate: " + AtText.show(name, false)));
            }
        }

        private static byte[] encodeOrReport(String field, String text, MailCharset charset, List<DraftViolation> v) {
            CharsetEncoder encoder = charset.charset().newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                ByteBuffer buffer = encoder.encode(CharBuffer.wrap(text));
                byte[] out = new byte[buffer.remaining()];
                buffer.get(out);
                return out;
            } catch (CharacterCodingException e) {
                int position = firstUnencodable(text, charset);
                v.add(new DraftViolation(field, "encodable in " + charset, "U+"
                        + String.format("%04X", text.codePointAt(Math.max(0, position))) + " at position " + position));
                return new byte[0];
            }
        }

        private static int firstUnencodable(String text, MailCharset charset) {
            CharsetEncoder encoder = charset.charset().newEncoder();
            for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
                if (!encoder.canEncode(new String(Character.toChars(text.codePointAt(i))))) {
                    return i;
                }
            }
            return 0;
        }

        private static boolean isAscii(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) > 0x7F) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isQuotableAscii(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 || c > 0x7E || c == '"') {
                    return false;
                }
            }
            return true;
        }

        private static int firstControl(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 || c == 0x7F) {
                    return i;
                }
            }
            return -1;
        }
    }
}
