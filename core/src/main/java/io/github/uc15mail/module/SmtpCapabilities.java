package io.github.uc15mail.module;

import io.github.uc15mail.module.ModuleLimit.AllowedValues;
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

    /**
     * The SSL options a module accepts, read from its answer to {@code AT+QSSLCFG=?}: which option names it
     * lists ({@code "sslversion"}, {@code "ciphersuite"}, {@code "seclevel"}, {@code "cacert"}, and on later
     * modules {@code "sni"}, {@code "ignorelocaltime"}, {@code "negotiatetime"}, …) and the ranges it shows.
     * Each line has the form {@code +QSSLCFG: "<option>",(<ctx range>),<value>…}.
     *
     * <p>Guarantees: built only from what the module printed; an option it did not list is reported as
     * unsupported. Parsing is tolerant and never throws. Does not check that the module's SSL stack works
     * with a given server: that is only known when a send is tried.
     *
     * @param options each listed option, lower case, with its parameter fields as printed (the first field is
     *                the SSL context range)
     */
    public record SslCapabilities(Map<String, List<String>> options) {

        /** The prefix of the test command's information lines. */
        public static final String PREFIX = "+QSSLCFG";

        public SslCapabilities {
            options = options.entrySet().stream()
                    .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
        }

        /** Reads the information lines of {@code AT+QSSLCFG=?}. Never throws. */
        public static SslCapabilities parse(List<String> lines) {
            return new SslCapabilities(TestCommandLines.parse(PREFIX, lines));
        }

        /** Whether the module lists {@code option} (case does not matter). */
        public boolean supports(String option) {
            return options.containsKey(option.toLowerCase(Locale.ROOT));
        }

        /** The option names listed, sorted. */
        public Set<String> names() {
            return options.keySet().stream().collect(Collectors.toCollection(TreeSet::new));
        }

        /** The values field {@code index} of {@code option} shows (0 is the SSL context range), when numeric. */
        public Optional<AllowedValues> values(String option, int index) {
            List<String> fields = options.get(option.toLowerCase(Locale.ROOT));
            if (fields == null || index < 0 || index >= fields.size()) {
                return Optional.empty();
            }
            return AllowedValues.parse(fields.get(index));
        }

        /** SSL context ids, from the first field of {@code "sslversion"}. */
        public Optional<AllowedValues> contextIds() {
            return values("sslversion", 0);
        }

        /** {@code "sslversion"} values: 0 SSL 3.0, 1 TLS 1.0, 2 TLS 1.1, 3 TLS 1.2, 4 all (the meanings are inferred). */
        public Optional<AllowedValues> sslVersions() {
            return values("sslversion", 1);
        }

        /** {@code "seclevel"} values: 0 no verification, 1 verify the server, 2 mutual. */
        public Optional<AllowedValues> securityLevels() {
            return values("seclevel", 1);
        }

        /** {@code "negotiatetime"} seconds, when listed. */
        public Optional<AllowedValues> negotiateSeconds() {
            return values("negotiatetime", 1);
        }

        /** The cipher suites listed for {@code "ciphersuite"}, as numbers ({@code 0xFFFF} means all). */
        public List<Long> cipherSuites() {
            return values("ciphersuite", 1)
                    .map(v -> v.ranges().stream().filter(r -> r.min() == r.max()).map(AllowedValues.Range::min).toList())
                    .orElse(List.of());
        }

        /** Whether server name indication can be turned on ({@code "sni"} is listed). */
        public boolean hasSni() {
            return supports("sni");
        }

        /** For example {@code sslversion (0-4), seclevel (0-2), 28 cipher suites, options: alpn, cacert, …}. */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            sslVersions().ifPresent(v -> sb.append("sslversion ").append(v).append(", "));
            securityLevels().ifPresent(v -> sb.append("seclevel ").append(v).append(", "));
            int ciphers = cipherSuites().size();
            if (ciphers > 0) {
                sb.append(ciphers).append(" cipher suites, ");
            }
            return sb.append("options: ").append(String.join(", ", names())).toString();
        }
    }
}
