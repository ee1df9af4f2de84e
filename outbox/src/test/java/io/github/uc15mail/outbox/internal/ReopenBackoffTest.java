package io.github.uc15mail.outbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 25, item 8: a lost modem is tried at once, then after 5 s doubling to 60 s; a success starts over. */
class ReopenBackoffTest {

    @Test
    void waitsGrowFromFiveSecondsToAMinute() {
        ReopenBackoff b = new ReopenBackoff();
        List<Long> seconds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            seconds.add(b.next().toSeconds());
        }
        assertEquals(List.of(0L, 5L, 10L, 20L, 40L, 60L, 60L, 60L), seconds);
        b.reset();
        assertEquals(Duration.ZERO, b.next());
    }
}
