package io.github.uc15mail.at.internal;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validation of values that go into AT command lines, and masking of secrets in what is logged.
 * Every failure is an {@link IllegalArgumentException} that names the field, the limit and the value
 * (or "value hidden" for a secret).
 */
public final class AtText {

    public static final String MASK = "****";
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");

    private AtText() {}

    /**
     * Checks a value for an AT string parameter: printable ASCII only (so no {@code "}, CR or LF) and at
     * most {@code maxBytes} bytes.
     */
    public static String requireAtString(String field, String value, int maxBytes, boolean secret) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": is required");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"') {
                throw new IllegalArgumentException(field + ": must be printable ASCII without '\"', CR or LF"
                        + "; found " + describeChar(c) + " at position " + i + " in " + show(value, secret));
            }
        }
        int bytes = value.getBytes(StandardCharsets.US_ASCII).length;
        if (bytes > maxBytes) {
            throw new IllegalArgumentException(field + ": must be at most " + maxBytes + " bytes, was " + bytes
                    + " bytes: " + show(value, secret));
        }
        return value;
    }

    /** Checks that {@code value} is within {@code [min, max]}. */
    public static int requireRange(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + ": must be " + min + "-" + max + ", was " + value);
        }
        return (int) value;
    }

    /** The value as shown in a message: quoted, or hidden for a secret. */
    public static String show(String value, boolean secret) {
        if (secret) {
            return "(value hidden)";
        }
        String v = value.length() > 60 ? value.substring(0, 60) + "..." : value;
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c < 0x20 || c == 0x7F) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static String describeChar(char c) {
        return switch (c) {
            case '"' -> "'\"'";
            case '\r' -> "CR";
            case '\n' -> "LF";
            default -> (c < 0x20 || c == 0x7F) ? String.format("control character U+%04X", (int) c)
                    : String.format("non-ASCII character U+%04X", (int) c);
        };
    }

    /**
     * Masks the passwords that commands and replies carry: the third quoted string of
     * {@code AT+QSMTPCFG="account",...} and {@code +QSMTPCFG: "account",...}, and of
     * {@code AT+QICSGP=...} and {@code +QICSGP: ...} (apn, user, password).
     */
    public static String mask(String line) {
        if (line == null) {
            return null;
        }
        String upper = line.toUpperCase(java.util.Locale.ROOT);
        boolean account = upper.contains("QSMTPCFG") && upper.contains("\"ACCOUNT\"");
        boolean apn = upper.contains("QICSGP");
        if (!account && !apn) {
            return line;
        }
        Matcher m = QUOTED.matcher(line);
        StringBuilder sb = new StringBuilder();
        int index = 0;
        boolean masked = false;
        while (m.find()) {
            if (index == 2) {
                m.appendReplacement(sb, Matcher.quoteReplacement("\"" + MASK + "\""));
                masked = true;
            } else {
                m.appendReplacement(sb, Matcher.quoteReplacement(m.group()));
            }
            index++;
        }
        m.appendTail(sb);
        String result = sb.toString();
        if (!masked) {
            int q = nthQuote(line, 4);
            if (q >= 0) {
                // An unterminated third string: hide everything after its opening quote.
                result = line.substring(0, q + 1) + MASK;
            }
        }
        return result;
    }

    private static int nthQuote(String s, int n) {
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '"' && ++count == n + 1) {
                return i;
            }
        }
        return -1;
    }

    /** Upper-case hex of {@code bytes}, as QSMTPSUB takes for non-ASCII charsets. */
    public static String hex(byte[] bytes) {
        char[] digits = "0123456789ABCDEF".toCharArray();
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = digits[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = digits[bytes[i] & 0xF];
        }
        return new String(out);
    }

    private static final Pattern LEADING_INTS = Pattern.compile("\\s*(\\d+)\\s*(?:,\\s*(\\d+))?.*");
    private static final Pattern QIACT =
            Pattern.compile("\\+QIACT:\\s*(\\d+)\\s*,\\s*(\\d+)(?:\\s*,\\s*(\\d+))?(?:\\s*,\\s*\"([^\"]*)\")?");

    /** The one or two comma-separated numbers {@code text} starts with ({@code "20,99"}); empty when none. */
    public static int[] leadingInts(String text, int most) {
        Matcher m = LEADING_INTS.matcher(text);
        if (!m.matches()) {
            return new int[0];
        }
        return m.group(2) == null || most < 2 ? new int[] {Integer.parseInt(m.group(1))}
                : new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    /** The fields id, state, type, address of a {@code +QIACT:} line (the last two may be null); null if it is none. */
    public static String[] qiact(String line) {
        Matcher m = QIACT.matcher(line);
        return m.find() ? new String[] {m.group(1), m.group(2), m.group(3), m.group(4)} : null;
    }

    /** The {@code <stat>} of a {@code +CGREG:} value ({@code "0,1"}, or {@code "1"} as a URC); -1 when unreadable. */
    public static int registrationStat(String cgreg) {
        String[] fields = cgreg.strip().split(",");
        String stat = (fields.length >= 2 ? fields[1] : fields[0]).strip();
        return stat.matches("\\d{1,2}") ? Integer.parseInt(stat) : -1;
    }
}
