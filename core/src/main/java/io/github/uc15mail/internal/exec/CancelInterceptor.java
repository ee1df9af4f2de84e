package io.github.uc15mail.internal.exec;

import java.util.concurrent.CancellationException;

/**
 * Drops an operation cancelled while it waited in the queue before it writes anything. Once running, the work
 * polls {@link Attempt#cancelled()} at its own safe points (between commands, between upload blocks) and cleans up.
 */
final class CancelInterceptor implements Interceptor {

    @Override
    public <T> T intercept(Chain<T> chain) {
        if (chain.operation().isCancelled()) {
            throw new CancellationException(chain.operation().name() + " was cancelled before it started");
        }
        return chain.proceed();
    }
}
