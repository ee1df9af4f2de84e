package io.github.uc15mail.gateway.internal.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a MIME tree once and sorts its leaves into the body text, an HTML body (used when there is no
 * text), and attachments. Rules: in {@code multipart/alternative} the {@code text/plain} child is the
 * body, else the HTML one (or a nested multipart holding it); elsewhere inline {@code text/plain} parts
 * form the body (several are joined by a blank line), and every other part, or any part marked as an
 * attachment or carrying a file name, is an attachment. An attached message ({@code message/rfc822}) is
 * kept whole as a {@code .eml} file.
 */
public final class PartCollector {

    /** The deepest multipart nesting taken; deeper fails the conversion (no real mail nests this deep). */
    public static final int MAX_DEPTH = 20;

    /** A leaf that goes as a file. */
    public record Found(String fileName, String mimeType, byte[] bytes) {}

    private final long limit;
    private final StringBuilder body = new StringBuilder();
    private boolean hasBody;
    private String html;
    private final List<Found> attachments = new ArrayList<>();

    public PartCollector(long limit) {
        this.limit = limit;
    }

    public void walk(Part part) throws MessagingException, IOException {
        walk(part, 0);
    }

    private void walk(Part part, int depth) throws MessagingException, IOException {
        String type = TextParts.mimeType(part);
        if (type.startsWith("multipart/")) {
            if (depth >= MAX_DEPTH) {
                throw new IllegalArgumentException("MIME structure: multipart parts nest more than " + MAX_DEPTH
                        + " levels deep");
            }
            Object content = part.getContent();
            if (!(content instanceof Multipart mp)) {
                attach(part, type);
                return;
            }
            if (type.equals("multipart/alternative")) {
                walkAlternative(mp, depth + 1);
            } else {
                for (int i = 0; i < mp.getCount(); i++) {
                    walk(mp.getBodyPart(i), depth + 1);
                }
            }
            return;
        }
        if (type.equals("message/rfc822")) {
            attachMessage(part);
            return;
        }
        boolean marked = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        if (!marked && type.equals("text/plain")) {
            addBody(TextParts.text(part, limit));
        } else if (!marked && type.equals("text/html") && html == null) {
            html = TextParts.text(part, limit);
        } else {
            attach(part, type);
        }
    }

    private void walkAlternative(Multipart mp, int depth) throws MessagingException, IOException {
        Part plain = null;
        Part rich = null;
        for (int i = 0; i < mp.getCount(); i++) {
            Part child = mp.getBodyPart(i);
            String type = TextParts.mimeType(child);
            if (type.equals("text/plain") && plain == null) {
                plain = child;
            } else if ((type.equals("text/html") || type.startsWith("multipart/")) && rich == null) {
                rich = child;
            }
        }
        if (plain != null) {
            addBody(TextParts.text(plain, limit));
        } else if (rich != null) {
            walk(rich, depth);
        } else if (mp.getCount() > 0) {
            walk(mp.getBodyPart(0), depth);
        }
    }

    private void addBody(String text) {
        if (hasBody) {
            body.append("\n\n");
        }
        body.append(text);
        hasBody = true;
    }

    private void attach(Part part, String type) throws MessagingException, IOException {
        String name = fileName(part);
        String problem = TextParts.undecodable(part);
        if (problem != null) {
            throw new IllegalArgumentException("attachment \"" + (name == null ? type : name.replaceAll("[\\p{Cntrl}\"]", "_"))
                    + "\": " + problem);
        }
        attachments.add(new Found(name, type, TextParts.bytes(part, limit)));
    }

    /**
     * The part's file name, RFC 2231 parameters decoded by Angus, and RFC 2047 encoded words (which many
     * mail programs put in file names although the RFC does not allow it) decoded here.
     */
    private static String fileName(Part part) throws MessagingException {
        String name = rawUtf8(part.getFileName());
        if (name != null && name.contains("=?")) {
            try {
                return MimeUtility.decodeText(name);
            } catch (UnsupportedEncodingException e) {
                return name;
            }
        }
        return name;
    }

    /**
     * Angus reads a body part's headers as ISO-8859-1 even when the message's were read as UTF-8 (RFC 6532);
     * a name whose bytes are valid UTF-8 is read again as UTF-8.
     */
    static String rawUtf8(String name) {
        if (name == null || name.chars().noneMatch(c -> c >= 0x80) || name.chars().anyMatch(c -> c > 0xFF)) {
            return name;
        }
        byte[] bytes = name.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return name;
        }
    }

    private void attachMessage(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        String name = fileName(part);
        if (content instanceof MimeMessage inner) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            inner.writeTo(out);
            if (name == null && inner.getSubject() != null && !inner.getSubject().isBlank()) {
                name = inner.getSubject() + ".eml";
            }
            attachments.add(new Found(name, "message/rfc822", out.toByteArray()));
        } else {
            attach(part, "message/rfc822");
        }
    }

    /** Whether any {@code text/plain} body part was found (it may be empty). */
    public boolean hasBody() {
        return hasBody;
    }

    public String body() {
        return body.toString();
    }

    /** The first inline HTML part outside an alternative that had text, or null. */
    public String html() {
        return html;
    }

    public List<Found> attachments() {
        return attachments;
    }
}
