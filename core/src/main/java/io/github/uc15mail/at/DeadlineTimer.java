package io.github.uc15mail.at;

/**
 * The deadline of a session's command in flight, on the {@link Watchdog}'s shared thread. One timer per
 * session at most: a command whose deadline is no earlier than the armed one schedules nothing, and a
 * timer that fires before the current deadline re-arms itself for it. So back-to-back quick commands
 * cost no scheduling and no wake-up, and every deadline still fires on time. Traffic never moves it.
 * All state is guarded by the {@link CommandSequencer}'s lock.
 */
final class DeadlineTimer {

    private final CommandSequencer sequencer;
    private boolean armed;
    private long at;
    private long token;

    DeadlineTimer(CommandSequencer sequencer) {
        this.sequencer = sequencer;
    }

    /** Under the lock: makes sure a timer fires no later than {@code deadline} ({@link System#nanoTime()}). */
    void cover(long deadline) {
        if (!armed || at - deadline > 0) {
            arm(deadline);
        }
    }

    private void arm(long when) {
        armed = true;
        at = when;
        long mine = ++token;
        Watchdog.schedule(() -> fire(mine), when - System.nanoTime());
    }

    private void fire(long mine) {
        Runnable expiry;
        sequencer.lock.lock();
        try {
            if (!armed || mine != token) {
                return;
            }
            armed = false;
            InFlightCommand ex = sequencer.liveLocked();
            if (ex == null) {
                return;
            }
            if (ex.deadline - System.nanoTime() > 0) {
                arm(ex.deadline);
                return;
            }
            expiry = sequencer.expireLocked(ex);
        } finally {
            sequencer.lock.unlock();
        }
        // The deadline thread never runs callers' code: the future is failed on a pool thread.
        Watchdog.run(expiry);
    }
}
