package io.github.uc15mail.testkit.replay;

import io.github.uc15mail.trace.internal.TraceMask;
import java.util.regex.Pattern;

/**
 * Compares a command line the host wrote with the recorded one. Equal lines match; a masked secret
 * ({@code "****"}) in the recorded line matches any quoted value at that place, since the trace never holds the
 * real one. Nothing else is tolerated: another command, another parameter or another spacing is a deviation.
 */
final class ReplayMatcher {

    private static final String MASKED = "\"" + TraceMask.MASK + "\"";

    private ReplayMatcher() {
    }

    static boolean matches(String recorded, String got) {
        if (recorded.equals(got)) {
            return true;
        }
        if (!recorded.contains(MASKED)) {
            return false;
        }
        String[] parts = recorded.split(Pattern.quote(MASKED), -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("\"[^\"]*\"");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(got).matches();
    }

    /** A line as a person reads it in a deviation: CR and LF dropped at the end, other control bytes escaped. */
    static String show(String line) {
        String s = line;
        while (s.endsWith("\r") || s.endsWith("\n")) {
            s = s.substring(0, s.length() - 1);
        }
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
