package io.github.uc15mail.internal.exec;

import io.github.uc15mail.mail.SendProgressListener.SendPhase;
import io.github.uc15mail.mail.SendProgressListener;
import java.util.List;

/**
 * Gives the attempt its submit gate and its progress: the gate is the operation's, and records that the attempt
 * passed it (from then on a failure whose result never came is of unknown outcome); progress goes to every
 * listener of the operation, in the order they were added.
 */
final class EventsInterceptor implements Interceptor {

    @Override
    public <T> T intercept(Chain<T> chain) {
        Operation<T> op = chain.operation();
        Attempt attempt = chain.attempt();
        attempt.gate = () -> {
            op.gate.beforeSubmit();
            attempt.markSubmitted();
        };
        List<SendProgressListener> listeners = op.listeners;
        attempt.progress = new SendProgressListener() {
            @Override
            public void onPhase(SendPhase phase) {
                listeners.forEach(l -> l.onPhase(phase));
            }

            @Override
            public void onBytes(String item, long written, long total) {
                listeners.forEach(l -> l.onBytes(item, written, total));
            }
        };
        return chain.proceed();
    }
}
