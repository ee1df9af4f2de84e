package io.github.uc15mail.module;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who the module says it is, from its answer to {@code ATI}: {@code Quectel} / the model / {@code Revision:
 * <firmware>}, for example {@code Quectel}, {@code EG25}, {@code Revision: EG25GGBR07A08M2G}.
 *
 * <p>Guarantees: {@link #parse(List)} never throws. It skips the command's echo, blank lines, {@code OK},
 * {@code RDY} and lines starting with {@code +} (stray URCs); it drops a {@code Quectel_} prefix from the
 * model (GSM modules print {@code Quectel_M95}); it takes the model from the start of the revision when
 * line 2 is missing. A field that could not be read is the empty string. The USB id of the port is never
 * used here: {@code ATI} decides what the module is.
 *
 * @param manufacturer line 1, normally {@code Quectel}; may be empty
 * @param model        line 2 as printed, such as {@code EC25}, {@code EG25} (an EG25-G) or {@code BG95-M3};
 *                     may be empty
 * @param revision     the text after {@code Revision:}, such as {@code EC25EFAR06A03M4G}; may be empty
 */
public record ModuleIdentity(String manufacturer, String model, String revision) {

    public ModuleIdentity {
        manufacturer = Objects.requireNonNullElse(manufacturer, "").strip();
        model = Objects.requireNonNullElse(model, "").strip();
        revision = Objects.requireNonNullElse(revision, "").strip();
    }

    /** Reads the information lines of {@code ATI} (with or without the echo and the final {@code OK}). */
    public static ModuleIdentity parse(List<String> atiLines) {
        List<String> names = new ArrayList<>();
        String revision = "";
        for (String raw : atiLines == null ? List.<String>of() : atiLines) {
            if (raw == null) {
                continue;
            }
            String line = raw.strip();
            String upper = line.toUpperCase(Locale.ROOT);
            if (line.isEmpty() || upper.equals("OK") || upper.equals("RDY") || line.startsWith("+")
                    || upper.equals("ATI") || upper.equals("ATI0")) {
                continue;
            }
            if (upper.startsWith("REVISION:")) {
                if (revision.isEmpty()) {
                    revision = line.substring("Revision:".length()).strip();
                }
                continue;
            }
            names.add(line);
        }
        String manufacturer = names.isEmpty() ? "" : names.get(0);
        String model = names.size() > 1 ? stripVendorPrefix(names.get(1)) : "";
        if (model.isEmpty() && names.size() == 1 && ModuleFamily.baseModel(stripVendorPrefix(manufacturer)).isPresent()) {
            // a single line naming the model only
            model = stripVendorPrefix(manufacturer);
            manufacturer = "";
        }
        if (model.isEmpty()) {
            model = ModuleFamily.baseModel(revision).orElse("");
        }
        return new ModuleIdentity(manufacturer, model, revision);
    }

    private static String stripVendorPrefix(String s) {
        String t = s.strip();
        if (t.regionMatches(true, 0, "Quectel_", 0, 8) || t.regionMatches(true, 0, "Quectel ", 0, 8)) {
            return t.substring(8).strip();
        }
        return t;
    }

    /** The base model, such as {@code EC25} for {@code EC25EFA} or {@code EG25} for {@code EG25-G}; else the model upper-cased. */
    public String baseModel() {
        return ModuleFamily.baseModel(model).orElse(model.toUpperCase(Locale.ROOT));
    }

    /** The family of {@link #model()}, or failing that of {@link #revision()}. */
    public ModuleFamily family() {
        ModuleFamily f = ModuleFamily.of(model);
        return f != ModuleFamily.UNKNOWN ? f : ModuleFamily.of(revision);
    }

    /** Whether line 1 names Quectel. */
    public boolean isQuectel() {
        return manufacturer.toLowerCase(Locale.ROOT).startsWith("quectel");
    }

    /** For example {@code EC25 (revision EC25EFAR06A03M4G)}, or {@code unknown model (revision …)}. */
    @Override
    public String toString() {
        String name = model.isEmpty() ? "unknown model" : model;
        return revision.isEmpty() ? name + " (revision unknown)" : name + " (revision " + revision + ")";
    }

    /**
     * The Quectel module families uc15mail tells apart, by the model name in {@code ATI} line 2 (or the start of
     * the firmware revision). See {@code quectel-smtp-family.md} in the project's shared references.
     *
     * <p>Guarantees: {@link #of(String)} never throws and matches a model only at its start and only when the
     * next character is not a digit, so {@code EC200U} is not taken for an {@code EC20} and {@code EG915U} not for
     * an {@code EG91}. Variants such as {@code EC25EFA}, {@code EG25-G}, {@code EM05-G} or {@code BG95-M3} match
     * their base model. Does not decide alone whether a module can send mail: the SMTP test command does
     * ({@link io.github.uc15mail.at.ModuleProbe}); the family only chooses the limits and says how sure they are.
     */
    public enum ModuleFamily {
        /** The 3G UC15, the SDK's baseline: its SMTP manual is the source of every limit. */
        UC15("UC15", true, List.of("UC15")),
        /** The 3G UC20: same command set, seen in public driver code; limits inferred from the UC15. */
        UC20("UC20", true, List.of("UC20")),
        /**
         * LTE Cat 1/4 modules covered by the "EC2x&amp;EG9x&amp;EG2x-G&amp;EM05 SMTP" manuals: EC20, EC21, EC25,
         * EG21(-G), EG25(-G), EG91, EG95, EM05.
         */
        EC2X("EC2x/EG2x/EG9x/EM05", true, List.of("EC20", "EC21", "EC25", "EG21", "EG25", "EG91", "EG95", "EM05")),
        /** The automotive AG35: its SMTP manual lists the same commands; the values are inferred. */
        AG35("AG35", true, List.of("AG35")),
        /** LPWA modules without an SMTP service: BG95-M3 answers ERROR to {@code AT+QSMTPCFG=?}; no BG96 manual has it. */
        LPWA_NO_SMTP("BG95/BG96/BG77/BG600L", false, List.of("BG95", "BG96", "BG77", "BG600L")),
        /**
         * GSM M-series: an SMTP service with another command set ({@code AT+QSMTPUSER}, {@code AT+QSMTPSRV}, …),
         * which would need its own adapter.
         */
        GSM_M_SERIES("GSM M-series", false,
                List.of("M95", "M66", "MC60", "GC65", "M26", "M35", "M85", "MC20", "MC25", "M72", "M10", "M12")),
        /** A model the SDK does not know; whether it can send is decided by probing alone. */
        UNKNOWN("unknown", true, List.of());

        private final String label;
        private final boolean qsmtpKind;
        private final List<String> baseModels;
        private final Pattern pattern;

        ModuleFamily(String label, boolean qsmtpKind, List<String> baseModels) {
            this.label = label;
            this.qsmtpKind = qsmtpKind;
            this.baseModels = baseModels;
            this.pattern = baseModels.isEmpty() ? null
                    : Pattern.compile("^(" + String.join("|", baseModels) + ")(?![0-9])");
        }

        /** A short name for messages, such as {@code EC2x/EG2x/EG9x/EM05}. */
        public String label() {
            return label;
        }

        /**
         * Whether the family is expected to have the {@code AT+QSMTPCFG} service uc15mail drives. True for
         * {@link #UNKNOWN} too, since probing decides there.
         */
        public boolean expectsQsmtpService() {
            return qsmtpKind;
        }

        /** The base model names of the family, such as {@code EC25}; empty for {@link #UNKNOWN}. */
        public List<String> baseModels() {
            return baseModels;
        }

        /** The family of a model name (or a firmware revision); {@link #UNKNOWN} when none matches. */
        public static ModuleFamily of(String model) {
            return match(model).map(Match::family).orElse(UNKNOWN);
        }

        /**
         * The base model at the start of {@code text}: {@code EC25} for {@code EC25EFA} or
         * {@code EC25EFAR06A03M4G}, {@code EG25} for {@code EG25-G}, {@code BG95} for {@code BG95-M3}. Empty when
         * no known model starts it.
         */
        public static Optional<String> baseModel(String text) {
            return match(text).map(Match::base);
        }

        private record Match(ModuleFamily family, String base) {
        }

        private static Optional<Match> match(String text) {
            if (text == null) {
                return Optional.empty();
            }
            String t = text.strip().toUpperCase(Locale.ROOT);
            for (ModuleFamily f : values()) {
                if (f.pattern == null) {
                    continue;
                }
                Matcher m = f.pattern.matcher(t);
                if (m.find()) {
                    return Optional.of(new Match(f, m.group(1)));
                }
            }
            return Optional.empty();
        }
    }
}
