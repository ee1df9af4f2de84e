package io.github.uc15mail.gateway.internal.sms;

import io.github.uc15mail.error.InvalidDraftException;
import io.github.uc15mail.SmsDraft;

/** Fits a text into an SMS of at most so many parts, cutting it and ending it with {@code …} when it is too long. */
public final class SmsText {

    /** What ends a text that was cut. */
    public static final String CUT = "\u2026";

    private SmsText() {}

    /**
     * The SMS of {@code text} to {@code number}, whole when it fits {@code maxParts}, else the longest start of it
     * followed by {@code …} that fits (the {@code …} makes it UCS2). Never splits a surrogate pair.
     *
     * @throws InvalidDraftException when {@code number} is not E.164 or the text is empty
     */
    public static SmsDraft fit(String number, String text, int maxParts) {
        try {
            return SmsDraft.of(number, text, maxParts);
        } catch (InvalidDraftException e) {
            if (e.violations().stream().noneMatch(v -> v.field().equals("text")) || text == null || text.isEmpty()) {
                throw e;
            }
        }
        int lo = 0;
        int hi = text.length();
        // Largest n such that text[0, n) + "…" fits; n = 0 ("…" alone) always fits one part.
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (fits(number, cutAt(text, mid), maxParts)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return SmsDraft.of(number, cutAt(text, lo), maxParts);
    }

    private static String cutAt(String text, int n) {
        int end = n;
        if (end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + CUT;
    }

    private static boolean fits(String number, String text, int maxParts) {
        try {
            SmsDraft.of(number, text, maxParts);
            return true;
        } catch (InvalidDraftException e) {
            return false;
        }
    }
}
