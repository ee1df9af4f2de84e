package io.github.uc15mail.gateway;

import java.util.Properties;

/**
 * Opens the {@link MailSink} named by {@code mail.uc15.store} (such as {@code sqlite:/var/lib/uc15mail/outbox.db})
 * for the Jakarta Mail transport. Found with {@link java.util.ServiceLoader}: a module that provides a store
 * (the outbox) lists its factory in {@code META-INF/services/io.github.uc15mail.gateway.MailSinkFactory}.
 * A sink that is also {@link AutoCloseable} is closed when the transport closes.
 */
public interface MailSinkFactory {

    /** Whether this factory opens {@code store} (it usually looks at the prefix, such as {@code sqlite:}). */
    boolean handles(String store);

    /**
     * Opens the sink.
     *
     * @param store the value of {@code mail.uc15.store}
     * @param properties the Jakarta Mail session's properties (for the factory's own {@code mail.uc15.*} keys)
     * @throws Exception the store cannot be opened; the message must not name secrets
     */
    MailSink open(String store, Properties properties) throws Exception;
}
