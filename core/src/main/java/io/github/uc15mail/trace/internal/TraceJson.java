package io.github.uc15mail.trace.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The small JSON subset a trace line uses: one flat object whose values are strings, whole numbers,
 * booleans or null. Writing escapes every control character; reading refuses anything else with the column.
 */
public final class TraceJson {

    private TraceJson() {
    }

    /** One object on one line, keys in the map's order; null values are left out. */
    public static String write(Map<String, Object> fields) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            if (sb.length() > 1) {
                sb.append(',');
            }
            quote(sb, e.getKey());
            sb.append(':');
            if (v instanceof Number || v instanceof Boolean) {
                sb.append(v);
            } else {
                quote(sb, v.toString());
            }
        }
        return sb.append('}').toString();
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /**
     * Reads one flat object.
     *
     * @throws IllegalArgumentException naming the column and what was expected
     */
    public static Map<String, Object> read(String line) {
        Parser p = new Parser(line);
        Map<String, Object> out = new LinkedHashMap<>();
        p.skip();
        p.expect('{');
        p.skip();
        if (p.peek() == '}') {
            p.pos++;
        } else {
            while (true) {
                p.skip();
                String key = p.string();
                p.skip();
                p.expect(':');
                p.skip();
                out.put(key, p.value());
                p.skip();
                char c = p.next();
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw p.fail("',' or '}'");
                }
            }
        }
        p.skip();
        if (p.pos != line.length()) {
            throw p.fail("end of line");
        }
        return out;
    }

    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        char peek() {
            if (pos >= s.length()) {
                throw fail("more text");
            }
            return s.charAt(pos);
        }

        char next() {
            char c = peek();
            pos++;
            return c;
        }

        void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        void expect(char c) {
            if (next() != c) {
                pos--;
                throw fail("'" + c + "'");
            }
        }

        IllegalArgumentException fail(String expected) {
            return new IllegalArgumentException("column " + (pos + 1) + ": expected " + expected);
        }

        Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (s.startsWith("true", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            if (s.startsWith("null", pos)) {
                pos += 4;
                return null;
            }
            int start = pos;
            if (c == '-') {
                pos++;
            }
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            if (pos == start || (pos == start + 1 && c == '-')) {
                throw fail("a string, a whole number, true, false or null");
            }
            return Long.parseLong(s.substring(start, pos));
        }

        String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return sb.toString();
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'r' -> sb.append('\r');
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw fail("4 hex digits");
                        }
                        try {
                            sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw fail("4 hex digits");
                        }
                        pos += 4;
                    }
                    default -> {
                        pos--;
                        throw fail("an escape (\\\" \\\\ \\r \\n \\t \\uXXXX)");
                    }
                }
            }
        }
    }
}
