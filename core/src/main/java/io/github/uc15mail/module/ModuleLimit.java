package io.github.uc15mail.module;

import java.util.Objects;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;

/**
 * One limit of a module, with how sure uc15mail is of it and where it comes from.
 *
 * <p>Guarantees: {@link #provenance()} is never stronger than the evidence in the project's reference; a
 * limit no source states has no {@link #values()} and says why in {@link #note()}. Does not guarantee the
 * module enforces the limit the same way on every firmware.
 *
 * @param kind       which limit
 * @param values     the allowed numbers (a count or size as {@code 1..max}), empty when not numeric or not known
 * @param note       what the numbers mean, or why there are none (for example "RAM: files")
 * @param provenance probed, verified or inferred
 * @param source     where the value comes from, in a few words (a manual's name, "AT+QSMTPCFG=?")
 */
public record ModuleLimit(Kind kind, Optional<AllowedValues> values, String note, Provenance provenance, String source) {

    /** The limits a profile carries. */
    public enum Kind {
        /** Recipients (To, Cc and Bcc together) of one email. */
        RECIPIENTS("recipients"),
        /** Bytes of one recipient address, and of the other SMTP string settings (user, sender, server). */
        SMTP_STRING_BYTES("address/setting bytes"),
        /** Characters of an ASCII subject ({@code AT+QSMTPSUB=0}). */
        SUBJECT_ASCII_CHARS("subject ASCII chars"),
        /** Hex digits of a non-ASCII subject (two per byte). */
        SUBJECT_HEX_DIGITS("subject hex digits"),
        /** Bytes of the body ({@code AT+QSMTPBODY}). */
        BODY_BYTES("body bytes"),
        /** Body and subject charsets: 0 ASCII, 1 UTF-8, 2 GB2312, 3 BIG5. */
        CHARSETS("charsets"),
        /** Attachments of one email ({@code AT+QSMTPATT} index). */
        ATTACHMENTS("attachments"),
        /** Bytes of an attachment's file name, prefix included. */
        ATTACHMENT_NAME_BYTES("attachment name bytes"),
        /** Bytes of one attachment. */
        ATTACHMENT_BYTES("attachment bytes"),
        /** Where attachments are stored before the send. */
        FILE_STORAGE("file storage"),
        /** Seconds {@code AT+QSMTPPUT=<timeout>} takes. */
        SEND_TIMEOUT_SECONDS("send timeout s"),
        /** Seconds of {@code AT+QSMTPBODY}'s input time. */
        BODY_INPUT_SECONDS("body input time s"),
        /** Seconds the module may take to activate a PDP context ({@code AT+QIACT}). */
        PDP_ACTIVATE_SECONDS("PDP activation s"),
        /** PDP context ids {@code "contextid"} takes. */
        CONTEXT_IDS("contextid"),
        /** SSL context ids {@code "sslctxid"} takes. */
        SSL_CONTEXT_IDS("sslctxid"),
        /** SSL types {@code "ssltype"} takes: 0 none, 1 SSL/TLS, 2 STARTTLS. */
        SSL_TYPES("ssltype"),
        /** {@code AT+QSSLCFG="sslversion"} values. */
        SSL_VERSIONS("sslversion"),
        /** The module's SMTP error codes ({@code <err>} of {@code +CME ERROR} and {@code +QSMTPPUT}). */
        ERROR_CODES("error codes");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** A short name for descriptions. */
        public String label() {
            return label;
        }
    }

    public ModuleLimit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(values, "values");
        note = Objects.requireNonNullElse(note, "");
        Objects.requireNonNull(provenance, "provenance");
        source = Objects.requireNonNullElse(source, "");
    }

    /** The largest allowed number, when known. */
    public Optional<Long> max() {
        return values.map(AllowedValues::max);
    }

    /**
     * For example {@code recipients 1-20 [inferred]} or {@code file storage RAM: (else UFS) [verified]}.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(kind.label());
        values.ifPresent(v -> sb.append(' ').append(v));
        if (!note.isEmpty()) {
            sb.append(" ").append(note);
        }
        return sb.append(" [").append(provenance.label()).append(']').toString();
    }

    /**
     * How sure uc15mail is of one fact in a {@link ModuleProfile}, following the project's reference
     * ({@code quectel-smtp-family.md}): a value printed by the module itself, one seen in a vendor manual or a
     * captured device output for that model, or one carried over from a sibling model.
     *
     * <p>None of these means "tried on hardware by this project": no module has been.
     */
    public enum Provenance {
        /** Read from this very module, from its answer to a test command such as {@code AT+QSMTPCFG=?}. */
        PROBED("probed"),
        /** Seen in the vendor's manual for this model, or in a captured output of this model. */
        VERIFIED("verified"),
        /** Not seen for this model: carried over from a sibling in the same command family (usually the UC15). */
        INFERRED("inferred");

        private final String label;

        Provenance(String label) {
            this.label = label;
        }

        /** Lower case, as shown in descriptions: {@code probed}, {@code verified}, {@code inferred}. */
        public String label() {
            return label;
        }
    }

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
}
