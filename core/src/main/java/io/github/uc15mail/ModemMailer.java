package io.github.uc15mail;

import io.github.uc15mail.error.internal.Outcomes;
import io.github.uc15mail.error.SmtpServiceException;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.mail.RetryPolicy;
import io.github.uc15mail.mail.Security;
import io.github.uc15mail.mail.SendProgressListener.SendPhase;
import io.github.uc15mail.mail.SendProgressListener;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.mail.SendProgressListener.SubmitGate;
import io.github.uc15mail.at.AtSession;
import io.github.uc15mail.at.Subscription;
import io.github.uc15mail.at.TrafficListener;
import io.github.uc15mail.internal.mail.Sends;
import io.github.uc15mail.transport.Transport;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends email through one modem of the UC15's family (UC15, EC25, EG25-G, …) with one {@link SmtpConfig}.
 * It borrows a {@link Modem}: several mailers
 * (with different configurations) may share one modem, and their sends never interleave.
 *
 * <h2>What it guarantees</h2>
 * <ul>
 *   <li>Sends on one mailer run one after another, in the order {@link #sendAsync} was called; sends of
 *       different mailers on one {@link Modem} never interleave (each holds the modem's lock from its first
 *       command to the end of its cleanup).</li>
 *   <li>{@link #sendAsync} never throws: every failure completes the future exceptionally with a
 *       {@link Uc15Exception} subclass (the draft was already checked when it was built).</li>
 *   <li>The first send on a {@link Modem} (and the first after a module restart) identifies the module
 *       ({@code ATI}, {@code AT+QSMTPCFG=?}, and {@code AT+QSSLCFG=?} when the configuration uses SSL); a
 *       module without the SMTP service (BG95, BG96, a GSM M-series) fails with an
 *       {@link io.github.uc15mail.module.ModuleProfile.UnsupportedModuleException} before any setting is written. See {@link Modem#profile()}.</li>
 *   <li>After every send, successful or not, the mailer clears the modem's email content
 *       ({@code AT+QSMTPCLR}) and deletes the files this send uploaded, so the next send starts clean.
 *       If the link to the modem is lost, that cleanup happens at the start of the next send instead.</li>
 *   <li>A {@code +QSMTPPUT:} result is taken only if it arrived after this send's {@code AT+QSMTPPUT} was
 *       answered {@code OK}; one left over from an earlier (crashed) send is ignored.</li>
 *   <li>A {@link RetryPolicy} retries a failure that {@link Uc15Exception#isRetryable() is retryable} and whose
 *       outcome is known, including a definite result such as {@code +QSMTPPUT: 667,450} (a temporary
 *       refusal by the server) that came after {@code AT+QSMTPPUT} was accepted.</li>
 * </ul>
 *
 * <h2>What it cannot guarantee</h2>
 * Once the modem accepted {@code AT+QSMTPPUT}, the server may have received the email even if the send
 * then fails with a timeout ({@link io.github.uc15mail.error.CommandTimeoutException}), a lost link ({@link io.github.uc15mail.error.TransportClosedException})
 * or a module restart, with no result: such a failure is marked {@link Uc15Exception#isOutcomeUnknown()} and
 * never retried automatically; sending again may deliver the email twice.
 */
public final class ModemMailer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModemMailer.class);
    private static final AtomicInteger IDS = new AtomicInteger();
    /** What {@link #close()} waits for beyond the busy and result waits of the send it lets finish. */
    private static final Duration CLOSE_MARGIN = Duration.ofSeconds(60);

    private final Modem modem;
    private final SmtpConfig config;
    private final RetryPolicy retryPolicy;
    private final boolean ownsModem;
    private final ExecutorService executor;
    private final CopyOnWriteArrayList<SendProgressListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong bytesThisSend = new AtomicLong();
    private final Subscription trafficCounter;

    private ModemMailer(Builder b) {
        this.modem = b.modem;
        this.config = b.config;
        this.retryPolicy = b.retryPolicy;
        this.ownsModem = b.ownsSession;
        int id = IDS.incrementAndGet();
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "uc15mail-mailer-" + id);
            t.setDaemon(true);
            return t;
        });
        if (b.listener != null) {
            listeners.add(b.listener);
        }
        this.trafficCounter = modem.session().addTrafficListener(new TrafficListener() {
            @Override
            public void onCommand(String maskedLine) {
                bytesThisSend.addAndGet(maskedLine.length() + 1L);
            }

            @Override
            public void onPayload(String maskedCommand, long bytes) {
                bytesThisSend.addAndGet(bytes);
            }
        });
        if (config.isUnverified()) {
            log.warn("SMTP to {}:{} uses {}: mail and credentials cross the network without verified encryption",
                    config.host(), config.port(), config.security() == Security.NONE ? "no encryption"
                            : config.security() + " without certificate verification (security level 0)");
        }
    }

    /** A mailer borrowing {@code modem}; closing the mailer leaves the modem open. */
    public static ModemMailer create(Modem modem, SmtpConfig config) {
        return builder(modem, config).build();
    }

    /**
     * A mailer on an existing session, through the session's one {@link Modem} ({@link Modem#on(AtSession)}),
     * so mailers created on one session serialize their sends; closing the mailer leaves the session open.
     */
    public static ModemMailer create(AtSession session, SmtpConfig config) {
        return builder(session, config).build();
    }

    /** Opens a session on {@code transport} and a mailer that owns it (closing the mailer closes both). */
    public static ModemMailer open(Transport transport, SmtpConfig config) throws IOException {
        return builder(Modem.open(transport), config).ownsSession(true).build();
    }

    /** A builder for a mailer on the session's one {@link Modem}. */
    public static Builder builder(AtSession session, SmtpConfig config) {
        return new Builder(Modem.on(Objects.requireNonNull(session, "session")), config);
    }

    /** A builder for a mailer borrowing {@code modem}. */
    public static Builder builder(Modem modem, SmtpConfig config) {
        return new Builder(modem, config);
    }

    /**
     * The AT script a send of {@code draft} with {@code config} would write to a fresh, ready modem, secrets
     * masked. Touches no modem.
     */
    public static List<String> plan(SmtpConfig config, EmailDraft draft) {
        return Sends.plan(Objects.requireNonNull(config, "config"), Objects.requireNonNull(draft, "draft"));
    }

    /** The modem this mailer borrows. */
    public Modem modem() {
        return modem;
    }

    /**
     * The session this mailer sends through (for URCs and traffic). Commands written on it directly are not
     * serialized with sends; use {@link Modem#execute} ({@code mailer.modem().execute(...)}).
     */
    public AtSession session() {
        return modem.session();
    }

    public SmtpConfig config() {
        return config;
    }

    /** Adds a progress listener for all later sends. */
    public Subscription addProgressListener(SendProgressListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    /**
     * Queues {@code draft} for sending. The future completes with a {@link SendReceipt} once the modem
     * reported {@code +QSMTPPUT: 0,...}, or exceptionally with the typed failure after the modem was
     * cleaned up. Cancelling the future stops the send at the next safe point (between commands, or
     * between upload blocks) and still cleans up; after {@code AT+QSMTPPUT} was accepted the send can no
     * longer be stopped.
     *
     * <p>The ambiguity of a failure after {@code AT+QSMTPPUT} is described in the class documentation.
     */
    public CompletableFuture<SendReceipt> sendAsync(EmailDraft draft) {
        return sendAsync(draft, SubmitGate.OPEN);
    }

    /**
     * As {@link #sendAsync(EmailDraft)}, calling {@code gate} right before {@code AT+QSMTPPUT} is written
     * (see {@link SubmitGate}). A failure after that point whose result never came is marked
     * {@link Uc15Exception#isOutcomeUnknown()}.
     */
    public CompletableFuture<SendReceipt> sendAsync(EmailDraft draft, SubmitGate gate) {
        return submit(draft, gate, new AtomicBoolean());
    }

    private CompletableFuture<SendReceipt> submit(EmailDraft draft, SubmitGate gate, AtomicBoolean submitted) {
        CompletableFuture<SendReceipt> future = new CompletableFuture<>();
        if (draft == null) {
            future.completeExceptionally(new Uc15Exception("draft is null"));
            return future;
        }
        SubmitGate tracked = () -> {
            (gate == null ? SubmitGate.OPEN : gate).beforeSubmit();
            submitted.set(true);
        };
        try {
            executor.execute(() -> runSend(draft, tracked, future));
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(new Uc15Exception("the mailer is closed"));
        }
        return future;
    }

    /** Sends {@code draft} and waits for the result; throws the typed {@link Uc15Exception} on failure. */
    public SendReceipt send(EmailDraft draft) {
        return send(draft, SubmitGate.OPEN);
    }

    /**
     * As {@link #send(EmailDraft)}, with a {@link SubmitGate} called right before {@code AT+QSMTPPUT}.
     *
     * <p>When the calling thread is interrupted, the send is cancelled: it stops at its next safe point and
     * cleans up on the mailer's thread, and this method throws a {@link Uc15Exception} at once (marked
     * {@link Uc15Exception#isOutcomeUnknown()} if {@code AT+QSMTPPUT} may already have been written).
     */
    public SendReceipt send(EmailDraft draft, SubmitGate gate) {
        AtomicBoolean submitted = new AtomicBoolean();
        CompletableFuture<SendReceipt> future = submit(draft, gate, submitted);
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Uc15Exception u) {
                throw u;
            }
            throw new Uc15Exception("send failed: " + e.getCause(), e.getCause());
        } catch (CancellationException e) {
            throw new Uc15Exception("the send was cancelled", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(false);
            Uc15Exception failure = new Uc15Exception("interrupted while sending; the send was cancelled and cleans up"
                    + (submitted.get() ? ", but AT+QSMTPPUT was already written: the email may be sent" : ""), e);
            if (submitted.get()) {
                Outcomes.markUnknown(failure);
            }
            throw failure;
        }
    }

    /**
     * The AT script a send of {@code draft} would write to a fresh, ready modem with this configuration,
     * secrets masked. Touches no modem.
     */
    public List<String> plan(EmailDraft draft) {
        return plan(config, draft);
    }

    private void runSend(EmailDraft draft, SubmitGate gate, CompletableFuture<SendReceipt> future) {
        if (future.isDone()) {
            return;
        }
        SendProgressListener fanOut = new SendProgressListener() {
            @Override
            public void onPhase(SendPhase phase) {
                listeners.forEach(l -> l.onPhase(phase));
            }

            @Override
            public void onBytes(String item, long written, long total) {
                listeners.forEach(l -> l.onBytes(item, written, total));
            }
        };
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                int thisAttempt = attempt;
                SendReceipt receipt = modem.exclusively(() -> {
                    bytesThisSend.set(0);
                    Sends.Sent sent = Sends.send(config, draft, modem.session(), modem.state(), fanOut,
                            future::isCancelled, gate);
                    return new SendReceipt(sent.recipients(), 0, sent.protocolError(), sent.phaseTimes(),
                            bytesThisSend.get(), thisAttempt);
                });
                modem.state().modemWorked();
                future.complete(receipt);
                return;
            } catch (Uc15Exception e) {
                modem.state().failed(e);
                if (e instanceof SmtpServiceException s && s.protocolError() != 0) {
                    modem.state().modemWorked(); // the server answered: the modem works
                }
                if (future.isCancelled()) {
                    return;
                }
                if (attempt < retryPolicy.maxAttempts() && e.isRetryable() && !e.isOutcomeUnknown()) {
                    log.info("send attempt {} failed ({}); retrying in {} ms", attempt, e.getMessage(),
                            retryPolicy.backoff().toMillis());
                    try {
                        Thread.sleep(retryPolicy.backoff().toMillis());
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        future.completeExceptionally(e);
                        return;
                    }
                    continue;
                }
                future.completeExceptionally(e);
                return;
            } catch (RuntimeException e) {
                if (Sends.isCancellation(e)) {
                    future.completeExceptionally(new CancellationException("send cancelled"));
                    return;
                }
                log.error("unexpected failure while sending", e);
                future.completeExceptionally(new Uc15Exception("unexpected failure while sending: " + e, e));
                return;
            }
        }
    }

    /**
     * Stops accepting sends and waits for the running and already queued ones to finish, cleanup included,
     * then closes an owned modem. A running send may wait up to its busy wait and result wait
     * ({@link SmtpConfig#busyWait()}, {@link SmtpConfig#sendResultTimeout()}); close waits for each queued send
     * that long plus a minute (twice the busy wait: before and after the send), then interrupts the mailer's
     * thread. Interrupting the closing thread stops the wait the same way.
     */
    @Override
    public void close() {
        executor.shutdown();
        Duration perSend = config.busyWait().multipliedBy(2).plus(config.sendResultTimeout()).plus(CLOSE_MARGIN);
        try {
            if (!executor.awaitTermination(perSend.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("a send is still running after {} s; interrupting it", perSend.toSeconds());
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
        trafficCounter.cancel();
        if (ownsModem) {
            modem.close();
            modem.session().close(); // also when the modem was made by Modem.on for a session the mailer owns
        }
    }

    /** Builds a {@link ModemMailer}. */
    public static final class Builder {
        private final Modem modem;
        private final SmtpConfig config;
        private RetryPolicy retryPolicy = RetryPolicy.none();
        private SendProgressListener listener;
        private boolean ownsSession;

        private Builder(Modem modem, SmtpConfig config) {
            this.modem = Objects.requireNonNull(modem, "modem");
            this.config = Objects.requireNonNull(config, "config");
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        public Builder progressListener(SendProgressListener l) {
            this.listener = l;
            return this;
        }

        /** Whether closing the mailer closes the modem and its session too. */
        public Builder ownsSession(boolean owns) {
            this.ownsSession = owns;
            return this;
        }

        public ModemMailer build() {
            return new ModemMailer(this);
        }
    }
}
