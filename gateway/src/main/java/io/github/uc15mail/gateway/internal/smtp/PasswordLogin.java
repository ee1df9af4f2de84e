package io.github.uc15mail.gateway.internal.smtp;

import io.github.uc15mail.gateway.PasswordFile;
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
 * {@code AUTH PLAIN} and {@code AUTH LOGIN} against a {@link PasswordFile}. A wrong login is answered
 * {@code 535 5.7.8} (RFC 4954) and logged with the user name, never the password.
 */
public final class PasswordLogin implements AuthenticationHandlerFactory {

    private static final Logger log = LoggerFactory.getLogger("io.github.uc15mail.gateway.FrontDoor");

    private final EasyAuthenticationHandlerFactory delegate;

    public PasswordLogin(PasswordFile users) {
        this.delegate = new EasyAuthenticationHandlerFactory((user, password, ctx) -> {
            char[] chars = password == null ? new char[0] : password.toCharArray();
            if (!users.verify(user, chars)) {
                log.info("failed login for user {} from {}", user, ctx.getRemoteAddress());
                throw new LoginFailedException("Authentication failed");
            }
        });
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
                try {
                    return inner.auth(clientInput, context);
                } catch (RejectException e) {
                    if (e.getCode() == 535) {
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
