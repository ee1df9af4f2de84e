package io.github.uc15mail.testkit.internal;

import java.util.List;
import java.util.Map;

/**
 * Everything the modem knew when {@code AT+QSMTPPUT} was answered: configuration and content.
 * Strings from the AT line are kept as the modem saw them (one char per byte, ISO-8859-1).
 */
public record MailSnapshot(
        String server,
        int port,
        int sslType,
        int sslCtxId,
        int sslVersion,
        int secLevel,
        String caCertName,
        byte[] caCert,
        String user,
        String password,
        String senderName,
        String senderEmail,
        List<String> to,
        List<String> cc,
        List<String> bcc,
        int subjectCharset,
        String subjectRaw,
        int bodyCharset,
        byte[] body,
        Map<String, byte[]> attachments,
        String missingAttachment,
        int timeoutSeconds) {

    /** The Java charset name for a module charset number (0 ASCII, 1 UTF-8, 2 GB2312, 3 BIG5). */
    public static String charsetName(int charset) {
        switch (charset) {
            case 1:
                return "UTF-8";
            case 2:
                return "GB2312";
            case 3:
                return "Big5";
            default:
                return "US-ASCII";
        }
    }

    /** The subject as text: the ASCII itself, or the hex string decoded with its charset. */
    public String subject() {
        if (subjectCharset == 0) {
            return subjectRaw;
        }
        return new String(hexToBytes(subjectRaw), java.nio.charset.Charset.forName(charsetName(subjectCharset)));
    }

    /** The body as text, decoded with its charset. */
    public String bodyText() {
        return new String(body, java.nio.charset.Charset.forName(charsetName(bodyCharset)));
    }

    public static byte[] hexToBytes(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
