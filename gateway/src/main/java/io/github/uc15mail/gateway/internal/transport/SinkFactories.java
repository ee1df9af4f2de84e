package io.github.uc15mail.gateway.internal.transport;

import io.github.uc15mail.gateway.MailSink;
import io.github.uc15mail.gateway.MailSinkFactory;
import jakarta.mail.MessagingException;
import java.util.Properties;
import java.util.ServiceLoader;

/** Finds the {@link MailSinkFactory} for {@code mail.uc15.store} on the class path and opens its sink. */
public final class SinkFactories {

    private SinkFactories() {}

    public static MailSink open(String store, Properties properties) throws MessagingException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (MailSinkFactory f : ServiceLoader.load(MailSinkFactory.class,
                loader != null ? loader : SinkFactories.class.getClassLoader())) {
            if (f.handles(store)) {
                try {
                    return f.open(store, properties);
                } catch (Exception e) {
                    throw new MessagingException(TransportSettings.PREFIX + "store: cannot open " + store + ": "
                            + e.getMessage(), e);
                }
            }
        }
        throw new MessagingException(TransportSettings.PREFIX + "store: nothing on the class path opens \"" + store
                + "\" (the outbox module, uc15mail-outbox, opens sqlite: stores)");
    }
}
