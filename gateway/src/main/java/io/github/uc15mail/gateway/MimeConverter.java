package io.github.uc15mail.gateway;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.error.InvalidDraftException;
import io.github.uc15mail.at.Commands;
import io.github.uc15mail.gateway.internal.mime.AsciiText;
import io.github.uc15mail.gateway.internal.mime.AttachmentNames;
import io.github.uc15mail.gateway.internal.mime.HeaderBlock;
import io.github.uc15mail.gateway.internal.mime.HtmlText;
import io.github.uc15mail.gateway.internal.mime.PartCollector;
import io.github.uc15mail.gateway.internal.mime.RecipientSorter;
import io.github.uc15mail.mail.Attachment;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Converts a MIME message (as received by SMTP, or built with Jakarta Mail) to an {@link EmailDraft}.
 *
 * <p>What it guarantees:
 * <ul>
 *   <li>Recipients are the envelope's (the SMTP {@code RCPT}s, or the addresses given to the transport),
 *       each typed To or Cc when the message's To or Cc header names it, else Bcc; duplicates once.</li>
 *   <li>The subject is decoded (RFC 2047); control characters become spaces; a subject longer than the
 *       modem's 100 bytes is shortened with {@code ...} and the whole subject is put on the body's first
 *       line, so nothing is lost.</li>
 *   <li>The body is the {@code text/plain} part in any charset; a mail with only HTML gets a text rendering
 *       (jsoup) as body and its HTML as the attachment {@code message.html}; a body over 10240 bytes goes
 *       whole as a {@code .txt} attachment.</li>
 *   <li>Every other part is an attachment whose name is made safe and unique for the modem's RAM files.
 *       An attachment that is empty or cannot be decoded (bad base64) fails the conversion, naming it: the
 *       modem cannot upload an empty file, and nothing is dropped silently.</li>
 *   <li>Headers in raw UTF-8 (RFC 6532) are read as UTF-8, file names included; multipart nesting deeper
 *       than {@value io.github.uc15mail.gateway.internal.mime.PartCollector#MAX_DEPTH} levels fails quickly.</li>
 *   <li>The message's own From address is not used: the modem sends as its configured sender.</li>
 * </ul>
 *
 * <p>What it does not do: keep the message's other headers (Reply-To, Date, Message-ID), or make a draft
 * the modem cannot carry: more than 10 attachments in all, or a recipient the modem cannot address, ends
 * in an {@link InvalidDraftException} naming each problem. Thread-safe.
 */
public final class MimeConverter {

    private static final String ELLIPSIS = "...";
    private static final int SUBJECT_MAX_BYTES = Commands.SUBJECT_HEX_MAX / 2;
    private static final int NAME_MAX = Commands.SMTP_STRING_MAX;

    private final boolean keepFromName;
    private final long maxBytes;
    private final Session session;

    private MimeConverter(boolean keepFromName, long maxBytes) {
        this.keepFromName = keepFromName;
        this.maxBytes = maxBytes;
        Properties props = new Properties();
        props.setProperty("mail.mime.address.strict", "false");
        // RFC 6532: headers in raw UTF-8 (SMTPUTF8, or 8-bit headers that are valid UTF-8) are read as UTF-8.
        props.setProperty("mail.mime.allowutf8", "true");
        this.session = Session.getInstance(props);
    }

    /**
     * A converter.
     *
     * @param keepFromName whether {@link ConvertedMail#fromName()} carries the message's From name
     * @param maxBytes the most bytes one message may hold; a larger part fails the conversion
     */
    public static MimeConverter create(boolean keepFromName, long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("max bytes: must be at least 1, was " + maxBytes);
        }
        return new MimeConverter(keepFromName, maxBytes);
    }

    /**
     * Parses the raw message in {@code mime} and converts it; see {@link #convert(MimeMessage, Collection)}.
     * Text that comes before any header block (a message without headers, or after the headers a relay
     * added) is kept as body text, not read as broken headers.
     */
    public ConvertedMail convert(InputStream mime, Collection<String> envelopeRecipients)
            throws MessagingException, IOException {
        byte[] raw = HeaderBlock.closeBeforeText(mime.readAllBytes());
        return convert(new MimeMessage(session, new java.io.ByteArrayInputStream(raw)), envelopeRecipients);
    }

    /**
     * Converts {@code message} for the {@code envelopeRecipients}.
     *
     * @throws InvalidDraftException the modem cannot carry it (the exception lists every reason)
     * @throws MessagingException the message cannot be read as MIME
     * @throws IOException a part cannot be read, or is larger than the limit
     */
    public ConvertedMail convert(MimeMessage message, Collection<String> envelopeRecipients)
            throws MessagingException, IOException {
        List<String> notes = new ArrayList<>();
        EmailDraft.Builder builder = EmailDraft.builder();
        RecipientSorter.sort(message, envelopeRecipients, builder);

        String subject = cleanSubject(message.getSubject());
        String shortSubject = fitSubject(subject);
        builder.subject(shortSubject);

        PartCollector parts = new PartCollector(maxBytes);
        parts.walk(message);
        AttachmentNames names = new AttachmentNames();
        String body = parts.body();
        String html = parts.html();
        List<Attachment> attachments = new ArrayList<>();
        if (!parts.hasBody() && html != null) {
            body = HtmlText.render(html);
        }
        for (PartCollector.Found f : parts.attachments()) {
            String name = names.add(f.fileName(), f.mimeType());
            if (f.bytes().length == 0) {
                throw new IllegalArgumentException("attachment " + quoted(f.fileName(), name)
                        + ": is empty after decoding; the modem cannot send an empty file");
            }
            attachments.add(Attachment.ofBytes(name, f.bytes()));
        }
        if (html != null) {
            attachments.add(Attachment.ofBytes(names.add("message.html", "text/html"), utf8Html(html)));
        }
        if (!shortSubject.equals(subject)) {
            body = "Subject: " + subject + "\n\n" + body;
            notes.add("the subject was shortened to the modem's " + SUBJECT_MAX_BYTES
                    + " bytes; the whole subject opens the body");
        }
        builder.body(body);
        attachments.forEach(builder::attach);
        if (wireLength(body) > Commands.BODY_MAX) {
            builder.bodyOverflowAsAttachment(names.add("body.txt", "text/plain"));
            notes.add("the body is over the modem's " + Commands.BODY_MAX + " bytes and goes as an attachment");
        }
        return new ConvertedMail(builder.build(), keepFromName ? fromName(message) : Optional.empty(), notes);
    }

    private static String quoted(String original, String safe) {
        return "\"" + (original == null || original.isBlank() ? safe : original.replaceAll("[\\p{Cntrl}\"]", "_")) + "\"";
    }

    private static String cleanSubject(String subject) {
        if (subject == null) {
            return "";
        }
        return subject.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    }

    /** The subject within the modem's 100 bytes, shortened on a character boundary. */
    static String fitSubject(String subject) {
        if (subject.getBytes(StandardCharsets.UTF_8).length <= SUBJECT_MAX_BYTES) {
            return subject;
        }
        return AsciiText.prefixOfUtf8Bytes(subject, SUBJECT_MAX_BYTES - ELLIPSIS.length()).stripTrailing() + ELLIPSIS;
    }

    /** The HTML as UTF-8, declaring that charset, so the file opens right whatever the mail's charset was. */
    private static byte[] utf8Html(String html) {
        Document doc = Jsoup.parse(html);
        doc.charset(StandardCharsets.UTF_8);
        return doc.outerHtml().getBytes(StandardCharsets.UTF_8);
    }

    private static long wireLength(String body) {
        return body.replaceAll("\r\n|\r|\n", "\r\n").getBytes(StandardCharsets.UTF_8).length;
    }

    private static Optional<String> fromName(MimeMessage message) {
        Address[] from;
        try {
            from = message.getFrom();
        } catch (MessagingException e) {
            return Optional.empty();
        }
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress ia) || ia.getPersonal() == null) {
            return Optional.empty();
        }
        String personal = ia.getPersonal();
        int bad = AsciiText.firstUnfoldable(personal);
        if (bad >= 0) {
            // The modem's sender name is ASCII only; refused rather than mangled or silently replaced.
            throw new IllegalArgumentException("From: the display name " + quoted(personal, "") + " cannot be the "
                    + "modem's sender name (printable ASCII, at most " + NAME_MAX + " bytes, as keep-from-name needs): "
                    + String.format("U+%04X", personal.codePointAt(bad)) + " at position " + bad
                    + " has no ASCII form");
        }
        String folded = AsciiText.fold(personal, c -> c >= 0x20 && c <= 0x7E && c != '"', ' ')
                .replaceAll(" +", " ").strip();
        if (folded.length() > NAME_MAX) {
            folded = folded.substring(0, NAME_MAX).stripTrailing();
        }
        return folded.isEmpty() ? Optional.empty() : Optional.of(folded);
    }
}
