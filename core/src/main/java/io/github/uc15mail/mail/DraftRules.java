package io.github.uc15mail.mail;

import io.github.uc15mail.at.Commands;
import io.github.uc15mail.at.internal.AtText;
import io.github.uc15mail.error.InvalidDraftException.DraftViolation;
import io.github.uc15mail.mail.EmailDraft.MailCharset;
import io.github.uc15mail.mail.EmailDraft.Recipient;
import io.github.uc15mail.mail.EmailDraft.RecipientType;
import java.net.IDN;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The field checks of {@link EmailDraft.Builder#build()}: addresses, attachment names, and text that must be
 * encodable in the chosen charset. Each problem is added to the list as a {@link DraftViolation} that names the
 * field, the limit and the value (shown with {@link AtText#show}); nothing is thrown.
 */
final class DraftRules {

    private DraftRules() {}

    /** The recipients as the modem takes them: To, then Cc, then Bcc, each address checked once. */
    static List<Recipient> recipients(List<String> to, List<String> cc, List<String> bcc, List<DraftViolation> v) {
        List<Recipient> recipients = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        addRecipients(RecipientType.TO, "to", to, recipients, seen, v);
        addRecipients(RecipientType.CC, "cc", cc, recipients, seen, v);
        addRecipients(RecipientType.BCC, "bcc", bcc, recipients, seen, v);
        int total = to.size() + cc.size() + bcc.size();
        if (total == 0) {
            v.add(new DraftViolation("recipients", "at least 1 (to, cc or bcc)", "0"));
        } else if (total > EmailDraft.MAX_RECIPIENTS) {
            v.add(new DraftViolation("recipients", "at most " + EmailDraft.MAX_RECIPIENTS
                    + " (to, cc and bcc together)", String.valueOf(total)));
        }
        return recipients;
    }

    /** At most 10 attachments, each present, readable, not empty, with a name the modem takes, none twice. */
    static void checkAttachments(List<Attachment> all, List<DraftViolation> v) {
        if (all.size() > EmailDraft.MAX_ATTACHMENTS) {
            v.add(new DraftViolation("attachments", "at most " + EmailDraft.MAX_ATTACHMENTS, String.valueOf(all.size())));
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
    }

    static void addRecipients(RecipientType type, String field, List<String> given,
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

    static void checkAttachmentName(String field, String name, Set<String> names, List<DraftViolation> v) {
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
        if (name.length() > EmailDraft.ATTACHMENT_NAME_MAX) {
            v.add(new DraftViolation(field, "at most " + EmailDraft.ATTACHMENT_NAME_MAX + " bytes (RAM: + name <= 50)",
                    name.length() + " bytes: " + AtText.show(name, false)));
            return;
        }
        if (!names.add(name.toLowerCase(Locale.ROOT))) {
            v.add(new DraftViolation(field, "unique among the attachments", "a duplicate: " + AtText.show(name, false)));
        }
    }

    static byte[] encodeOrReport(String field, String text, MailCharset charset, List<DraftViolation> v) {
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

    static int firstUnencodable(String text, MailCharset charset) {
        CharsetEncoder encoder = charset.charset().newEncoder();
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            if (!encoder.canEncode(new String(Character.toChars(text.codePointAt(i))))) {
                return i;
            }
        }
        return 0;
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    static boolean isQuotableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"') {
                return false;
            }
        }
        return true;
    }

    static int firstControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return i;
            }
        }
        return -1;
    }
}
