package io.github.uc15mail.gateway.internal.http;

import io.github.uc15mail.gateway.internal.smtp.AuthThrottle;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status page's HTTP Basic login, throttled as SMTP AUTH is ({@link AuthThrottle}): each wrong password from
 * an address or for a user is answered later than the one before (1 s doubling to 8 s by default), the 5th from
 * one address in the window locks it out (429 with {@code Retry-After}) for the lockout, correct password or not.
 * A request without credentials is asked for them (401) and counts for nothing. Failures are logged with the
 * user name and address, never the password.
 *
 * <p>It decides; the server answers (after {@link Refusal#delay()}, without holding a worker). Thread-safe. What
 * it does not do: remember anything across restarts, or lock a user name (anyone could lock a real user out).
 */
public final class PageLogin {

    private static final Logger log = LoggerFactory.getLogger(PageLogin.class);
    private static final Map<String, String> ASK = Map.of("WWW-Authenticate", "Basic realm=\"uc15mail\", charset=\"UTF-8\"");

    /** How a request is refused: its status, body, extra headers, and how long to wait before answering. */
    public record Refusal(int status, String body, Map<String, String> headers, Duration delay) {}

    private final BiPredicate<String, char[]> verify;
    private final AuthThrottle throttle;
    private final Clock clock;

    /** A login checking passwords with {@code verify}, throttled with the SMTP front door's defaults. */
    public PageLogin(BiPredicate<String, char[]> verify, Clock clock) {
        this(verify, clock, new AuthThrottle(clock, d -> { }, Duration.ofSeconds(1), Duration.ofSeconds(8), 5,
                Duration.ofMinutes(15), Duration.ofMinutes(5)));
    }

    PageLogin(BiPredicate<String, char[]> verify, Clock clock, AuthThrottle throttle) {
        this.verify = verify;
        this.clock = clock;
        this.throttle = throttle;
    }

    /** Empty when {@code authorization} (the header, may be null) logs a user in from {@code address}. */
    public Optional<Refusal> check(InetAddress address, String authorization) {
        Optional<Instant> locked = throttle.lockedUntil(address);
        if (locked.isPresent()) {
            return Optional.of(lockedOut(locked.get()));
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.of(new Refusal(401, "login required", ASK, Duration.ZERO));
        }
        String user = null;
        try {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            if (colon > 0) {
                user = pair.substring(0, colon);
                if (verify.test(user, pair.substring(colon + 1).toCharArray())) {
                    throttle.succeeded(user);
                    return Optional.empty();
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64: a failed login without a user name
        }
        String shown = user == null ? "?" : user.replaceAll("\\p{Cntrl}", "?");
        Optional<Duration> delay = throttle.record(address, user);
        if (delay.isEmpty()) {
            log.warn("status page: {} locked out for {} s after too many failed logins (the last for user {})",
                    address.getHostAddress(), throttle.lockout().toSeconds(), shown);
            return Optional.of(lockedOut(clock.instant().plus(throttle.lockout())));
        }
        log.info("failed status page login for user {} from {}; answered after {} ms", shown, address.getHostAddress(),
                delay.get().toMillis());
        return Optional.of(new Refusal(401, "login required", ASK, delay.get()));
    }

    private Refusal lockedOut(Instant until) {
        long seconds = Math.max(1, Duration.between(clock.instant(), until).toSeconds());
        return new Refusal(429, "too many failed logins from this address; try again in " + seconds + " s",
                Map.of("Retry-After", Long.toString(seconds)), Duration.ZERO);
    }

    /** Failed logins since start ({@code uc15mail_http_auth_failures_total}). */
    public long failures() {
        return throttle.failures();
    }

    /** Address lockouts since start ({@code uc15mail_http_auth_lockouts_total}). */
    public long lockouts() {
        return throttle.lockouts();
    }
}
