package io.github.uc15mail.gateway.internal.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads parts as text and bytes whatever their transfer encoding and charset. A charset Java does not
 * know, or none at all on 8-bit text, is read as UTF-8 when the bytes are valid UTF-8 and as ISO-8859-1
 * otherwise, so text is never refused for its label.
 */
public final class TextParts {

    private TextParts() {}

    /** The part's content after its transfer encoding is undone, read whole but never beyond {@code limit}. */
    public static byte[] bytes(Part part, long limit) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (data.length > limit) {
                throw new IOException("a part is larger than the " + limit + " bytes the message may have");
            }
            return data;
        }
    }

    /**
     * Why the part's base64 cannot be decoded (characters outside the alphabet, or a length that is not a
     * multiple of 4), or null when it can or is not base64. Angus would skip such characters and hand back
     * fewer bytes, or none, without a word.
     */
    public static String undecodable(Part part) throws MessagingException, IOException {
        if (!(part instanceof jakarta.mail.internet.MimePart mp) || mp.getEncoding() == null
                || !mp.getEncoding().equalsIgnoreCase("base64")) {
            return null;
        }
        InputStream raw = part instanceof jakarta.mail.internet.MimeBodyPart b ? b.getRawInputStream()
                : part instanceof jakarta.mail.internet.MimeMessage m ? m.getRawInputStream() : null;
        if (raw == null) {
            return null;
        }
        long count = 0;
        int pad = 0;
        try (raw) {
            for (int c = raw.read(); c >= 0; c = raw.read()) {
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                    continue;
                }
                boolean alphabet = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+'
                        || c == '/';
                if (c == '=') {
                    pad++;
                } else if (!alphabet || pad > 0) {
                    return "its base64 content cannot be decoded (a character outside the base64 alphabet, or data "
                            + "after the padding)";
                }
                count++;
            }
        }
        if (count % 4 != 0 || pad > 2) {
            return "its base64 content cannot be decoded (" + count + " characters, not a multiple of 4)";
        }
        return null;
    }

    /** The part's text, decoded with its charset; a leading byte order mark removed. */
    public static String text(Part part, long limit) throws MessagingException, IOException {
        byte[] data = bytes(part, limit);
        String text = decode(data, charsetOf(part));
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static String decode(byte[] data, String declared) {
        if (declared != null) {
            try {
                Charset cs = Charset.forName(MimeUtility.javaCharset(declared));
                if (!cs.equals(StandardCharsets.US_ASCII) || isAscii(data)) {
                    return new String(data, cs);
                }
            } catch (IllegalArgumentException e) {
                // unknown or illegal name: guess below
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            return new String(data, StandardCharsets.ISO_8859_1);
        }
    }

    private static String charsetOf(Part part) throws MessagingException {
        String header = part.getContentType();
        if (header == null) {
            return null;
        }
        try {
            return new ContentType(header).getParameter("charset");
        } catch (ParseException e) {
            return null;
        }
    }

    /** The part's MIME type in lower case without parameters, {@code text/plain} when it cannot be read. */
    public static String mimeType(Part part) throws MessagingException {
        String header = part.getContentType();
        if (header == null) {
            return "text/plain";
        }
        try {
            return new ContentType(header).getBaseType().toLowerCase(java.util.Locale.ROOT);
        } catch (ParseException e) {
            return "application/octet-stream";
        }
    }

    private static boolean isAscii(byte[] data) {
        for (byte b : data) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
