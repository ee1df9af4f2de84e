package io.github.uc15mail.at;

import io.github.uc15mail.error.CommandTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deadline of a session's command in flight, on the {@link Watchdog}'s shared thread. One timer per
 * session at most: a command whose deadline is no earlier than the armed one schedules nothing, and a
 * timer that fires before the current deadline re-arms itself for it. So back-to-back quick commands
 * cost no scheduling and no wake-up, and every deadline still fires on time. Traffic never moves it.
 * All state is guarded by the {@link CommandSequencer}'s lock.
 */
final class DeadlineTimer {

    private static final Logger log = LoggerFactory.getLogger(AtSession.class);

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
            expiry = expireLocked(ex);
        } finally {
            sequencer.lock.unlock();
        }
        // The deadline thread never runs callers' code: the future is failed on a pool thread.
        Watchdog.run(expiry);
    }

    /**
     * Under the lock: {@code ex} missed its deadline. It fails with {@link CommandTimeoutException}; unless it was a
     * resync probe the session resynchronises. Returns what to run on a pool thread: completing the future, then the
     * resync, which leaves whatever the command left open (a data mode, a {@code > } prompt).
     */
    private Runnable expireLocked(InFlightCommand ex) {
        boolean prompted = ex.command.payload().map(DataPayload::prompted).orElse(false);
        // A prompted command may have its prompt open (shown, or on its way) until its payload is out whole.
        Resync.Escape escape = prompted
                ? (ex.phase == InFlightCommand.Phase.AWAIT_CONNECT || ex.phase == InFlightCommand.Phase.PAYLOAD
                        ? Resync.Escape.CANCEL_PROMPT : Resync.Escape.NONE)
                : (ex.phase == InFlightCommand.Phase.PAYLOAD ? Resync.Escape.DATA_MODE : Resync.Escape.NONE);
        ex.fail(new CommandTimeoutException(ex.command.loggable(), ex.timeout));
        sequencer.timedOutLocked(ex);
        return () -> {
            ex.complete();
            if (!ex.probe) {
                log.warn("{} timed out after {} ms; resynchronising", ex.command.loggable(), ex.timeout.toMillis());
                new Resync(sequencer).run(escape);
            }
        };
    }
}
