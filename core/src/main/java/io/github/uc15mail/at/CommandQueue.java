package io.github.uc15mail.at;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Whose turn it is on one session's line: the commands waiting, the one exchange in flight, and the
 * session's state, {@code IDLE} (nothing in flight), {@code BUSY} (one command in flight), {@code RESYNC}
 * (after a timeout, until {@link Resync} is done; only its probes run) or {@code CLOSED} (for good).
 *
 * <p>Guarantees at most one exchange in flight, and that a queued command becomes current only while the
 * session is idle, in the order it was queued, skipping those whose future is already done. It does not
 * lock, wait, write, time or complete anything: every method must be called holding the
 * {@link CommandSequencer}'s lock, which orders all its state; the sequencer starts what it hands out.
 */
final class CommandQueue {

    private enum State { IDLE, BUSY, RESYNC, CLOSED }

    private final ArrayDeque<InFlightCommand> queue = new ArrayDeque<>();
    private State state = State.IDLE;
    private InFlightCommand current;

    boolean closed() {
        return state == State.CLOSED;
    }

    /** The exchange in flight (its payload writer perhaps still running), or null. */
    InFlightCommand current() {
        return current;
    }

    /** The exchange in flight whose outcome is still open, or null. */
    InFlightCommand live() {
        return current != null && !current.ended() ? current : null;
    }

    /** Queues {@code ex}; false, queueing nothing, once closed. */
    boolean offer(InFlightCommand ex) {
        if (state == State.CLOSED) {
            return false;
        }
        queue.add(ex);
        return true;
    }

    /** When idle: the next live queued exchange becomes current and the session busy. Otherwise, or if none, null. */
    InFlightCommand takeNext() {
        if (state != State.IDLE) {
            return null;
        }
        InFlightCommand ex;
        while ((ex = queue.poll()) != null) {
            if (!ex.future.isDone()) {
                state = State.BUSY;
                current = ex;
                return ex;
            }
        }
        return null;
    }

    /** A resync probe becomes current; false if the session is not resynchronising or something is in flight. */
    boolean startProbe(InFlightCommand probe) {
        if (state != State.RESYNC || current != null) {
            return false;
        }
        current = probe;
        return true;
    }

    /** {@code ex} stops being current (if it is); a busy session becomes idle. */
    void release(InFlightCommand ex) {
        if (current == ex) {
            current = null;
            if (state == State.BUSY) {
                state = State.IDLE;
            }
        }
    }

    /** A command timed out: only resync probes run until {@link #endResync()}. */
    void enterResync() {
        state = State.RESYNC;
    }

    /** Resync is over; true if the session was resynchronising and is idle now. */
    boolean endResync() {
        if (state != State.RESYNC) {
            return false;
        }
        state = State.IDLE;
        return true;
    }

    /** Closes for good and hands back the queued exchanges, now removed; the current one stays current. */
    List<InFlightCommand> close() {
        state = State.CLOSED;
        List<InFlightCommand> pending = new ArrayList<>(queue);
        queue.clear();
        return pending;
    }
}
