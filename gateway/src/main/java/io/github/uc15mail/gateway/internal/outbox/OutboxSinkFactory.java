package io.github.uc15mail.gateway.internal.outbox;

import io.github.uc15mail.gateway.MailSink;
import io.github.uc15mail.gateway.MailSinkFactory;
import io.github.uc15mail.outbox.Outbox;
import java.util.Properties;

/**
 * Opens the outbox named by {@code mail.uc15.store} ({@code sqlite:PATH} or {@code jdbc:postgresql:...}) for
 * the Jakarta Mail transport. A PostgreSQL user is {@code mail.uc15.store.user}; its password comes from the
 * environment variable named by {@code mail.uc15.store.password.env}, never from a property.
 */
public final class OutboxSinkFactory implements MailSinkFactory {

    @Override
    public boolean handles(String store) {
        return store.startsWith("sqlite:") || store.startsWith("jdbc:postgresql:");
    }

    @Override
    public MailSink open(String store, Properties properties) {
        String user = properties.getProperty("mail.uc15.store.user");
        String env = properties.getProperty("mail.uc15.store.password.env");
        String password = env == null ? null : System.getenv(env);
        if (env != null && password == null) {
            throw new IllegalArgumentException("mail.uc15.store.password.env: the environment variable " + env
                    + " is not set");
        }
        Outbox outbox = Outbox.open(store, user, password);
        return new OutboxSink(outbox, true);
    }
}
