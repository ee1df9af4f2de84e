package io.github.uc15mail.module;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The numbers a module accepts for one parameter, as its test command prints them: {@code (0-5)},
 * {@code (0,1)}, {@code (6,8,10-24)} or hexadecimal {@code (0X0035,0XFFFF)}. Immutable.
 *
 * <p>Guarantees: {@link #parse(String)} never throws; a list that is not all numbers (such as
 * {@code ("off","on")} or {@code <username>}) gives an empty result rather than a guess. Does not
 * guarantee that the module accepts every value in the set in every state; it is what the module
 * advertises.
 *
 * @param ranges the closed ranges, in the order printed; never empty
 */
public record AllowedValues(List<Range> ranges) {

    /** One closed range {@code min..max}; a single value has {@code min == max}. */
    public record Range(long min, long max) {
        public Range {
            if (min > max) {
                throw new IllegalArgumentException("range: min " + min + " is above max " + max);
            }
        }

        boolean contains(long value) {
            return value >= min && value <= max;
        }
    }

    public AllowedValues {
        ranges = List.copyOf(Objects.requireNonNull(ranges, "ranges"));
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("ranges: must not be empty");
        }
    }

    /** The values {@code min} to {@code max}, both included. */
    public static AllowedValues between(long min, long max) {
        return new AllowedValues(List.of(new Range(min, max)));
    }

    /**
     * Parses a parenthesised list such as {@code (1-16)}, {@code (0,1)}, {@code (6,8,10-24)},
     * {@code (0X0035,0XFFFF)} or {@code (5- 60)}. Empty when the text is not such a list.
     */
    public static Optional<AllowedValues> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.length() < 3 || t.charAt(0) != '(' || t.charAt(t.length() - 1) != ')') {
            return Optional.empty();
        }
        List<Range> out = new ArrayList<>();
        for (String item : t.substring(1, t.length() - 1).split(",", -1)) {
            Optional<Range> r = parseItem(item.strip());
            if (r.isEmpty()) {
                return Optional.empty();
            }
            out.add(r.get());
        }
        return Optional.of(new AllowedValues(out));
    }

    private static Optional<Range> parseItem(String item) {
        int dash = item.indexOf('-', 1);
        if (dash < 0) {
            return number(item).map(v -> new Range(v, v));
        }
        Optional<Long> lo = number(item.substring(0, dash).strip());
        Optional<Long> hi = number(item.substring(dash + 1).strip());
        if (lo.isEmpty() || hi.isEmpty() || lo.get() > hi.get()) {
            return Optional.empty();
        }
        return Optional.of(new Range(lo.get(), hi.get()));
    }

    private static Optional<Long> number(String s) {
        try {
            if (s.length() > 2 && (s.startsWith("0x") || s.startsWith("0X"))) {
                return Optional.of(Long.parseLong(s.substring(2), 16));
            }
            if (s.isEmpty() || !s.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code value} is one of the values. */
    public boolean contains(long value) {
        return ranges.stream().anyMatch(r -> r.contains(value));
    }

    /** The smallest value. */
    public long min() {
        return ranges.stream().mapToLong(Range::min).min().orElseThrow();
    }

    /** The largest value. */
    public long max() {
        return ranges.stream().mapToLong(Range::max).max().orElseThrow();
    }

    /** In the module's notation, for example {@code (0-5)} or {@code (0,1)}; always decimal. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < ranges.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Range r = ranges.get(i);
            sb.append(r.min());
            if (r.max() != r.min()) {
                sb.append('-').append(r.max());
            }
        }
        return sb.append(')').toString();
    }
}
