package io.github.uc15mail.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a duration as {@code 7d}, {@code 12h}, {@code 30m}, {@code 45s} or ISO-8601 ({@code PT1H}, {@code P7D}). */
final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})([dhms])");

    private Durations() {}

    /** @throws CliFailure exit 2 naming {@code field} and the accepted forms */
    static Duration parse(String field, String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = SHORT.matcher(t.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            };
        }
        try {
            Duration d = Duration.parse(t.toUpperCase(Locale.ROOT));
            if (!d.isNegative()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw CliFailure.badInput(field + ": must be a duration like 7d, 12h, 30m, 45s or PT1H, was \"" + t + "\"");
    }
}
