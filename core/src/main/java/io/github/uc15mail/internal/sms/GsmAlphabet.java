package io.github.uc15mail.internal.sms;

import java.util.HashMap;
import java.util.Map;

/**
 * The GSM 7-bit default alphabet and its extension table (3GPP TS 23.038, 6.2.1). A character of the
 * extension table costs two septets: the escape {@code 0x1B} and its code. Characters outside both tables
 * cannot be written in 7-bit: such a text goes as UCS2.
 */
public final class GsmAlphabet {

    /** The escape septet that introduces an extension-table character. */
    public static final int ESCAPE = 0x1B;

    /** The default alphabet, indexed by septet; index 0x1B is the escape and never a character of its own. */
    static final String DEFAULT = "@\u00A3$\u00A5\u00E8\u00E9\u00F9\u00EC\u00F2\u00C7\n\u00D8\u00F8\r\u00C5\u00E5"
            + "\u0394_\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039E\u001B\u00C6\u00E6\u00DF\u00C9"
            + " !\"#\u00A4%&'()*+,-./"
            + "0123456789:;<=>?"
            + "\u00A1ABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZ\u00C4\u00D6\u00D1\u00DC\u00A7"
            + "\u00BFabcdefghijklmno"
            + "pqrstuvwxyz\u00E4\u00F6\u00F1\u00FC\u00E0";

    /** The extension table: character, then its code after the escape. */
    private static final char[][] EXTENSION = {
        {'\f', 0x0A}, {'^', 0x14}, {'{', 0x28}, {'}', 0x29}, {'\\', 0x2F},
        {'[', 0x3C}, {'~', 0x3D}, {']', 0x3E}, {'|', 0x40}, {'\u20AC', 0x65},
    };

    private static final Map<Character, Integer> BASIC = new HashMap<>();
    private static final Map<Character, Integer> EXTENDED = new HashMap<>();
    private static final char[] EXTENDED_BY_CODE = new char[128];

    static {
        if (DEFAULT.length() != 128) {
            throw new AssertionError("GSM default alphabet must have 128 entries, has " + DEFAULT.length());
        }
        for (int i = 0; i < 128; i++) {
            if (i != ESCAPE) {
                BASIC.put(DEFAULT.charAt(i), i);
            }
        }
        for (char[] e : EXTENSION) {
            EXTENDED.put(e[0], (int) e[1]);
            EXTENDED_BY_CODE[e[1]] = e[0];
        }
    }

    private GsmAlphabet() {}

    /** The septets of {@code c}: one for the default alphabet, two (escape, code) for the extension table, none if neither. */
    public static int[] septetsOf(char c) {
        Integer basic = BASIC.get(c);
        if (basic != null) {
            return new int[] {basic};
        }
        Integer ext = EXTENDED.get(c);
        if (ext != null) {
            return new int[] {ESCAPE, ext};
        }
        return new int[0];
    }

    /** Whether {@code c} costs two septets. */
    public static boolean isExtension(char c) {
        return EXTENDED.containsKey(c);
    }

    /** Whether every character of {@code text} is in the default alphabet or its extension table. */
    public static boolean canEncode(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!BASIC.containsKey(c) && !EXTENDED.containsKey(c)) {
                return false;
            }
        }
        return true;
    }

    /** The septets of {@code text}; every character must be encodable ({@link #canEncode}). */
    public static int[] encode(CharSequence text) {
        int[] out = new int[text.length() * 2];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            int[] s = septetsOf(text.charAt(i));
            if (s.length == 0) {
                throw new IllegalArgumentException("text: U+" + String.format("%04X", (int) text.charAt(i))
                        + " at position " + i + " is not in the GSM 7-bit alphabet");
            }
            for (int v : s) {
                out[n++] = v;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * The text of {@code septets}. An escape followed by a code outside the extension table gives the
     * default-alphabet character of that code (TS 23.038's rule for unknown extensions); a trailing escape
     * gives a space.
     */
    public static String decode(int[] septets) {
        StringBuilder sb = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int s = septets[i] & 0x7F;
            if (s == ESCAPE) {
                if (i + 1 >= septets.length) {
                    sb.append(' ');
                    break;
                }
                int code = septets[++i] & 0x7F;
                char ext = EXTENDED_BY_CODE[code];
                sb.append(ext != 0 ? ext : code == ESCAPE ? ' ' : DEFAULT.charAt(code));
            } else {
                sb.append(DEFAULT.charAt(s));
            }
        }
        return sb.toString();
    }
}
