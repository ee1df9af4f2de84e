package io.github.uc15mail.benchmarks;

import io.github.uc15mail.transport.Transport;
import io.github.uc15mail.transport.Transport.TransportListener;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link Transport} that counts every byte it carries, each way, and otherwise only delegates. */
public final class CountingTransport implements Transport {

    private final Transport delegate;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong received = new AtomicLong();

    public CountingTransport(Transport delegate) {
        this.delegate = delegate;
    }

    /** Bytes the host wrote towards the modem. */
    public long bytesWritten() {
        return written.get();
    }

    /** Bytes the modem sent to the host. */
    public long bytesReceived() {
        return received.get();
    }

    @Override
    public void open(TransportListener listener) throws IOException {
        delegate.open(new TransportListener() {
            @Override
            public void onBytes(byte[] data, int offset, int length) {
                received.addAndGet(length);
                listener.onBytes(data, offset, length);
            }

            @Override
            public void onClosed(Throwable cause) {
                listener.onClosed(cause);
            }
        });
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        delegate.write(data, offset, length);
        written.addAndGet(length);
    }

    @Override
    public boolean isOpen() {
        return delegate.isOpen();
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
