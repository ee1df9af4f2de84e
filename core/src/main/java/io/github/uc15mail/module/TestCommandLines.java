package io.github.uc15mail.module;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits the answer of a Quectel test command such as {@code AT+QSMTPCFG=?} into its settings: each line
 * {@code +PREFIX: "<name>",<param>,<param>…} becomes the name (lower case, unquoted) and its parameters,
 * split at the commas outside parentheses. Lines with another prefix (URCs, echo) and malformed lines are
 * skipped; a name listed twice keeps its first line. Never throws.
 */
final class TestCommandLines {

    private TestCommandLines() {
    }

    static Map<String, List<String>> parse(String prefix, List<String> lines) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String head = prefix + ":";
        for (String raw : lines) {
            if (raw == null) {
                continue;
            }
            String line = raw.strip();
            if (!line.regionMatches(true, 0, head, 0, head.length())) {
                continue;
            }
            List<String> fields = split(line.substring(head.length()).strip());
            if (fields.isEmpty()) {
                continue;
            }
            String name = unquote(fields.get(0)).toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            out.putIfAbsent(name, List.copyOf(fields.subList(1, fields.size())));
        }
        return out;
    }

    /** Splits at commas outside parentheses and quotes; each field stripped. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']') && depth > 0) {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                out.add(cur.toString().strip());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        if (cur.length() > 0 || !out.isEmpty()) {
            out.add(cur.toString().strip());
        }
        return out;
    }

    static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"') {
            return t.substring(1, t.length() - 1).strip();
        }
        return t;
    }
}
