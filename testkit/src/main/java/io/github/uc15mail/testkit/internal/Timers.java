package io.github.uc15mail.testkit.internal;

/**
 * The clock and the timers a service runs on. In the emulator both are the modem thread's; a unit test gives a
 * manual clock and runs the timers itself.
 */
public interface Timers {

    /** A timer that can be cancelled; cancelling one that already ran does nothing. */
    interface Timer {
        void cancel();
    }

    /** Monotonic time in nanoseconds. */
    long now();

    /** Runs {@code task} after {@code nanos} on the same thread as everything else of the modem. */
    Timer schedule(long nanos, Runnable task);
}
