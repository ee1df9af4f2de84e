package io.github.uc15mail.module;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

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
}
