package io.github.uc15mail.gateway;

import io.github.uc15mail.testkit.Await;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The gateway tests' deadline for testkit's {@link Await}: a condition on another thread, 10 s at most. */
final class Eventually {

    private Eventually() {}

    static void waitUntil(String what, BooleanSupplier condition) {
        Await.until(what, Duration.ofSeconds(10), condition);
    }
}
