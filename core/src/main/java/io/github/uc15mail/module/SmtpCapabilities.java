package io.github.uc15mail.module;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The SMTP settings a module accepts, read from its answer to {@code AT+QSMTPCFG=?}: which setting names
 * it lists ({@code "account"}, {@code "sender"}, {@code "smtpserver"}, {@code "contextid"},
 * {@code "sslctxid"}, {@code "ssltype"}, and on newer EG25-G firmware {@code "bodyoriginal"}) and, where the
 * answer shows one, the range of each numeric setting.
 *
 * <p>Guarantees: built only from what the module printed; a setting the module did not list is reported as
 * unsupported, never assumed. Parsing is tolerant (spacing, quoting, upper case, stray URC lines) and never
 * throws. Does not say what a setting means: what {@code "bodyoriginal"} does is not documented anywhere
 * the project has seen, so the SDK only reports that it exists.
 *
 * @param settings each listed setting, lower case, with its parameter fields as printed
 */
public record SmtpCapabilities(Map<String, List<String>> settings) {

    /** The prefix of the test command's information lines. */
    public static final String PREFIX = "+QSMTPCFG";
    /** The settings every send needs; a module that lists none of them has no usable SMTP service. */
    public static final List<String> REQUIRED = List.of("account", "sender", "smtpserver");

    public SmtpCapabilities {
        settings = settings.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    /** Reads the information lines of {@code AT+QSMTPCFG=?}. Never throws. */
    public static SmtpCapabilities parse(List<String> lines) {
        return new SmtpCapabilities(TestCommandLines.parse(PREFIX, lines));
    }

    /** Whether the module lists {@code name} (case does not matter). */
    public boolean supports(String name) {
        return settings.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** The names listed, sorted. */
    public Set<String> names() {
        return settings.keySet().stream().sorted().collect(Collectors.toCollection(TreeSet::new));
    }

    /** The required settings ({@link #REQUIRED}) the module did not list; empty when all are there. */
    public List<String> missingRequired() {
        return REQUIRED.stream().filter(n -> !supports(n)).toList();
    }

    /**
     * The numeric values the module shows for a one-number setting such as {@code "contextid"}: its first
     * parameter field, when that is a list like {@code (1-16)}. Empty when the setting is not listed or
     * its field is not numeric.
     */
    public Optional<AllowedValues> values(String name) {
        List<String> fields = settings.get(name.toLowerCase(Locale.ROOT));
        if (fields == null || fields.isEmpty()) {
            return Optional.empty();
        }
        return AllowedValues.parse(fields.get(0));
    }

    /** PDP context ids {@code "contextid"} takes, when shown. */
    public Optional<AllowedValues> contextIds() {
        return values("contextid");
    }

    /** SSL context ids {@code "sslctxid"} takes, when shown. */
    public Optional<AllowedValues> sslContextIds() {
        return values("sslctxid");
    }

    /** SSL types {@code "ssltype"} takes (0 none, 1 SSL/TLS, 2 STARTTLS), when shown. */
    public Optional<AllowedValues> sslTypes() {
        return values("ssltype");
    }

    /** Whether the module lists {@code "bodyoriginal"} (newer EG25-G firmware; its meaning is undocumented). */
    public boolean hasBodyOriginal() {
        return supports("bodyoriginal");
    }

    /**
     * For example {@code account, bodyoriginal (0,1), contextid (1-16), sender, smtpserver, sslctxid (0-5),
     * ssltype (0-2)}: the names sorted, each with its range where shown.
     */
    @Override
    public String toString() {
        return names().stream()
                .map(n -> values(n).map(v -> n + " " + v).orElse(n))
                .collect(Collectors.joining(", "));
    }
}
