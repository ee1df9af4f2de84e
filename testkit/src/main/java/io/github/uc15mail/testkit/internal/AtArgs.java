package io.github.uc15mail.testkit.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The comma-separated parameters of an AT write command, each either a quoted string or a bare token.
 * Parsing never throws anything but {@link BadArgs}.
 */
public final class AtArgs {

    /** A parameter list that cannot be parsed or a parameter of the wrong kind or range. */
    public static final class BadArgs extends Exception {
        public BadArgs(String message) {
            super(message, null, false, false);
        }
    }

    private final List<String> values;
    private final List<Boolean> quoted;

    private AtArgs(List<String> values, List<Boolean> quoted) {
        this.values = values;
        this.quoted = quoted;
    }

    /** Parses {@code text} (what follows the {@code =}). An empty text gives no parameters. */
    public static AtArgs parse(String text) throws BadArgs {
        List<String> values = new ArrayList<>();
        List<Boolean> quoted = new ArrayList<>();
        int n = text.length();
        if (text.isBlank()) {
            return new AtArgs(values, quoted);
        }
        int i = 0;
        while (true) {
            while (i < n && text.charAt(i) == ' ') {
                i++;
            }
            if (i < n && text.charAt(i) == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    throw new BadArgs("unterminated string");
                }
                values.add(text.substring(i + 1, end));
                quoted.add(true);
                i = end + 1;
                while (i < n && text.charAt(i) == ' ') {
                    i++;
                }
                if (i < n && text.charAt(i) != ',') {
                    throw new BadArgs("text after a closing quote");
                }
            } else {
                int end = text.indexOf(',', i);
                if (end < 0) {
                    end = n;
                }
                String token = text.substring(i, end).trim();
                if (token.indexOf('"') >= 0) {
                    throw new BadArgs("stray quote");
                }
                values.add(token);
                quoted.add(false);
                i = end;
            }
            if (i >= n) {
                break;
            }
            i++; // the comma
            if (i >= n) {
                values.add("");
                quoted.add(false);
                break;
            }
        }
        return new AtArgs(values, quoted);
    }

    public int size() {
        return values.size();
    }

    public boolean isQuoted(int index) {
        return index < quoted.size() && quoted.get(index);
    }

    /** The string parameter at {@code index}; it must be quoted and at most {@code maxBytes} long. */
    public String string(int index, int maxBytes) throws BadArgs {
        if (index >= values.size() || !quoted.get(index)) {
            throw new BadArgs("parameter " + index + " must be a quoted string");
        }
        String v = values.get(index);
        if (v.length() > maxBytes) {
            throw new BadArgs("parameter " + index + " longer than " + maxBytes);
        }
        return v;
    }

    /** The integer parameter at {@code index} within {@code [min, max]}. */
    public long integer(int index, long min, long max) throws BadArgs {
        if (index >= values.size() || quoted.get(index)) {
            throw new BadArgs("parameter " + index + " must be a number");
        }
        String v = values.get(index);
        long value;
        try {
            if (v.startsWith("0x") || v.startsWith("0X")) {
                value = Long.parseLong(v.substring(2), 16);
            } else {
                if (v.isEmpty() || v.length() > 12 || !v.chars().allMatch(Character::isDigit)) {
                    throw new BadArgs("not a number: " + v);
                }
                value = Long.parseLong(v);
            }
        } catch (NumberFormatException e) {
            throw new BadArgs("not a number: " + v);
        }
        if (value < min || value > max) {
            throw new BadArgs("out of range: " + v);
        }
        return value;
    }

    /** Like {@link #integer(int, long, long)} but returns {@code dflt} when the parameter is absent. */
    public long integer(int index, long min, long max, long dflt) throws BadArgs {
        if (index >= values.size()) {
            return dflt;
        }
        return integer(index, min, max);
    }

    public int intValue(int index, int min, int max) throws BadArgs {
        return (int) integer(index, min, max);
    }

    public int intValue(int index, int min, int max, int dflt) throws BadArgs {
        return (int) integer(index, min, max, dflt);
    }
}
