package io.github.uc15mail.internal.exec;

import io.github.uc15mail.error.Uc15Exception;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The modem's one queue: a fair lock that every operation holds from its first command to the end of its cleanup,
 * taken in arrival order (FIFO) by callers' threads and the modem's worker alike. Re-entrant, so an operation may
 * run another on the same thread.
 */
final class QueueInterceptor implements Interceptor {

    private final ReentrantLock lock = new ReentrantLock(true);
    private final String modem;

    QueueInterceptor(String modem) {
        this.modem = modem;
    }

    @Override
    public <T> T intercept(Chain<T> chain) {
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Uc15Exception("interrupted while waiting for the modem " + modem, e);
        }
        try {
            return chain.proceed();
        } finally {
            lock.unlock();
        }
    }

    boolean heldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }
}
