package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one wait helper: returns what the condition accepted, and a timeout names what it waited for. */
class AwaitTest {

    @Test
    void returnsTheFirstValueTheConditionTakes() {
        AtomicInteger polls = new AtomicInteger();
        int seen = Await.value("three polls", Duration.ofSeconds(30), polls::incrementAndGet, n -> n >= 3);
        assertEquals(3, seen);
    }

    @Test
    void aTimeoutNamesWhatWasAwaitedTheLastValueAndTheDiagnosis() {
        AssertionError e = assertThrows(AssertionError.class, () -> Await.value("the answer", Duration.ofMillis(20),
                () -> 41, n -> n == 42, () -> "the modem said nothing"));
        assertTrue(e.getMessage().contains("waiting for the answer (last seen: 41); the modem said nothing"),
                e.getMessage());

        AssertionError plain = assertThrows(AssertionError.class,
                () -> Await.until("never", Duration.ofMillis(20), () -> false));
        assertTrue(plain.getMessage().endsWith("waiting for never (last seen: false)"), plain.getMessage());
    }
}
