package io.github.uc15mail.at;

import io.github.uc15mail.error.TransportClosedException;
import io.github.uc15mail.transport.Transport;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether a session is closed, and why. Set once, atomically: when the caller closes the session while
 * the link is lost, or two threads see the link fail at once, the first cause wins and every
 * {@link TransportClosedException} built afterwards names it.
 */
final class CloseState {

    private record Closed(Throwable cause) {}

    private final AtomicReference<Closed> closed = new AtomicReference<>();
    private final Transport transport;

    CloseState(Transport transport) {
        this.transport = transport;
    }

    /** Records the close; true only for the one call that did (its cause is the one kept). */
    boolean close(Throwable cause) {
        return closed.compareAndSet(null, new Closed(cause));
    }

    boolean isClosed() {
        return closed.get() != null;
    }

    /** Why the session is closed, as the exception its pending work fails with. */
    TransportClosedException exception() {
        Closed c = closed.get();
        Throwable cause = c == null ? null : c.cause();
        String why = cause == null ? "closed" : "lost (" + cause.getMessage() + ")";
        return new TransportClosedException("the link to the modem at " + transport.describe() + " is " + why, cause);
    }
}
