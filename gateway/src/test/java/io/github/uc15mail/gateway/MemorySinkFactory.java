package io.github.uc15mail.gateway;

import java.util.Properties;

/** A store for transport tests: {@code mail.uc15.store=memory:NAME} queues into {@link #SINK}. */
public final class MemorySinkFactory implements MailSinkFactory {

    static final RecordingSink SINK = new RecordingSink();

    @Override
    public boolean handles(String store) {
        return store.startsWith("memory:");
    }

    @Override
    public MailSink open(String store, Properties properties) {
        return SINK;
    }
}
