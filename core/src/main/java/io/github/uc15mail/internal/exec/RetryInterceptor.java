package io.github.uc15mail.internal.exec;

import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.mail.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the rest of the chain again after a failure the operation's {@link RetryPolicy} allows: one that
 * {@linkplain Uc15Exception#isRetryable() is retryable} and whose outcome is known, never after a cancellation.
 * Sits outside the queue, so the modem is free for others during the backoff.
 */
final class RetryInterceptor implements Interceptor {

    private static final Logger log = LoggerFactory.getLogger(RetryInterceptor.class);

    @Override
    public <T> T intercept(Chain<T> chain) {
        RetryPolicy policy = chain.operation().retry;
        while (true) {
            try {
                return chain.proceed();
            } catch (Uc15Exception e) {
                int attempt = chain.attempt().number();
                if (chain.operation().isCancelled() || attempt >= policy.maxAttempts() || !e.isRetryable()
                        || e.isOutcomeUnknown()) {
                    throw e;
                }
                log.info("{}: attempt {} failed ({}); retrying in {} ms", chain.operation().name(), attempt,
                        e.getMessage(), policy.backoff().toMillis());
                try {
                    Thread.sleep(policy.backoff().toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                chain.nextAttempt();
            }
        }
    }
}
