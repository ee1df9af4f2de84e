package io.github.uc15mail.outbox.internal;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.mail.SmsReceipt;
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
import java.util.Map;
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
    private boolean damageLogged;
    private final DispatcherOptions options;
    private final Consumer<StateChange> publish;
    private final Map<MessageId, Integer> inFlight;
    private final String owner;
    private final AccountPause accountPause;
    private volatile boolean probe;
    private final Object wakeup;
    private final Clock clock;
    private final LaneHealth health;
    private final io.github.uc15mail.outbox.ModemReopener reopener;
    private final ReopenBackoff reopenBackoff = new ReopenBackoff();
    private volatile boolean stopping;
    private volatile PoolModemStatus.Health state = PoolModemStatus.Health.RECOVERING;
    private volatile CompletableFuture<SendReceipt> current;
    private final AtomicInteger gate = new AtomicInteger();

    public LaneWorker(ModemLane lane, Store store, DispatcherOptions options, Consumer<StateChange> publish,
            Map<MessageId, Integer> inFlight, Object wakeup, Clock clock, String owner, AccountPause accountPause,
            io.github.uc15mail.outbox.ModemReopener reopener) {
        this.owner = owner;
        this.accountPause = accountPause;
        this.reopener = reopener;
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
            if (reopener != null && lane.linkLost()) {
                reopen();
                continue;
            }
            long wait = health.waitMillis(clock.millis());
            if (wait > 0) {
                pause(Math.min(wait, 1000));
                continue;
            }
            if (store.damage().found().isPresent()) {
                // A damaged store takes no more claims: the lane stops until the store is recovered.
                if (!damageLogged) {
                    damageLogged = true;
                    log.error("modem {}: stopped: the outbox store is damaged ({})", lane.name(),
                            store.damage().found().get());
                }
                pause(1000);
                continue;
            }
            AccountPause.Permit permit = accountPause.mayClaim(clock.millis());
            if (permit == AccountPause.Permit.WAIT) {
                pause(Math.max(1, Math.min(accountPause.waitMillis(clock.millis()), 1000)));
                continue;
            }
            probe = permit == AccountPause.Permit.PROBE;
            Optional<Store.Claim> claim;
            long now = clock.millis();
            try {
                claim = store.claim(owner, options.node(), lane.name(), options.lease().toMillis());
                storeBackoff = 500;
            } catch (OutboxException e) {
                log.warn("modem {}: cannot claim work ({}); trying again in {} ms", lane.name(), e.getMessage(),
                        storeBackoff);
                releaseProbe();
                pause(storeBackoff);
                storeBackoff = Math.min(storeBackoff * 2, 5000);
                continue;
            }
            if (claim.isEmpty()) {
                releaseProbe();
                pause(options.pollInterval().toMillis());
                continue;
            }
            Store.Claim c = claim.get();
            inFlight.put(c.id(), c.attempt());
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
        SmsReceipt sms = null;
        Throwable failure = null;
        gate.set(stopping ? GATE_SHUT : GATE_OPEN);
        try {
            DraftCodec.StoredDraft stored;
            try {
                stored = store.content(c.id())
                        .orElseThrow(() -> new IllegalStateException("message " + c.id() + " vanished from the store"));
            } catch (OutboxException e) {
                // The store, not the modem: hand the message back without blaming anyone on the line.
                throw new Verdict.GateClosed("the store could not be read: " + e.getMessage(), e);
            }
            if (stored.isSms()) {
                // On this thread, under the modem's lock; a stop waits for it (an SMS is short).
                sms = lane.sendSms(DraftCodec.decodeSms(stored), () -> submitGate(c, true));
            } else {
                EmailDraft draft = DraftCodec.decode(stored);
                CompletableFuture<SendReceipt> f = lane.send(draft, () -> submitGate(c, false));
                current = f;
                if (gate.get() == GATE_SHUT) {
                    f.cancel(false);
                }
                receipt = f.get();
            }
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
        finish(c, receipt, sms, failure, submitted);
        probe = false;
        state = PoolModemStatus.Health.READY;
    }

    /**
     * Runs right before {@code AT+QSMTPPUT}. A mailer with a {@link io.github.uc15mail.mail.RetryPolicy} calls it
     * once per try: after a try that ended with a definite failure, the submit is already recorded and the
     * next try may go ahead (the lease is checked again); only a stop or a lost lease shuts it.
     */
    private void submitGate(Store.Claim c, boolean sms) {
        if (gate.get() == GATE_PASSED && !stopping) {
            gate.compareAndSet(GATE_PASSED, GATE_OPEN);
        }
        if (!gate.compareAndSet(GATE_OPEN, 1)) {
            throw new Verdict.GateClosed(stopping ? "the gateway is stopping" : "the send was stopped", null);
        }
        // A refused SMTP account says nothing about SMS, which needs no account: an SMS goes on.
        if (!sms && !accountPause.maySubmit(probe)) {
            gate.set(GATE_SHUT);
            throw new Verdict.GateClosed("sending is paused: " + accountPause.status().map(p -> p.reason()).orElse(""),
                    null);
        }
        boolean ok;
        try {
            ok = store.markSubmitting(c.id(), owner, c.attempt());
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

    private void finish(Store.Claim c, SendReceipt receipt, SmsReceipt sms, Throwable failure, boolean submitted) {
        long now = clock.millis();
        String phases = sms != null ? "" : Rows.phases(lane.phaseTimes(receipt));
        Store.Finish f;
        String detail;
        if (failure == null && sms != null) {
            health.worked(true);
            f = new Store.Finish(MessageState.SENT, "SENT", now, 0, null, 0, null, phases);
            detail = "SMS sent through " + lane.name() + " in " + sms.parts() + " part(s)";
        } else if (failure == null) {
            health.worked(true);
            accountPause.accepted();
            f = new Store.Finish(MessageState.SENT, "SENT", 0, 0, null, receipt.protocolError(), null, phases);
            detail = "sent through " + lane.name();
        } else {
            Verdict v = Verdict.of(failure, submitted);
            if (v.kind() == Verdict.Kind.PAUSE) {
                accountPause.refused("the SMTP server refused the account or configuration: " + v.text(), now);
                log.error("sending paused on {}: the SMTP server refused the account or configuration ({}); nothing "
                        + "more is submitted until the configuration changes or a probe every {} s is accepted",
                        options.node(), v.text(), options.accountProbe().toSeconds());
            } else if (v.fault() == io.github.uc15mail.error.Fault.FaultKind.MESSAGE) {
                accountPause.accepted();
            } else if (probe) {
                accountPause.probeInconclusive();
            }
            if (v.modemsFault()) {
                if (health.failed(v.text(), now)) {
                    log.warn("modem {} set aside after {} failures of its own in a row (last: {}); probing again at {}",
                            lane.name(), health.consecutiveFailures(), v.text(),
                            Instant.ofEpochMilli(health.setAsideUntil()));
                }
            } else if (v.kind() != Verdict.Kind.HANDED_BACK) {
                health.worked(false);
            }
            f = outcome(c, v, phases);
            detail = f.error();
            log.info("message {} attempt {} on {}: {} ({})", c.id(), c.attempt(), lane.name(), f.outcome(), v.text());
        }
        record(c, f, detail);
    }

    private Store.Finish outcome(Store.Claim c, Verdict v, String phases) {
        MessageState next;
        String outcome;
        long delay = 0;
        boolean refund = false;
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
                refund = true;
            }
            case PAUSE -> {
                // Not the message's fault: back to the queue with its budget untouched, the refusal on its attempt.
                next = MessageState.QUEUED;
                outcome = "ACCOUNT_REFUSED";
                refund = true;
            }
            default -> {
                outcome = "RETRY";
                delay = Backoff.delayMillis(c.priorAttempts(), options.backoffBase(), options.backoffMax(),
                        options.jitter());
                if (c.priorAttempts() >= options.maxAttempts()) {
                    next = MessageState.FAILED;
                    error = "gave up after " + c.priorAttempts() + " attempts: " + v.text();
                } else {
                    // The store fails it instead if it would expire before it is due (by the store's clock).
                    next = MessageState.QUEUED;
                }
            }
        }
        return new Store.Finish(next, outcome, delay, v.errorCode(), v.meaning(), v.smtpReply(), error, phases,
                v.fault() == null ? null : v.fault().name(), refund);
    }

    /** Writes the outcome; while the store is unreachable, keeps trying (the lease keeps the message ours). */
    private void record(Store.Claim c, Store.Finish f, String detail) {
        long delay = 500;
        while (true) {
            try {
                Optional<Store.Ended> ended = store.finish(c.id(), c.attempt(), f);
                ended.ifPresentOrElse(
                        e -> publish.accept(new StateChange(c.id(), e.before(), e.after(), clock.instant(), detail)),
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

    private void releaseProbe() {
        if (probe) {
            probe = false;
            accountPause.probeInconclusive();
        }
    }

    /**
     * One attempt to reopen the lost modem, after the back-off's wait: on success it is brought to a clean
     * state, probed, and takes work again.
     */
    private void reopen() {
        if (state != PoolModemStatus.Health.RECONNECTING) {
            state = PoolModemStatus.Health.RECONNECTING;
            log.warn("modem {}: its link was lost; reopening it (every {} s at first, at most every {} s)", lane.name(),
                    ReopenBackoff.FIRST.toSeconds(), ReopenBackoff.MAX.toSeconds());
        }
        long wait = reopenBackoff.next().toMillis();
        if (wait > 0) {
            pause(wait);
            if (stopping) {
                return;
            }
        }
        try {
            lane.replace(reopener.reopen(lane.name()));
        } catch (Exception e) {
            io.github.uc15mail.error.Fault fault = io.github.uc15mail.error.Fault.of(e);
            log.info("modem {}: not back yet ({}: {})", lane.name(), fault.kind(), fault.summary());
            return;
        }
        lane.recover();
        if (lane.linkLost()) {
            return;
        }
        reopenBackoff.reset();
        health.worked(false);
        state = PoolModemStatus.Health.READY;
        log.warn("modem {}: reopened; it takes work again", lane.name());
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
