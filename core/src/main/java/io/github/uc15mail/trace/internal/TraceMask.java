package io.github.uc15mail.trace.internal;

import io.github.uc15mail.at.internal.AtText;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the secrets of AT lines in a trace: the password of {@code AT+QSMTPCFG="account"} and
 * {@code AT+QICSGP} (as the session's log does), and the last quoted value of an {@code AT+QSSLCFG} setting
 * whose name speaks of a password or key ({@code "...pwd"}, {@code "...pass..."}, {@code "...key..."} values
 * that are not file names). A masked value is {@value #MASK}, whatever it held; an empty value stays empty.
 */
public final class TraceMask {

    /** What a masked value reads as in a trace; in a replay it matches any value. */
    public static final String MASK = "****";

    private static final Pattern QSSLCFG_SECRET = Pattern.compile(
            "(?i)(\\+QSSLCFG[=:]\\s*\"[^\"]*(?:pwd|pass|psk)[^\"]*\"(?:,[^\"]*)?),\"([^\"]*)\"");

    private TraceMask() {
    }

    /** {@code line} with its secret fields masked; other lines unchanged. */
    public static String line(String line) {
        String masked = AtText.mask(line);
        String upper = masked.toUpperCase(Locale.ROOT);
        if (upper.contains("QSSLCFG")) {
            Matcher m = QSSLCFG_SECRET.matcher(masked);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String value = m.group(2).isEmpty() ? "" : MASK;
                m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + ",\"" + value + "\""));
            }
            m.appendTail(sb);
            masked = sb.toString();
        }
        return masked;
    }

    /** Masks each line of {@code text} (lines end at CR or LF, which are kept). */
    public static String text(String text) {
        StringBuilder out = new StringBuilder();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                out.append(line(text.substring(start, i))).append(c);
                start = i + 1;
            }
        }
        out.append(line(text.substring(start)));
        return out.toString();
    }
}
