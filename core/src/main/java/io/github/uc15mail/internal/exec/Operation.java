package io.github.uc15mail.internal.exec;

import io.github.uc15mail.mail.RetryPolicy;
import io.github.uc15mail.mail.SendProgressListener;
import io.github.uc15mail.mail.SendProgressListener.SubmitGate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * One use of a modem, as the {@link ModemExecutor} runs it: a name for messages, the work that runs holding the
 * modem, and what the interceptors need to know (its retry policy, how it learns of a cancellation, its submit gate
 * and progress listeners, how long closing the modem waits for it). Immutable; one per call.
 *
 * @param <T> what the work returns
 */
public final class Operation<T> {

    /** The work: runs once per attempt, on the thread that holds the modem. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Attempt attempt);
    }

    /** What closing the modem waits for an operation that is not a send. */
    public static final Duration DEFAULT_CLOSE_BUDGET = Duration.ofSeconds(60);

    final String name;
    final Work<T> work;
    final RetryPolicy retry;
    final BooleanSupplier cancelled;
    final SubmitGate gate;
    final List<SendProgressListener> listeners;
    final Duration closeBudget;

    private Operation(String name, Work<T> work, RetryPolicy retry, BooleanSupplier cancelled, SubmitGate gate,
            List<SendProgressListener> listeners, Duration closeBudget) {
        this.name = Objects.requireNonNull(name, "name");
        this.work = Objects.requireNonNull(work, "work");
        this.retry = retry;
        this.cancelled = cancelled;
        this.gate = gate;
        this.listeners = listeners;
        this.closeBudget = closeBudget;
    }

    /** An operation run once, never cancelled, with an open gate and no listeners. */
    public static <T> Operation<T> of(String name, Work<T> work) {
        return new Operation<>(name, work, RetryPolicy.none(), () -> false, SubmitGate.OPEN, List.of(),
                DEFAULT_CLOSE_BUDGET);
    }

    /** The same, retried by {@code policy}. */
    public Operation<T> retriedBy(RetryPolicy policy) {
        return new Operation<>(name, work, Objects.requireNonNull(policy), cancelled, gate, listeners, closeBudget);
    }

    /** The same, stopped at its next safe point once {@code flag} says so. */
    public Operation<T> cancelledWhen(BooleanSupplier flag) {
        return new Operation<>(name, work, retry, Objects.requireNonNull(flag), gate, listeners, closeBudget);
    }

    /** The same, calling {@code submitGate} right before the point of no return. */
    public Operation<T> gatedBy(SubmitGate submitGate) {
        return new Operation<>(name, work, retry, cancelled, submitGate == null ? SubmitGate.OPEN : submitGate,
                listeners, closeBudget);
    }

    /** The same, reporting progress to {@code progress} (a live list: listeners added later are told too). */
    public Operation<T> reportingTo(List<SendProgressListener> progress) {
        return new Operation<>(name, work, retry, cancelled, gate, Objects.requireNonNull(progress), closeBudget);
    }

    /** The same, waited for at most {@code budget} by a closing modem. */
    public Operation<T> closeBudget(Duration budget) {
        return new Operation<>(name, work, retry, cancelled, gate, listeners, Objects.requireNonNull(budget));
    }

    /** Its name, for messages. */
    public String name() {
        return name;
    }

    /** Whether the caller cancelled it. */
    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }

    @Override
    public String toString() {
        return name;
    }
}
