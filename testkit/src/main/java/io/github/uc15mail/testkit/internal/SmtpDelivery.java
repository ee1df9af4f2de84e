package io.github.uc15mail.testkit.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The SMTP service behind {@code AT+QSMTPPUT}: one send at a time, on its own thread, bounded by the send's
 * timeout (times the builder's scale; 658 when it runs out). Applies the delivery faults: a forced result, the
 * server unreachable (654 without trying) or slow (the session starts late), and a delay before the result.
 * The result is handed to the {@link Listener} on the modem's timer thread, which sends the URC.
 */
public final class SmtpDelivery implements AutoCloseable {

    /** Sends one email for real; {@link MailSender#send} in the emulator. */
    @FunctionalInterface
    public interface Sender {
        MailSender.Result send(MailSnapshot snapshot, long timeoutMillis);
    }

    /** Told once per accepted send, on the modem thread, when its URC is due. */
    @FunctionalInterface
    public interface Listener {
        void completed(MailSnapshot snapshot, MailSender.Result result, boolean forced);
    }

    private final Timers timers;
    private final FaultState faults;
    private final Sender sender;
    private final double timeoutScale;
    private final Listener listener;
    private final ExecutorService mailer = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "uc15-emulator-smtp");
        t.setDaemon(true);
        return t;
    });
    private long seq;
    private long active;
    private boolean finishing;

    public SmtpDelivery(Timers timers, FaultState faults, Sender sender, double timeoutScale, Listener listener) {
        this.timers = timers;
        this.faults = faults;
        this.sender = sender;
        this.timeoutScale = timeoutScale;
        this.listener = listener;
    }

    /** A send was accepted and its URC is not sent yet. */
    public boolean busy() {
        return active != 0;
    }

    /** Forgets the send in progress: no URC will come (power-off). */
    public void abandon() {
        active = 0;
        finishing = false;
    }

    /**
     * Starts the send of {@code snap}. {@code contextReady}: registered with the send's PDP context active
     * (else 657 without trying).
     */
    public void start(MailSnapshot snap, boolean contextReady, String whyNotReady) {
        long id = ++seq;
        active = id;
        finishing = false;
        int[] forced = faults.takeForcedPutResult();
        if (forced != null) {
            faults.count(FaultState.Injected.FORCED_RESULT);
            finish(id, snap, new MailSender.Result(forced[0], forced[1], "forced by test"), true);
            return;
        }
        if (!contextReady) {
            finish(id, snap, new MailSender.Result(657, 0, whyNotReady), false);
            return;
        }
        if (faults.smtpUnreachableNow()) {
            faults.count(FaultState.Injected.SMTP_UNREACHABLE);
            finish(id, snap, new MailSender.Result(654, 0, "SMTP server unreachable (fault)"), false);
            return;
        }
        long millis = (long) Math.max(1, snap.timeoutSeconds() * 1000.0 * timeoutScale);
        long slow = faults.smtpSlow().toNanos();
        if (slow > 0) {
            faults.count(FaultState.Injected.SMTP_SLOW);
        }
        Future<?> f = mailer.submit(() -> {
            if (slow > 0) {
                FaultState.sleepNanos(slow);
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
            MailSender.Result r = sender.send(snap, millis);
            timers.schedule(0, () -> finish(id, snap, r, false));
        });
        timers.schedule(millis * 1_000_000L, () -> {
            if (active == id && !finishing) {
                f.cancel(true);
                finish(id, snap, new MailSender.Result(658, 0, "QSMTPPUT timeout"), false);
            }
        });
    }

    private void finish(long id, MailSnapshot snap, MailSender.Result r, boolean forced) {
        if (active != id || finishing) {
            return;
        }
        finishing = true;
        Runnable done = () -> {
            if (active != id) {
                return;
            }
            active = 0;
            finishing = false;
            listener.completed(snap, r, forced);
        };
        long delay = faults.putResultDelay().toNanos();
        if (delay > 0) {
            faults.count(FaultState.Injected.PUT_RESULT_DELAY);
        }
        // never inside the AT+QSMTPPUT command itself: its OK and its recording come first
        timers.schedule(Math.max(0, delay), done);
    }

    @Override
    public void close() {
        mailer.shutdownNow();
    }
}
