package io.github.uc15mail;

import io.github.uc15mail.at.AtSession;
import io.github.uc15mail.at.AtSessionOptions;
import io.github.uc15mail.at.Subscription;
import io.github.uc15mail.at.TrafficListener;
import io.github.uc15mail.internal.mail.SendFlow;
import io.github.uc15mail.transport.Transport;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends email through one UC15 modem. Bound to one {@link AtSession} and one {@link SmtpConfig}.
 *
 * <h2>What it guarantees</h2>
 * <ul>
 *   <li>Sends on one mailer run one after another, in the order {@link #sendAsync} was called.</li>
 *   <li>{@link #sendAsync} never throws: every failure completes the future exceptionally with a
 *       {@link Uc15Exception} subclass (the draft was already checked when it was built).</li>
 *   <li>After every send, successful or not, the mailer clears the modem's email content
 *       ({@code AT+QSMTPCLR}) and deletes the files this send uploaded, so the next send starts clean.
 *       If the link to the modem is lost, that cleanup happens at the start of the next send instead.</li>
 *   <li>A {@code +QSMTPPUT:} result is taken only if it arrived after this send's {@code AT+QSMTPPUT} was
 *       answered {@code OK}; one left over from an earlier (crashed) send is ignored.</li>
 * </ul>
 *
 * <h2>What it cannot guarantee</h2>
 * Once the modem accepted {@code AT+QSMTPPUT}, the server may have received the email even if the send
 * then fails with a timeout ({@link CommandTimeoutException}, {@link SmtpTimeoutException}) or a lost
 * link ({@link TransportClosedException}): the result URC never arrived, or the modem gave up after the
 * server had the data. Such failures are never retried automatically; sending again may deliver the email
 * twice.
 */
public final class ModemMailer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModemMailer.class);
    private static final AtomicInteger IDS = new AtomicInteger();

    private final AtSession session;
    private final SmtpConfig config;
    private final RetryPolicy retryPolicy;
    private final boolean ownsSession;
    private final ExecutorService executor;
    private final SendFlow.ModemState modemState = new SendFlow.ModemState();
    private final CopyOnWriteArrayList<SendProgressListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong bytesThisSend = new AtomicLong();
    private final Subscription trafficCounter;

    private ModemMailer(Builder b) {
        this.session = b.session;
        this.config = b.config;
        this.retryPolicy = b.retryPolicy;
        this.ownsSession = b.ownsSession;
        int id = IDS.incrementAndGet();
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "uc15mail-mailer-" + id);
            t.setDaemon(true);
            return t;
        });
        if (b.listener != null) {
            listeners.add(b.listener);
        }
        this.trafficCounter = session.addTrafficListener(new TrafficListener() {
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

    /** A mailer on an existing session; closing the mailer leaves the session open. */
    public static ModemMailer create(AtSession session, SmtpConfig config) {
        return builder(session, config).build();
    }

    /** Opens a session on {@code transport} and a mailer that owns it (closing the mailer closes both). */
    public static ModemMailer open(Transport transport, SmtpConfig config) throws IOException {
        return builder(AtSession.open(transport, AtSessionOptions.defaults()), config).ownsSession(true).build();
    }

    public static Builder builder(AtSession session, SmtpConfig config) {
        return new Builder(session, config);
    }

    /** The session this mailer sends through (for URCs, probes, traffic). */
    public AtSession session() {
        return session;
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
        CompletableFuture<SendReceipt> future = new CompletableFuture<>();
        if (draft == null) {
            future.completeExceptionally(new Uc15Exception("draft is null"));
            return future;
        }
        try {
            executor.execute(() -> runSend(draft, gate, future));
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(new Uc15Exception("the mailer is closed"));
        }
        return future;
    }

    /** Sends {@code draft} and waits for the result; throws the typed {@link Uc15Exception} on failure. */
    public SendReceipt send(EmailDraft draft) {
        return send(draft, SubmitGate.OPEN);
    }

    /** As {@link #send(EmailDraft)}, with a {@link SubmitGate} called right before {@code AT+QSMTPPUT}. */
    public SendReceipt send(EmailDraft draft, SubmitGate gate) {
        try {
            return sendAsync(draft, gate).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Uc15Exception u) {
                throw u;
            }
            throw new Uc15Exception("send failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Uc15Exception("interrupted while sending", e);
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
     * The AT script a send of {@code draft} with {@code config} would write to a fresh, ready modem, secrets masked,
     * without a mailer, a session or a transport: it touches no modem.
     */
    public static List<String> plan(SmtpConfig config, EmailDraft draft) {
        return SendFlow.plan(Objects.requireNonNull(config, "config"), Objects.requireNonNull(draft, "draft"));
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
            bytesThisSend.set(0);
            SendFlow flow = SendFlow.live(config, session, fanOut, future::isCancelled, modemState).gate(gate);
            try {
                SendReceipt r = flow.send(draft);
                future.complete(new SendReceipt(r.recipients(), r.resultCode(), r.protocolError(), r.phaseTimes(),
                        bytesThisSend.get(), attempt));
                return;
            } catch (SendFlow.Cancelled e) {
                future.completeExceptionally(new CancellationException("send cancelled"));
                return;
            } catch (Uc15Exception e) {
                if (future.isCancelled()) {
                    return;
                }
                boolean ambiguous = flow.putAccepted() || e.isOutcomeUnknown();
                if (attempt < retryPolicy.maxAttempts() && e.isRetryable() && !ambiguous) {
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
                log.error("unexpected failure while sending", e);
                future.completeExceptionally(new Uc15Exception("unexpected failure while sending: " + e, e));
                return;
            }
        }
    }

    /** Stops accepting sends, lets a running one finish its cleanup, and closes an owned session. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        trafficCounter.cancel();
        if (ownsSession) {
            session.close();
        }
    }

    /** Builds a {@link ModemMailer}. */
    public static final class Builder {
        private final AtSession session;
        private final SmtpConfig config;
        private RetryPolicy retryPolicy = RetryPolicy.none();
        private SendProgressListener listener;
        private boolean ownsSession;

        private Builder(AtSession session, SmtpConfig config) {
            this.session = Objects.requireNonNull(session, "session");
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

        /** Whether closing the mailer closes the session too. */
        public Builder ownsSession(boolean owns) {
            this.ownsSession = owns;
            return this;
        }

        public ModemMailer build() {
            return new ModemMailer(this);
        }
    }
}
