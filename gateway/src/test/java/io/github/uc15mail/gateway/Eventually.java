package io.github.uc15mail.gateway;

import java.util.function.BooleanSupplier;

/** The gateway tests' one way to wait for another thread: poll a condition, fail after 10 s. */
final class Eventually {

    private Eventually() {}

    static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(10);
        }
    }
}
