package io.github.uc15mail.gateway.internal.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Headers are looked up by name ({@code h.apply("Host")}, null when absent).
 * What keeps other web pages from using the status page: the Host header must name this gateway (an IP
 * address, {@code localhost}, or a configured name), so a DNS-rebinding page cannot read it; a change
 * (POST) must come from the page itself: {@code Origin} (or, without it, {@code Referer}) is this host,
 * {@code Sec-Fetch-Site} if sent is {@code same-origin}, and the form carries this server's CSRF token.
 */
public final class RequestGuard {

    private final Set<String> names;
    private final String token;

    public RequestGuard(Set<String> allowedHostNames) {
        this.names = Set.copyOf(allowedHostNames.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList());
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The token forms carry. */
    public String token() {
        return token;
    }

    /** Whether the Host header names this gateway. */
    public boolean hostAllowed(Function<String, String> h) {
        String host = h.apply("Host");
        if (host == null || host.isBlank()) {
            return false;
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            return name.indexOf(']') > 0; // an IPv6 literal
        }
        int colon = name.lastIndexOf(':');
        if (colon >= 0) {
            name = name.substring(0, colon);
        }
        return name.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || name.equals("localhost") || names.contains(name);
    }

    /** Whether a POST comes from this gateway's own page with its token. */
    public boolean sameOriginWithToken(Function<String, String> h, String scheme, String formToken) {
        String self = scheme + "://" + h.apply("Host");
        String fetchSite = h.apply("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin")) {
            return false;
        }
        String origin = h.apply("Origin");
        if (origin != null) {
            if (!origin.equals(self)) {
                return false;
            }
        } else {
            String referer = h.apply("Referer");
            if (referer == null || !(referer.equals(self) || referer.startsWith(self + "/"))) {
                return false;
            }
        }
        return formToken != null && MessageDigest.isEqual(formToken.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }
}
