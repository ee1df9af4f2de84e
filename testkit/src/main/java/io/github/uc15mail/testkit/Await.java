package io.github.uc15mail.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one way tests wait for something that happens on another thread: polls a condition, a little slower
 * each time (1 ms up to 50 ms), until it holds or the timeout passes, then fails with an {@link AssertionError}
 * naming what was awaited. Never a bare sleep in a test.
 *
 * <p>Guarantees: returns as soon as a poll sees the condition hold; the timeout is generous by design (a
 * deadline, not a measurement: no test asserts wall time). Does not guarantee the condition still holds after
 * it returns.
 */
public final class Await {

    /** The deadline tests use unless they have a reason for another. */
    public static final Duration DEFAULT = Duration.ofSeconds(30);

    private Await() {}

    /** Waits until {@code condition} holds, at most {@link #DEFAULT}. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, DEFAULT, condition);
    }

    /** Waits until {@code condition} holds, at most {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        value(what, timeout, condition::getAsBoolean, Boolean::booleanValue);
    }

    /**
     * As {@link #until(String, Duration, BooleanSupplier)}; when it times out, the failure also carries what
     * {@code diagnosis} says at that moment (a log's tail, the state around the condition).
     */
    public static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<String> diagnosis) {
        value(what, timeout, condition::getAsBoolean, Boolean::booleanValue, diagnosis);
    }

    /** Polls {@code supplier} until {@code accept} takes its value, at most {@code timeout}; returns that value. */
    public static <T> T value(String what, Duration timeout, Supplier<T> supplier, Predicate<? super T> accept) {
        return value(what, timeout, supplier, accept, () -> null);
    }

    /**
     * As {@link #value(String, Duration, Supplier, Predicate)}; when it times out, the failure also carries what
     * {@code diagnosis} says at that moment.
     */
    public static <T> T value(String what, Duration timeout, Supplier<T> supplier, Predicate<? super T> accept,
            Supplier<String> diagnosis) {
        long end = System.nanoTime() + timeout.toNanos();
        long pause = 1;
        T last;
        while (true) {
            last = supplier.get();
            if (accept.test(last)) {
                return last;
            }
            if (System.nanoTime() - end >= 0) {
                String more = diagnosis.get();
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + " (last seen: " + last + ")" + (more == null ? "" : "; " + more));
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            pause = Math.min(50, pause * 2);
        }
    }
}
