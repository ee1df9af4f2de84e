package io.github.uc15mail.internal.exec;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** The chain over one operation: a position in the interceptor list and the operation's attempts. */
final class RealChain<T> implements Interceptor.Chain<T> {

    private final List<Interceptor> interceptors;
    private final int index;
    private final CallState<T> call;

    /** The state shared by every position of one operation's chain. */
    static final class CallState<T> {
        final Operation<T> operation;
        final AtomicBoolean submitted = new AtomicBoolean();
        Attempt attempt;

        CallState(Operation<T> operation) {
            this.operation = operation;
            this.attempt = new Attempt(operation, 1, submitted);
        }
    }

    RealChain(List<Interceptor> interceptors, int index, CallState<T> call) {
        this.interceptors = interceptors;
        this.index = index;
        this.call = call;
    }

    @Override
    public Operation<T> operation() {
        return call.operation;
    }

    @Override
    public Attempt attempt() {
        return call.attempt;
    }

    @Override
    public void nextAttempt() {
        call.attempt = new Attempt(call.operation, call.attempt.number() + 1, call.submitted);
    }

    @Override
    public T proceed() {
        if (index < interceptors.size()) {
            return interceptors.get(index).intercept(new RealChain<>(interceptors, index + 1, call));
        }
        return call.operation.work.run(call.attempt);
    }
}
