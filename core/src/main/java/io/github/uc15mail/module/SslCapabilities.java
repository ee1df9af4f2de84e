package io.github.uc15mail.module;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

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
