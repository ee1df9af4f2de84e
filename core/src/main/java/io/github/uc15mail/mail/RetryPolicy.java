package io.github.uc15mail.mail;

import java.time.Duration;

/**
 * Whether and how often a failed send is tried again. The default is {@link #none()}. An opt-in policy
 * retries only failures that say they are retryable ({@link Uc15Exception#isRetryable()}) and only when
 * the outcome is not ambiguous: once the modem accepted {@code AT+QSMTPPUT}, a timeout or a lost link
 * may mean the email went out, so such a failure is never retried (it could deliver the email twice).
 */
public final class RetryPolicy {

    private static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO);

    private final int maxAttempts;
    private final Duration backoff;

    private RetryPolicy(int maxAttempts, Duration backoff) {
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    /** Never retry. */
    public static RetryPolicy none() {
        return NONE;
    }

    /** Up to {@code maxAttempts} attempts in all, waiting {@code backoff} before each retry. */
    public static RetryPolicy attempts(int maxAttempts, Duration backoff) {
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("max attempts: must be 1-100, was " + maxAttempts);
        }
        if (backoff == null || backoff.isNegative()) {
            throw new IllegalArgumentException("backoff: must be zero or positive, was " + backoff);
        }
        return new RetryPolicy(maxAttempts, backoff);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration backoff() {
        return backoff;
    }

    @Override
    public String toString() {
        return maxAttempts == 1 ? "RetryPolicy[none]" : "RetryPolicy[" + maxAttempts + " attempts, " + backoff + "]";
    }
}
