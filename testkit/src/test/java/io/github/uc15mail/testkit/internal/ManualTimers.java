package io.github.uc15mail.testkit.internal;

import java.util.ArrayList;
import java.util.List;

/** A clock the test moves by hand; due timers run when it does. */
final class ManualTimers implements Timers {

    private long now = 1_000_000_000_000L;
    private final List<long[]> due = new ArrayList<>();
    private final List<Runnable> tasks = new ArrayList<>();
    private final List<boolean[]> cancelled = new ArrayList<>();

    @Override
    public synchronized long now() {
        return now;
    }

    @Override
    public synchronized Timer schedule(long nanos, Runnable task) {
        boolean[] c = {false};
        due.add(new long[] {now + nanos});
        tasks.add(task);
        cancelled.add(c);
        return () -> c[0] = true;
    }

    /** Moves the clock and runs every timer that came due, in time order. */
    synchronized void advance(long nanos) {
        long target = now + nanos;
        while (true) {
            int next = -1;
            for (int i = 0; i < due.size(); i++) {
                if (!cancelled.get(i)[0] && due.get(i)[0] <= target && (next < 0 || due.get(i)[0] < due.get(next)[0])) {
                    next = i;
                }
            }
            if (next < 0) {
                break;
            }
            now = Math.max(now, due.get(next)[0]);
            cancelled.get(next)[0] = true;
            tasks.get(next).run();
        }
        now = target;
    }

    void advanceMillis(long ms) {
        advance(ms * 1_000_000L);
    }

    /** Timers scheduled and neither run nor cancelled. */
    synchronized int pending() {
        int n = 0;
        for (boolean[] c : cancelled) {
            if (!c[0]) {
                n++;
            }
        }
        return n;
    }
}
