package io.github.uc15mail.gateway.internal.mime;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/** Folding text to what the modem's ASCII fields carry: accents dropped, other characters replaced. */
public final class AsciiText {

    private AsciiText() {}

    /**
     * {@code text} as printable ASCII: letters lose their accents (é → e), every other character outside
     * {@code allowed} becomes {@code replacement} (runs of it collapse to one).
     */
    public static String fold(String text, CharFilter allowed, char replacement) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            char mapped = c == 'ß' ? 's' : c;
            if (mapped < 0x80 && allowed.allows(mapped)) {
                out.append(mapped);
            } else if (out.length() == 0 || out.charAt(out.length() - 1) != replacement) {
                out.append(replacement);
            }
        }
        return out.toString();
    }

    /** The longest prefix of {@code text} whose UTF-8 form has at most {@code maxBytes} bytes, whole code points. */
    public static String prefixOfUtf8Bytes(String text, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > maxBytes) {
                break;
            }
            bytes += n;
            i += Character.charCount(cp);
        }
        return text.substring(0, i);
    }

    /** Which ASCII characters may stay. */
    @FunctionalInterface
    public interface CharFilter {
        boolean allows(char c);
    }
}
