package io.github.uc15mail.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The one wait for tests that cannot be told when something happened: polls a condition every 10 ms until it
 * holds, and fails with an {@link AssertionError} after {@code timeout}. Never asserts on how long it took.
 */
public final class Waits {

    private static final long POLL_NANOS = Duration.ofMillis(10).toNanos();

    private Waits() {}

    /** Returns once {@code condition} holds; throws {@link AssertionError} when it did not within {@code timeout}. */
    public static void until(Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("condition not met within " + timeout);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Math.min(left, POLL_NANOS));
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting");
            }
        }
    }
}
