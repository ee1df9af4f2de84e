package io.github.uc15mail.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Data mode alone, on a hand-moved clock: exact length, +++ with guard times, input time, ACK mode. */
class DataModeTest {

    final ManualTimers clock = new ManualTimers();
    final List<String> finished = new ArrayList<>();
    int acks;
    final DataMode data = new DataMode(clock, new DataMode.Sink() {
        @Override
        public void ack() {
            acks++;
        }

        @Override
        public void finished(DataMode.Session s, byte[] payload) {
            finished.add(new String(payload, StandardCharsets.ISO_8859_1));
        }
    });
    long chunk = 1;

    void feed(String s) {
        chunk++;
        for (byte b : s.getBytes(StandardCharsets.ISO_8859_1)) {
            data.onByte(b, chunk);
        }
    }

    @Test
    void takesExactlyTheDeclaredLength() {
        data.enter(DataMode.Session.body(0, 5, 90_000_000_000L), -1);
        feed("hel");
        assertTrue(data.active());
        feed("lo");
        assertFalse(data.active());
        assertEquals(List.of("hello"), finished);
    }

    @Test
    void guardedPlusPlusPlusEndsEarlyAndKeepsWhatCameBefore() {
        data.enter(DataMode.Session.body(0, 100, 90_000_000_000L), -1);
        feed("abc");
        clock.advanceMillis(1100);
        feed("+++");
        assertTrue(data.active(), "not before the guard time after");
        clock.advanceMillis(1100);
        assertEquals(List.of("abc"), finished);
    }

    @Test
    void plusWithoutTheGuardTimeBeforeIsData() {
        data.enter(DataMode.Session.body(0, 6, 90_000_000_000L), -1);
        feed("abc");
        clock.advanceMillis(100);
        feed("+++");
        assertEquals(List.of("abc+++"), finished);
    }

    @Test
    void aPlusThatCompletesTheLengthIsData() {
        data.enter(DataMode.Session.body(0, 3, 90_000_000_000L), -1);
        clock.advanceMillis(1100);
        feed("+++");
        assertEquals(List.of("+++"), finished);
    }

    @Test
    void theBodyInputTimeCountsFromConnect() {
        data.enter(DataMode.Session.body(0, 100, 2_000_000_000L), -1);
        clock.advanceMillis(1500);
        feed("ab");
        clock.advanceMillis(600);
        assertEquals(List.of("ab"), finished, "ends 2 s after CONNECT although a byte came 0.6 s ago");
    }

    @Test
    void theUploadInputTimeCountsFromTheLastByte() {
        data.enter(DataMode.Session.upload("RAM:a", 100, 2_000_000_000L, false), -1);
        clock.advanceMillis(1500);
        feed("ab");
        clock.advanceMillis(1500);
        assertTrue(data.active(), "1.5 s after the last byte: still taking");
        clock.advanceMillis(600);
        assertEquals(List.of("ab"), finished);
        assertEquals(0, clock.pending(), "no timer left behind");
    }

    @Test
    void ackModeSendsAnAAfterEveryKilobyteButNotTheLastBlock() {
        data.enter(DataMode.Session.upload("RAM:a", 3072, 5_000_000_000L, true), -1);
        feed("x".repeat(3072));
        assertEquals(2, acks);
        assertEquals(1, finished.size());
        assertEquals(3072, finished.get(0).length());
    }

    @Test
    void anLfRightAfterTheCommandsCrIsNotData() {
        long commandChunk = chunk + 1;
        data.enter(DataMode.Session.body(0, 2, 90_000_000_000L), commandChunk);
        feed("\nab");
        assertEquals(List.of("ab"), finished);
    }

    @Test
    void abandonLeavesNoResultAndNoTimer() {
        data.enter(DataMode.Session.body(0, 10, 1_000_000_000L), -1);
        feed("a");
        data.abandon();
        clock.advanceMillis(5000);
        assertEquals(List.of(), finished);
        assertFalse(data.active());
    }
}
