package io.github.uc15mail.outbox.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter: base x 2^(n-1), capped, varied by +/- jitter. */
public final class Backoff {

    private Backoff() {}

    /** The delay after the {@code n}-th failed attempt (n from 1). */
    public static long delayMillis(int n, Duration base, Duration max, double jitter) {
        double d = base.toMillis() * Math.pow(2, Math.max(0, Math.min(n - 1, 30)));
        d = Math.min(d, max.toMillis());
        if (jitter > 0) {
            d *= 1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter);
        }
        return Math.max(0, Math.round(d));
    }
}
