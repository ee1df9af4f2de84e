package io.github.uc15mail;

import io.github.uc15mail.error.InvalidDraftException.DraftViolation;
import io.github.uc15mail.error.InvalidDraftException;
import io.github.uc15mail.internal.sms.SmsText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One SMS to send: an international (E.164) recipient such as {@code +491701234567}, the text, and the most
 * parts it may take (default {@value #DEFAULT_MAX_PARTS}).
 *
 * <h2>What it guarantees</h2>
 * A draft that exists is valid: the recipient is {@code +} and 1-15 digits, the text is not empty, and the text
 * fits in {@link #maxParts()} parts. The text goes in the GSM 7-bit default alphabet when every character is in
 * it or its extension table ({@code € [ ] { } \ ^ ~ |} cost two septets), else in UCS2; one part holds 160
 * septets or 70 UCS2 characters, each part of a longer text 153 septets or 67 UCS2 characters
 * ({@link #parts()} says how many it takes). Otherwise {@link #of} throws an {@link InvalidDraftException}
 * naming the field, the limit and the value, before anything reaches a modem.
 *
 * <h2>What it does not guarantee</h2>
 * That the number exists or that the network delivers the parts in order or at all; the phone reassembles
 * the parts.
 */
public final class SmsDraft {

    /** Parts a draft may take unless told otherwise. */
    public static final int DEFAULT_MAX_PARTS = 4;

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{0,14}");

    private final String to;
    private final String text;
    private final int maxParts;
    private final SmsText plan;

    private SmsDraft(String to, String text, int maxParts, SmsText plan) {
        this.to = to;
        this.text = text;
        this.maxParts = maxParts;
        this.plan = plan;
    }

    /** A draft with at most {@value #DEFAULT_MAX_PARTS} parts. */
    public static SmsDraft of(String to, String text) {
        return of(to, text, DEFAULT_MAX_PARTS);
    }

    /**
     * A draft of at most {@code maxParts} parts (1-255).
     *
     * @throws InvalidDraftException naming every field that is wrong
     */
    public static SmsDraft of(String to, String text, int maxParts) {
        List<DraftViolation> violations = new ArrayList<>();
        checkRecipient(to).ifPresent(violations::add);
        if (maxParts < 1 || maxParts > SmsText.MAX_PARTS) {
            violations.add(new DraftViolation("maxParts", "1-" + SmsText.MAX_PARTS, String.valueOf(maxParts)));
        }
        SmsText plan = null;
        if (text == null || text.isEmpty()) {
            violations.add(new DraftViolation("text", "1 character or more", text == null ? "missing" : "empty"));
        } else {
            plan = SmsText.plan(text);
            int limit = Math.max(1, Math.min(maxParts, SmsText.MAX_PARTS));
            if (plan.parts().size() > limit) {
                String unit = plan.ucs2() ? "UCS2 characters" : "GSM 7-bit septets";
                int capacity = limit == 1 ? (plan.ucs2() ? SmsText.SINGLE_UCS2 : SmsText.SINGLE_SEPTETS)
                        : limit * (plan.ucs2() ? SmsText.PART_UCS2 : SmsText.PART_SEPTETS);
                violations.add(new DraftViolation("text", "at most " + limit + " SMS part" + (limit == 1 ? "" : "s")
                        + " (" + capacity + " " + unit + ")", plan.length() + " " + unit + " ("
                        + plan.parts().size() + " parts)"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidDraftException(violations);
        }
        return new SmsDraft(to, text, maxParts, plan);
    }

    /** The problem with {@code to} as an SMS recipient, if any: it must be {@code +} and 1-15 digits. */
    public static java.util.Optional<DraftViolation> checkRecipient(String to) {
        if (to == null) {
            return java.util.Optional.of(new DraftViolation("to", "an E.164 number (+ and 1-15 digits, such as "
                    + "+491701234567)", "missing"));
        }
        if (!E164.matcher(to).matches()) {
            String shown = to.length() > 40 ? to.substring(0, 40) + "…" : to;
            return java.util.Optional.of(new DraftViolation("to", "an E.164 number (+ and 1-15 digits, such as "
                    + "+491701234567)", "\"" + shown.replaceAll("[\\p{Cntrl}]", "?") + "\""));
        }
        return java.util.Optional.empty();
    }

    /** The recipient, {@code +} and digits. */
    public String to() {
        return to;
    }

    public String text() {
        return text;
    }

    public int maxParts() {
        return maxParts;
    }

    /** How many parts the text takes (1 when it fits one SMS). */
    public int parts() {
        return plan.parts().size();
    }

    /** Whether the text goes as UCS2 (a character outside the GSM 7-bit alphabet and its extension table). */
    public boolean isUcs2() {
        return plan.ucs2();
    }

    /** The encoding plan, for the sender. */
    SmsText plan() {
        return plan;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SmsDraft d && d.to.equals(to) && d.text.equals(text) && d.maxParts == maxParts;
    }

    @Override
    public int hashCode() {
        return Objects.hash(to, text, maxParts);
    }

    @Override
    public String toString() {
        return "SmsDraft[to=" + to + ", " + text.length() + " chars, " + parts() + " part(s), "
                + (isUcs2() ? "UCS2" : "GSM 7-bit") + "]";
    }
}
