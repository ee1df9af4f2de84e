package io.github.uc15mail.gateway.internal.mime;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/** Folding text to what the modem's ASCII fields carry: accents dropped, other characters replaced. */
public final class AsciiText {

    /** Latin letters that do not decompose into an ASCII letter and a mark, with their usual ASCII spelling. */
    private static final java.util.Map<Character, String> LETTERS = java.util.Map.ofEntries(
            java.util.Map.entry('ß', "ss"), java.util.Map.entry('ø', "o"), java.util.Map.entry('Ø', "O"),
            java.util.Map.entry('æ', "ae"), java.util.Map.entry('Æ', "AE"), java.util.Map.entry('œ', "oe"),
            java.util.Map.entry('Œ', "OE"), java.util.Map.entry('ł', "l"), java.util.Map.entry('Ł', "L"),
            java.util.Map.entry('đ', "d"), java.util.Map.entry('Đ', "D"), java.util.Map.entry('þ', "th"),
            java.util.Map.entry('Þ', "Th"), java.util.Map.entry('ð', "d"), java.util.Map.entry('ı', "i"));

    private AsciiText() {}

    /**
     * The position of the first character of {@code text} that has no ASCII form (such as a CJK ideograph, a Cyrillic
     * letter, an emoji): not ASCII, white space or a control, not a letter whose accents can be dropped and not
     * one of the Latin letters with a usual ASCII spelling (ß, ø, æ, ł, ...). -1 when every character folds.
     */
    public static int firstUnfoldable(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp >= 0x80 && !Character.isWhitespace(cp) && !Character.isISOControl(cp) && !Character.isSpaceChar(cp)
                    && !(cp <= 0xFFFF && LETTERS.containsKey((char) cp))) {
                String d = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
                boolean folds = d.codePoints().anyMatch(c -> c < 0x80) && d.codePoints()
                        .allMatch(c -> c < 0x80 || Character.getType(c) == Character.NON_SPACING_MARK);
                if (!folds) {
                    return i;
                }
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

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
            String spelled = LETTERS.get(c);
            if (spelled != null) {
                out.append(spelled);
            } else if (c < 0x80 && allowed.allows(c)) {
                out.append(c);
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
