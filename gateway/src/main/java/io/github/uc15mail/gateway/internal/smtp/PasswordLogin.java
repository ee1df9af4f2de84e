package io.github.uc15mail.gateway.internal.smtp;

import io.github.uc15mail.gateway.PasswordFile;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.AuthenticationHandler;
import org.subethamail.smtp.AuthenticationHandlerFactory;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;

/**
 * {@code AUTH PLAIN} and {@code AUTH LOGIN} against a {@link PasswordFile}, throttled by an
 * {@link AuthThrottle}. A wrong login is answered {@code 535 5.7.8} (RFC 4954) after the throttle's delay;
 * the failure that locks the address out is answered {@code 421 4.7.0} (the session then closes). Failures
 * are logged with the user name and address, never the password.
 */
public final class PasswordLogin implements AuthenticationHandlerFactory {

    private static final Logger log = LoggerFactory.getLogger("io.github.uc15mail.gateway.FrontDoor");

    private final EasyAuthenticationHandlerFactory delegate;
    private final AuthThrottle throttle;

    public PasswordLogin(PasswordFile users, AuthThrottle throttle) {
        this.throttle = throttle;
        this.delegate = new EasyAuthenticationHandlerFactory((user, password, ctx) -> {
            char[] chars = password == null ? new char[0] : password.toCharArray();
            if (!users.verify(user, chars)) {
                InetAddress from = ((java.net.InetSocketAddress) ctx.getRemoteAddress()).getAddress();
                boolean locked = throttle.failed(from, user);
                log.info("failed login for user {} from {}{}", user, from.getHostAddress(),
                        locked ? "; the address is locked out for " + throttle.lockout().toMinutes() + " min" : "");
                throw new LoginFailedException("Authentication failed");
            }
            throttle.succeeded(user);
        });
    }

    /** The reply to a login from a locked-out address. */
    static RejectException lockedOut(Instant until, Instant now) {
        long minutes = Math.max(1, (Duration.between(now, until).toSeconds() + 59) / 60);
        return new RejectException(421, "4.7.0 Too many failed logins from this address; try again in " + minutes
                + " min");
    }

    @Override
    public List<String> getAuthenticationMechanisms() {
        return delegate.getAuthenticationMechanisms();
    }

    @Override
    public AuthenticationHandler create() {
        AuthenticationHandler inner = delegate.create();
        return new AuthenticationHandler() {
            @Override
            public Optional<String> auth(String clientInput, MessageContext context) throws RejectException {
                InetAddress from = ((java.net.InetSocketAddress) context.getRemoteAddress()).getAddress();
                Optional<Instant> locked = throttle.lockedUntil(from);
                if (locked.isPresent()) {
                    throw lockedOut(locked.get(), Instant.now());
                }
                try {
                    return inner.auth(clientInput, context);
                } catch (RejectException e) {
                    if (e.getCode() == 535) {
                        Optional<Instant> now = throttle.lockedUntil(from);
                        if (now.isPresent()) {
                            throw lockedOut(now.get(), Instant.now());
                        }
                        throw new RejectException(535, "5.7.8 Authentication credentials invalid");
                    }
                    throw e;
                }
            }

            @Override
            public Object getIdentity() {
                return inner.getIdentity();
            }
        };
    }
}
