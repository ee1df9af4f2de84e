package io.github.uc15mail.internal.mail;

import io.github.uc15mail.error.internal.Outcomes;
import io.github.uc15mail.error.ModemNotReadyException;
import io.github.uc15mail.error.ModemRestartedException;
import io.github.uc15mail.mail.SendProgressListener.SendPhase;
import io.github.uc15mail.mail.SendProgressListener;
import io.github.uc15mail.error.SmtpServiceException;
import io.github.uc15mail.error.TransportClosedException;
import io.github.uc15mail.error.Uc15Exception;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the steps of one send in order (the SMTP manuals' chapter 1.2, the same for the UC15 and the EC2x:
 * preflight with the module's identification, PDP context, content cleared,
 * leftover files, settings, uploads, compose, {@code AT+QSMTPPUT}), records the time of each phase, and runs
 * the cleanups of the steps that started in reverse order, whatever happened, unless the link is gone.
 */
final class SendFlow {

    private static final Logger log = LoggerFactory.getLogger(SendFlow.class);

    private final SendContext c;
    private final SendProgressListener progress;
    private final Submit submit = new Submit();
    private final List<SendStep> steps;
    private final Map<SendPhase, Duration> times = new EnumMap<>(SendPhase.class);
    private SendPhase phase;
    private long phaseStart;

    SendFlow(SendContext c, SendProgressListener progress) {
        this.c = c;
        this.progress = progress;
        this.steps = List.of(new Preflight(), new DataContext(), new ContentReset(), Attachments.leftovers(),
                new SmtpSettings(), new Attachments(), new Compose(), submit);
    }

    /**
     * Runs the whole send; throws the typed failure after cleaning up. A warm send (no preflight) that fails
     * before {@code AT+QSMTPPUT} was accepted (but for a restart during it) runs again in full, so the
     * preflight names the fault exactly as a cold send would (a removed SIM, a lost registration). One whose
     * {@code AT+QSMTPPUT} reported a failure is never repeated, but the preflight then runs to tell a modem
     * fault (thrown instead, the send's failure suppressed in it) from the server's refusal.
     */
    Sends.Sent send() {
        try {
            Sends.Sent sent = attempt();
            c.state.sentWell(c.exchange.restartCount());
            return sent;
        } catch (RuntimeException e) {
            if (!c.warm || Sends.isCancellation(e) || e instanceof TransportClosedException
                    || e instanceof ModemRestartedException) {
                throw e; // a restart during the send is typed as in a cold send (the caller's retry policy decides)
            }
            if (!submit.submitted()) {
                log.info("a send without preflight failed before AT+QSMTPPUT ({}); sending again with the full "
                        + "preflight", e.getMessage());
                SendContext cold = c.cold();
                try {
                    return new SendFlow(cold, progress).send();
                } catch (RuntimeException again) {
                    if (again != e) {
                        again.addSuppressed(e);
                    }
                    throw again;
                }
            }
            if (submit.result() != null && !submit.result().sent()) {
                throw diagnose(e);
            }
            throw e;
        }
    }

    /**
     * After a warm send's {@code AT+QSMTPPUT} reported a failure: runs the preflight and the PDP check, which
     * throw the modem's fault (a lost registration, SIM or context) as a cold send would have before sending.
     * Returns {@code failure} itself when the modem is fine (the server's or the network's refusal).
     */
    private RuntimeException diagnose(RuntimeException failure) {
        SendContext cold = c.cold();
        try {
            new Preflight().run(cold);
            new DataContext().run(cold);
            return failure;
        } catch (ModemNotReadyException fault) {
            log.info("the send failed ({}) and the preflight found why: {}", failure.getMessage(), fault.getMessage());
            fault.addSuppressed(failure);
            return fault;
        } catch (RuntimeException other) {
            failure.addSuppressed(other);
            return failure;
        }
    }

    private Sends.Sent attempt() {
        List<SendStep> started = new ArrayList<>();
        RuntimeException failure = null;
        try {
            for (SendStep step : steps) {
                enter(step.phase());
                started.add(step);
                step.run(c);
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            enter(SendPhase.CLEANUP);
            cleanup(started, failure);
            leave();
        }
        if (failure != null) {
            c.state.invalidateSettings();
            c.state.cool();
            if (failure instanceof Uc15Exception u && submit.submitted() && submit.result() == null) {
                Outcomes.markUnknown(u);
            }
            throw failure;
        }
        Replies.PutResult result = submit.result();
        if (!result.sent()) {
            c.state.cool();
            throw SmtpServiceException.of("AT+QSMTPPUT", result.error(), result.protocolError());
        }
        return new Sends.Sent(c.draft.recipients().size(), result.protocolError(), times);
    }

    private void cleanup(List<SendStep> started, RuntimeException failure) {
        if (failure instanceof TransportClosedException) {
            log.warn("the link to the modem is gone; the next send clears what this one left");
            return;
        }
        List<RuntimeException> problems = new ArrayList<>();
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).cleanup(c, problems);
            } catch (RuntimeException e) {
                problems.add(e);
            }
        }
        for (RuntimeException p : problems) {
            if (failure != null) {
                failure.addSuppressed(p);
            } else {
                log.warn("cleanup after a successful send failed: {}", p.getMessage());
            }
        }
    }

    private void enter(SendPhase next) {
        if (next == phase) {
            return;
        }
        leave();
        phase = next;
        phaseStart = System.nanoTime();
        try {
            progress.onPhase(next);
        } catch (RuntimeException e) {
            log.warn("progress listener threw", e);
        }
    }

    private void leave() {
        if (phase != null) {
            times.merge(phase, Duration.ofNanos(System.nanoTime() - phaseStart), Duration::plus);
            phase = null;
        }
    }

}
