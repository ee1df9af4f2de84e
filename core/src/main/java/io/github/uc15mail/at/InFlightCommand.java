package io.github.uc15mail.at;

import io.github.uc15mail.error.ModemErrorException.CmeErrorException;
import io.github.uc15mail.error.ModemErrorException.CmsErrorException;
import io.github.uc15mail.error.ModemErrorException;
import io.github.uc15mail.error.SmtpServiceException;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.at.internal.AtEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One command from the moment it is taken from the queue to its end, as a small state machine:
 * {@code AWAIT_CONNECT} (a data-mode command waits for {@code CONNECT}), {@code PAYLOAD} (the payload is
 * being written), {@code AWAIT_FINAL} (waiting for the final result), {@code ENDED}. Every field is
 * guarded by the {@link CommandSequencer}'s lock; the future is completed outside it.
 */
final class InFlightCommand {

    enum Phase { QUEUED, AWAIT_CONNECT, PAYLOAD, AWAIT_FINAL, ENDED }

    final AtCommand<?> command;
    final CompletableFuture<AtResponse> future;
    /** A resync probe: not counted for health, not from the queue. */
    final boolean probe;
    final Duration timeout;

    Phase phase = Phase.QUEUED;
    long deadline;
    /** Payload bytes handed to the transport so far. */
    long written;
    /** {@code A}s received and not yet used by the payload writer. */
    int acks;
    /** Whether a payload writer thread is still running for this exchange. */
    boolean writerActive;
    /** The final result came while the payload writer still ran: the future completes when it stops. */
    boolean completeWhenWriterGone;
    /** Set when the payload source failed: the command fails with it whatever the modem answers. */
    Uc15Exception abortFailure;
    private List<String> lines;
    private AtResponse response;
    private Throwable failure;

    InFlightCommand(AtCommand<?> command, CompletableFuture<AtResponse> future, Duration timeout, boolean probe) {
        this.command = command;
        this.future = future;
        this.timeout = timeout;
        this.probe = probe;
    }

    boolean ended() {
        return phase == Phase.ENDED;
    }

    void addLine(String line) {
        if (lines == null) {
            lines = new ArrayList<>(2);
        }
        lines.add(line);
    }

    void succeed(long finalSequence) {
        response = new AtResponse(command, lines == null ? List.of() : lines, written, finalSequence);
        phase = Phase.ENDED;
    }

    void fail(Throwable why) {
        failure = why;
        phase = Phase.ENDED;
    }

    /**
     * A final result arrived: decides the outcome. True when the command succeeded ({@code OK} after
     * the whole payload, if any).
     */
    boolean finish(AtEvent event, long sequence) {
        Uc15Exception typed = failureOf(event);
        if (abortFailure != null) {
            fail(abortFailure);
        } else if (phase == Phase.PAYLOAD) {
            fail(typed != null ? typed : new Uc15Exception("the modem ended " + command.loggable() + " with "
                    + event.line() + " before the payload was complete"));
        } else if (typed != null) {
            fail(typed);
        } else {
            succeed(sequence);
            return true;
        }
        return false;
    }

    private Uc15Exception failureOf(AtEvent event) {
        switch (event.type()) {
            case ERROR:
                return new ModemErrorException(command.loggable());
            case CMS_ERROR:
                return new CmsErrorException(command.loggable(), event.code());
            case CME_ERROR:
                int code = event.code();
                if (code >= 651 && code <= 682) {
                    return SmtpServiceException.of(command.loggable(), code, 0);
                }
                String text = event.line().substring(event.line().indexOf(':') + 1).strip();
                return CmeErrorException.of(command.loggable(), code, text);
            case NO_CARRIER:
                return new ModemErrorException(command.loggable() + " (" + event.line().strip() + ")");
            default:
                return null;
        }
    }

    /** Completes the future with the outcome decided under the lock; call outside the lock. */
    void complete() {
        if (failure != null) {
            future.completeExceptionally(failure);
        } else {
            future.complete(response);
        }
    }
}
