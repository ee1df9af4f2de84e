package io.github.uc15mail.internal.exec;

import io.github.uc15mail.at.TrafficListener;

/**
 * Counts the bytes each attempt writes to the modem (command lines with their CR, and payloads) into
 * {@link Attempt#bytesWritten()}. One listener on the session for the modem's life; it credits the attempt that
 * holds the modem, which is the only one writing.
 */
final class TrafficInterceptor implements Interceptor, TrafficListener {

    private volatile Attempt current;

    @Override
    public <T> T intercept(Chain<T> chain) {
        Attempt outer = current;
        current = chain.attempt();
        try {
            return chain.proceed();
        } finally {
            current = outer;
        }
    }

    @Override
    public void onCommand(String maskedLine) {
        Attempt a = current;
        if (a != null) {
            a.bytesWritten.addAndGet(maskedLine.length() + 1L);
        }
    }

    @Override
    public void onPayload(String maskedCommand, long bytes) {
        Attempt a = current;
        if (a != null) {
            a.bytesWritten.addAndGet(bytes);
        }
    }
}
