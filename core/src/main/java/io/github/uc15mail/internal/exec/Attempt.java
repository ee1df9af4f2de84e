package io.github.uc15mail.internal.exec;

import io.github.uc15mail.mail.SendProgressListener;
import io.github.uc15mail.mail.SendProgressListener.SubmitGate;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * One attempt of an {@link Operation}, as its work sees it: which attempt it is, whether the caller cancelled,
 * the gate to call before the point of no return, where progress goes, and how many bytes went to the modem.
 * The interceptors fill it in; the work only reads it.
 */
public final class Attempt {

    private final Operation<?> operation;
    private final int number;
    private final AtomicBoolean submitted;
    final AtomicLong bytesWritten = new AtomicLong();
    SubmitGate gate = SubmitGate.OPEN;
    SendProgressListener progress = new SendProgressListener() {};

    Attempt(Operation<?> operation, int number, AtomicBoolean submitted) {
        this.operation = operation;
        this.number = number;
        this.submitted = submitted;
    }

    /** 1 for the first attempt. */
    public int number() {
        return number;
    }

    /** Tells whether the caller cancelled the operation (polled at safe points). */
    public BooleanSupplier cancelled() {
        return operation.cancelled;
    }

    /** The gate to call right before the point of no return. */
    public SubmitGate gate() {
        return gate;
    }

    /** Where phases and byte counts go. */
    public SendProgressListener progress() {
        return progress;
    }

    /** Bytes written to the modem by this attempt so far: command lines with their CR, and payloads. */
    public long bytesWritten() {
        return bytesWritten.get();
    }

    /** Whether any attempt of the operation passed its gate (so its outcome may be unknown). */
    public boolean submitted() {
        return submitted.get();
    }

    void markSubmitted() {
        submitted.set(true);
    }
}
