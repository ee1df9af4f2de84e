package io.github.uc15mail.internal.sms;

import java.util.ArrayList;
import java.util.List;

/**
 * How a text is cut into SMS parts: GSM 7-bit when every character is in the default alphabet or its
 * extension table, else UCS2. One part takes 160 septets or 70 UCS2 code units; a concatenated part,
 * after its 6-octet header, 153 septets or 67 code units. An extension character (escape and code) and a
 * surrogate pair are never split across parts.
 *
 * @param ucs2 whether the text goes as UCS2
 * @param parts the septets (7-bit) or UTF-16 code units (UCS2) of each part
 */
public record SmsText(boolean ucs2, List<int[]> parts) {

    public static final int SINGLE_SEPTETS = 160;
    public static final int PART_SEPTETS = 153;
    public static final int SINGLE_UCS2 = 70;
    public static final int PART_UCS2 = 67;
    /** Most parts an 8-bit reference header can number. */
    public static final int MAX_PARTS = 255;

    /** Plans {@code text}; never fails (a very long text gives many parts, the caller checks the count). */
    public static SmsText plan(String text) {
        if (GsmAlphabet.canEncode(text)) {
            int[] septets = GsmAlphabet.encode(text);
            return new SmsText(false, cut(septets, SINGLE_SEPTETS, PART_SEPTETS, false));
        }
        int[] units = new int[text.length()];
        for (int i = 0; i < units.length; i++) {
            units[i] = text.charAt(i);
        }
        return new SmsText(true, cut(units, SINGLE_UCS2, PART_UCS2, true));
    }

    /** How many septets (7-bit) or code units (UCS2) the whole text takes. */
    public int length() {
        return parts.stream().mapToInt(p -> p.length).sum();
    }

    private static List<int[]> cut(int[] all, int single, int perPart, boolean ucs2) {
        List<int[]> parts = new ArrayList<>();
        if (all.length <= single) {
            parts.add(all);
            return parts;
        }
        int start = 0;
        while (start < all.length) {
            int end = Math.min(all.length, start + perPart);
            if (end < all.length && splitsPair(all, end, ucs2)) {
                end--;
            }
            parts.add(java.util.Arrays.copyOfRange(all, start, end));
            start = end;
        }
        return parts;
    }

    /** Whether a cut before index {@code end} would separate an escape from its code, or a surrogate pair. */
    private static boolean splitsPair(int[] all, int end, boolean ucs2) {
        if (ucs2) {
            return Character.isHighSurrogate((char) all[end - 1]) && Character.isLowSurrogate((char) all[end]);
        }
        // Count the escapes before the cut: an odd run of escapes ending at end-1 means end-1 opens a pair.
        int escapes = 0;
        for (int i = end - 1; i >= 0 && all[i] == GsmAlphabet.ESCAPE; i--) {
            escapes++;
        }
        return escapes % 2 == 1;
    }
}
