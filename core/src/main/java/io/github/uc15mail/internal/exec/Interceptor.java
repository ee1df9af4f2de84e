package io.github.uc15mail.internal.exec;

/**
 * One concern of running an operation on a modem (holding it, cancelling, retrying, counting traffic, the submit
 * gate, progress), in the manner of OkHttp's interceptors: each gets the chain, does its part around
 * {@link Chain#proceed()}, and returns what the rest of the chain returned. {@link ModemExecutor} runs every
 * operation through the same list.
 */
public interface Interceptor {

    <T> T intercept(Chain<T> chain);

    /** The rest of the chain for one operation. */
    interface Chain<T> {
        /** The operation. */
        Operation<T> operation();

        /** The current attempt (a retry starts a new one with {@link #nextAttempt()}). */
        Attempt attempt();

        /** Starts the next attempt: a retry calls this before proceeding again. */
        void nextAttempt();

        /** Runs the interceptors after this one, then the work. */
        T proceed();
    }
}
