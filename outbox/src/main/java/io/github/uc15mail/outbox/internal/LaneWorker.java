package io.github.uc15mail.outbox.internal;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.SendReceipt;
import io.github.uc15mail.outbox.DispatcherOptions;
import io.github.uc15mail.outbox.MessageId;
import io.github.uc15mail.outbox.MessageState;
import io.github.uc15mail.outbox.PoolModemStatus;
import io.github.uc15mail.outbox.OutboxException;
import io.github.uc15mail.outbox.StateChange;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox through one modem: claim the next message, send it with a gate that records the
 * point of no return, record the outcome, repeat. Stops claiming when asked; a send not yet at its submit
 * point is stopped and handed back, one past it is waited for.
 */
public final class LaneWorker implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(LaneWorker.class);
    private static final int GATE_OPEN = 0;
    private static final int GATE_PASSED = 2;
    private static final int GATE_SHUT = 3;

    private final ModemLane lane;
    private final Store store;
    private final DispatcherOptions options;
    private final Consumer<StateChange> publish;
    private final Set<MessageId> inFlight;
    private final Object wakeup;
    private final Clock clock;
    private final LaneHealth health;
    private volatile boolean stopping;
    private volatile PoolModemStatus.Health state = PoolModemStatus.Health.RECOVERING;
    private volatile CompletableFuture<SendReceipt> current;
    private final AtomicInteger gate = new AtomicInteger();

    public LaneWorker(ModemLane lane, Store store, DispatcherOptions options, Consumer<StateChange> publish,
            Set<MessageId> inFlight, Object wakeup, Clock clock) {
        this.lane = lane;
        this.store = store;
        this.options = options;
        this.publish = publish;
        this.inFlight = inFlight;
        this.wakeup = wakeup;
        this.clock = clock;
        this.health = new LaneHealth(options.setAsideAfter(), options.probeAfter(), options.probeMax());
    }

    public PoolModemStatus status() {
        long until = health.setAsideUntil();
        PoolModemStatus.Health h = state;
        if (h == PoolModemStatus.Health.READY && health.waitMillis(clock.millis()) > 0) {
            h = PoolModemStatus.Health.SET_ASIDE;
        }
        return new PoolModemStatus(lane.name(), h, health.consecutiveFailures(), until == 0 ? null : Instant.ofEpochMilli(until),
                health.lastError(), health.sent(), health.attempts());
    }

    /** Stops claiming; stops a send that has not reached its submit point. */
    public void stop() {
        stopping = true;
        if (gate.compareAndSet(GATE_OPEN, GATE_SHUT)) {
            CompletableFuture<SendReceipt> f = current;
            if (f != null) {
                f.cancel(false);
            }
        }
    }

    @Override
    public void run() {
        lane.recover();
        state = PoolModemStatus.Health.READY;
        long storeBackoff = 500;
        while (!stopping) {
            long wait = health.waitMillis(clock.millis());
            if (wait > 0) {
                pause(Math.min(wait, 1000));
                continue;
            }
            Optional<Store.Claim> claim;
            long now = clock.millis();
            try {
                claim = store.claim(options.node(), options.node(), lane.name(), now, now + options.lease().toMillis());
                storeBackoff = 500;
            } catch (OutboxException e) {
                log.warn("modem {}: cannot claim work ({}); trying again in {} ms", lane.name(), e.getMessage(),
                        storeBackoff);
                pause(storeBackoff);
                storeBackoff = Math.min(storeBackoff * 2, 5000);
                continue;
            }
            if (claim.isEmpty()) {
                pause(options.pollInterval().toMillis());
                continue;
            }
            Store.Claim c = claim.get();
            inFlight.add(c.id());
            publish.accept(new StateChange(c.id(), MessageState.QUEUED, MessageState.SENDING, Instant.ofEpochMilli(now),
                    "attempt " + c.attempt() + " on " + lane.name() + " at " + options.node()));
            try {
                process(c);
            } finally {
                inFlight.remove(c.id());
            }
        }
        state = PoolModemStatus.Health.STOPPED;
    }

    private void process(Store.Claim c) {
        state = PoolModemStatus.Health.SENDING;
        health.attempted();
        SendReceipt receipt = null;
        Throwable failure = null;
        gate.set(stopping ? GATE_SHUT : GATE_OPEN);
        try {
            DraftCodec.StoredDraft stored = store.content(c.id())
                    .orElseThrow(() -> new IllegalStateException("message " + c.id() + " vanished from the store"));
            EmailDraft draft = DraftCodec.decode(stored);
            CompletableFuture<SendReceipt> f = lane.send(draft, () -> submitGate(c));
            current = f;
            if (gate.get() == GATE_SHUT) {
                f.cancel(false);
            }
            receipt = f.get();
        } catch (ExecutionException e) {
            failure = e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            current = null;
        }
        boolean submitted = gate.get() == GATE_PASSED;
        if (failure instanceof java.util.concurrent.CancellationException && submitted) {
            failure = new IllegalStateException("the send was interrupted after AT+QSMTPPUT");
        }
        finish(c, receipt, failure, submitted);
        state = PoolModemStatus.Health.READY;
    }

    private void submitGate(Store.Claim c) {
        if (!gate.compareAndSet(GATE_OPEN, 1)) {
            throw new Verdict.GateClosed("the gateway is stopping", null);
        }
        boolean ok;
        try {
            ok = store.markSubmitting(c.id(), options.node(), c.attempt(), clock.millis());
        } catch (OutboxException e) {
            gate.set(GATE_SHUT);
            throw new Verdict.GateClosed("the store could not record the submit: " + e.getMessage(), e);
        }
        if (!ok) {
            gate.set(GATE_SHUT);
            throw new Verdict.GateClosed("the lease was lost (another gateway reclaimed the message)", null);
        }
        gate.set(GATE_PASSED);
    }

    private void finish(Store.Claim c, SendReceipt receipt, Throwable failure, boolean submitted) {
        long now = clock.millis();
        String phases = Rows.phases(lane.phaseTimes(receipt));
        Store.Finish f;
        String detail;
        if (failure == null) {
            health.worked(true);
            f = new Store.Finish(MessageState.SENT, "SENT", now, 0, null, receipt.protocolError(), null, phases);
            detail = "sent through " + lane.name();
        } else {
            Verdict v = Verdict.of(failure, submitted);
            if (v.modemsFault()) {
                if (health.failed(v.text(), now)) {
                    log.warn("modem {} set aside after {} failures of its own in a row (last: {}); probing again at {}",
                            lane.name(), health.consecutiveFailures(), v.text(),
                            Instant.ofEpochMilli(health.setAsideUntil()));
                }
            } else if (v.kind() != Verdict.Kind.HANDED_BACK) {
                health.worked(false);
            }
            f = outcome(c, v, now, phases);
            detail = f.error();
            log.info("message {} attempt {} on {}: {} ({})", c.id(), c.attempt(), lane.name(), f.outcome(), v.text());
        }
        record(c, f, detail);
    }

    private Store.Finish outcome(Store.Claim c, Verdict v, long now, String phases) {
        MessageState next;
        String outcome;
        long at = now;
        String error = v.text();
        switch (v.kind()) {
            case UNKNOWN -> {
                next = options.atLeastOnce() ? MessageState.QUEUED : MessageState.UNKNOWN;
                outcome = "UNKNOWN";
                error = "no result after AT+QSMTPPUT, the server may have it: " + v.text();
            }
            case FAILED -> {
                next = MessageState.FAILED;
                outcome = "FAILED";
            }
            case HANDED_BACK -> {
                next = MessageState.QUEUED;
                outcome = "HANDED_BACK";
            }
            default -> {
                outcome = "RETRY";
                at = now + Backoff.delayMillis(c.priorAttempts(), options.backoffBase(), options.backoffMax(),
                        options.jitter());
                if (c.priorAttempts() >= options.maxAttempts()) {
                    next = MessageState.FAILED;
                    error = "gave up after " + c.priorAttempts() + " attempts: " + v.text();
                } else if (c.expiresAt() != null && at >= c.expiresAt()) {
                    next = MessageState.FAILED;
                    error = "expired before it could be sent: " + v.text();
                } else {
                    next = MessageState.QUEUED;
                }
            }
        }
        return new Store.Finish(next, outcome, at, v.errorCode(), v.meaning(), v.smtpReply(), error, phases);
    }

    /** Writes the outcome; while the store is unreachable, keeps trying (the lease keeps the message ours). */
    private void record(Store.Claim c, Store.Finish f, String detail) {
        long delay = 500;
        while (true) {
            try {
                Optional<MessageState> before = store.finish(c.id(), c.attempt(), f, clock.millis());
                before.ifPresentOrElse(
                        b -> publish.accept(new StateChange(c.id(), b, f.state(), clock.instant(), detail)),
                        () -> log.warn("message {} attempt {} ended {} but had moved on meanwhile (lease reclaimed)",
                                c.id(), c.attempt(), f.outcome()));
                return;
            } catch (OutboxException e) {
                if (stopping && delay >= 5000) {
                    log.error("message {}: outcome {} could not be recorded ({}); the crash rule will settle it",
                            c.id(), f.outcome(), e.getMessage());
                    return;
                }
                log.warn("message {}: cannot record outcome {} yet ({}); retrying", c.id(), f.outcome(), e.getMessage());
                sleep(delay);
                delay = Math.min(delay * 2, 5000);
            }
        }
    }

    private void pause(long millis) {
        synchronized (wakeup) {
            if (stopping) {
                return;
            }
            try {
                wakeup.wait(Math.max(1, millis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping = true;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
