package io.github.uc15mail;

import io.github.uc15mail.error.internal.Outcomes;
import io.github.uc15mail.error.SmtpServiceException;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.mail.RetryPolicy;
import io.github.uc15mail.mail.Security;
import io.github.uc15mail.mail.SendProgressListener;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.mail.SendProgressListener.SubmitGate;
import io.github.uc15mail.at.AtSession;
import io.github.uc15mail.at.AtSession.Subscription;
import io.github.uc15mail.internal.exec.Attempt;
import io.github.uc15mail.internal.exec.Operation;
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
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends email through one modem of the UC15's family (UC15, EC25, EG25-G, …) with one {@link SmtpConfig}: a
 * send recipe over a {@link Modem}, with no thread or queue of its own. Every send is one operation on the modem's
 * queue, so several mailers (with different configurations) may share one modem and their sends never interleave.
 *
 * <h2>What it guarantees</h2>
 * <ul>
 *   <li>Sends run one after another, in the order {@link #sendAsync} was called, on the modem's worker thread;
 *       sends of different mailers on one {@link Modem} never interleave (each holds the modem from its first
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
    /** What closing the modem waits for a send beyond its busy and result waits. */
    private static final Duration CLOSE_MARGIN = Duration.ofSeconds(60);

    private final Modem modem;
    private final SmtpConfig config;
    private final RetryPolicy retryPolicy;
    private final boolean ownsModem;
    private final CopyOnWriteArrayList<SendProgressListener> listeners = new CopyOnWriteArrayList<>();

    private ModemMailer(Builder b) {
        this.modem = b.modem;
        this.config = b.config;
        this.retryPolicy = b.retryPolicy;
        this.ownsModem = b.ownsSession;
        if (b.listener != null) {
            listeners.add(b.listener);
        }
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

    /** Opens a session on {@code transport} and a mailer that owns it (closing the mailer closes both). */
    public static ModemMailer open(Transport transport, SmtpConfig config) throws IOException {
        return builder(Modem.open(transport), config).ownsSession(true).build();
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
        Operation<SendReceipt> send = Operation.of("send", attempt -> sendOnce(draft, attempt))
                .retriedBy(retryPolicy).cancelledWhen(future::isCancelled).gatedBy(tracked).reportingTo(listeners)
                .closeBudget(config.busyWait().multipliedBy(2).plus(config.sendResultTimeout()).plus(CLOSE_MARGIN));
        return modem.enqueue(send, future);
    }

    /** One attempt, holding the modem: the send recipe, and what it teaches the modem's state. */
    private SendReceipt sendOnce(EmailDraft draft, Attempt attempt) {
        try {
            Sends.Sent sent = Sends.send(config, draft, modem.session(), modem.state(), attempt.progress(),
                    attempt.cancelled(), attempt.gate());
            modem.state().modemWorked();
            return new SendReceipt(sent.recipients(), 0, sent.protocolError(), sent.phaseTimes(),
                    attempt.bytesWritten(), attempt.number());
        } catch (Uc15Exception e) {
            modem.state().failed(e);
            if (e instanceof SmtpServiceException s && s.protocolError() != 0) {
                modem.state().modemWorked(); // the server answered: the modem works
            }
            throw e;
        } catch (RuntimeException e) {
            if (Sends.isCancellation(e)) {
                throw new CancellationException("send cancelled");
            }
            log.error("unexpected failure while sending", e);
            throw new Uc15Exception("unexpected failure while sending: " + e, e);
        }
    }

    /** Sends {@code draft} and waits for the result; throws the typed {@link Uc15Exception} on failure. */
    public SendReceipt send(EmailDraft draft) {
        return send(draft, SubmitGate.OPEN);
    }

    /**
     * As {@link #send(EmailDraft)}, with a {@link SubmitGate} called right before {@code AT+QSMTPPUT}.
     *
     * <p>When the calling thread is interrupted, the send is cancelled: it stops at its next safe point and
     * cleans up on the modem's worker thread, and this method throws a {@link Uc15Exception} at once (marked
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

    /**
     * Closes an owned modem ({@link Builder#ownsSession}), which first waits for the running and queued sends,
     * cleanup included (each at most its busy and result waits, {@link SmtpConfig#busyWait()} twice and
     * {@link SmtpConfig#sendResultTimeout()}, plus a minute). A mailer that borrows its modem holds nothing:
     * closing it does nothing, and its queued sends still run.
     */
    @Override
    public void close() {
        if (ownsModem) {
            modem.close();
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
