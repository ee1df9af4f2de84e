package io.github.uc15mail;

import io.github.uc15mail.at.AtCommand;
import io.github.uc15mail.at.AtSession;
import io.github.uc15mail.at.AtSessionOptions;
import io.github.uc15mail.at.AtSession.Subscription;
import io.github.uc15mail.at.TrafficListener;
import io.github.uc15mail.error.TransportClosedException;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.internal.exec.ModemExecutor;
import io.github.uc15mail.internal.exec.Operation;
import io.github.uc15mail.internal.mail.ModemState;
import io.github.uc15mail.internal.mail.Sends;
import io.github.uc15mail.internal.mail.SessionRunner;
import io.github.uc15mail.internal.mail.StatusReader;
import io.github.uc15mail.internal.sms.SmsSender;
import io.github.uc15mail.mail.ModemStatus;
import io.github.uc15mail.mail.SmsReceipt;
import io.github.uc15mail.mail.SendProgressListener.SubmitGate;
import io.github.uc15mail.module.ModuleProfile;
import io.github.uc15mail.module.ModuleProfile.UnsupportedModuleException;
import io.github.uc15mail.transport.Transport;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One modem of the UC15's family (UC15, EC25, EG25-G, …) and the only executor of everything that uses it: it owns
 * its {@link AtSession} and what the SDK knows of the modem (the module's profile, the SMTP settings written last,
 * restarts, the PDP context, the RAM files of ours, recent failures), and runs every operation (a typed command, a
 * send of any {@link ModemMailer}, an SMS, a status read, a recovery) on one fair queue through one chain of
 * interceptors: retry, the queue, cancellation, traffic counting, the submit gate and progress.
 *
 * <h2>What it guarantees</h2>
 * <ul>
 *   <li>Operations never interleave: each holds the modem from its first command (a send's preflight {@code AT})
 *       to the end of its cleanup, so one send's {@code AT+QSMTPDST}, {@code AT+QSMTPBODY} and files never mix
 *       with another's. Waiting operations get the modem in arrival order. Synchronous calls run on the caller's
 *       thread; asynchronous ones ({@link #executeAsync}, {@link ModemMailer#sendAsync}) on the modem's one worker
 *       thread, in the order they were made.</li>
 *   <li>{@link #execute(AtCommand)} returns the command's typed value ({@code modem.execute(Commands.signalQuality())})
 *       and throws the command's typed failure.</li>
 *   <li>The settings cache is per modem: a mailer whose configuration differs from the one written last
 *       writes its own settings again; so does every mailer after a module restart or a failed send.</li>
 *   <li>Warm sends: a send that starts less than {@link AtSessionOptions#fullPreflightAfter()} (60 s) after a
 *       good send, with no failure, restart, command through {@link #execute} or line about a lost SIM,
 *       registration or PDP context since, skips the preflight ({@code AT}, {@code ATE0}, {@code AT+CMEE},
 *       {@code AT+CPIN?}, {@code AT+CGREG?}, {@code AT+QIACT?}): one recipient costs {@code AT+QSMTPDST},
 *       {@code AT+QSMTPSUB}, {@code AT+QSMTPBODY}, {@code AT+QSMTPPUT} and {@code AT+QSMTPCLR}. If it fails before
 *       {@code AT+QSMTPPUT} it runs again with the preflight, so the failure is typed as a cold send's; if
 *       {@code AT+QSMTPPUT} reports a failure, it is never repeated, but the preflight runs and its
 *       {@link io.github.uc15mail.error.ModemNotReadyException} (SIM, registration, PDP) is thrown instead when it
 *       finds one.</li>
 *   <li>A {@code Modem} owns its session: it is opened with it ({@link #open}) and closed with it. It is passed
 *       to whatever uses the modem (mailers, a pool), never looked up, so all that share a modem share its
 *       one queue.</li>
 * </ul>
 *
 * <h2>What it does not guarantee</h2>
 * Commands written on {@link #session()} directly bypass the queue and may interleave with a send; use
 * {@link #execute(AtCommand)}. Another process on the same port is not serialized (only {@link #recover()}
 * repairs what it left). {@link #status()} is a snapshot.
 */
public final class Modem implements AutoCloseable {

    /** How long {@link #recover()} waits for a send the modem is still running (652) to end. */
    public static final Duration DEFAULT_BUSY_WAIT = Duration.ofSeconds(330);

    private final AtSession session;
    private final ModemState state;
    private final ModemExecutor executor;
    private final Subscription coolOnUrc;
    /** The concatenation reference of the last SMS (its low 8 bits are used); starts at a random value. */
    private final AtomicInteger smsReferences = new AtomicInteger(new java.util.Random().nextInt(256));

    private Modem(AtSession session) {
        this.session = session;
        this.state = new ModemState(session.options().clock());
        this.executor = new ModemExecutor(session);
        // A line about a lost SIM, registration or PDP context makes the next send run its full preflight. A
        // traffic listener, not a URC subscription: it runs on the reader thread before the reply that follows
        // the line completes, so a send that sees its AT+QSMTPCLR answered has seen every URC before it.
        this.coolOnUrc = session.addTrafficListener(new TrafficListener() {
            @Override
            public void onLine(String maskedLine) {
                if (ModemState.coolsDown(maskedLine)) {
                    state.cool();
                }
            }
        });
    }

    /** Opens a session on {@code transport} with default options; closing the modem closes it. */
    public static Modem open(Transport transport) throws IOException {
        return open(transport, AtSessionOptions.defaults());
    }

    /**
     * Opens a session on {@code transport}; closing the modem closes it. {@code options} is the one place to set
     * command deadlines ({@link AtSessionOptions.Builder#timeout}).
     */
    public static Modem open(Transport transport, AtSessionOptions options) throws IOException {
        return new Modem(AtSession.open(transport, options));
    }

    /** The session, for URCs and traffic. Commands written on it directly bypass the queue: prefer {@link #execute}. */
    public AtSession session() {
        return session;
    }

    /**
     * Runs one command once the modem is free, on the calling thread, and returns its typed value.
     *
     * @throws Uc15Exception the typed failure of the command ({@link io.github.uc15mail.error.CommandTimeoutException}, ...)
     */
    public <R> R execute(AtCommand<R> command) {
        return executor.execute(commandOperation(command));
    }

    /**
     * As {@link #execute(AtCommand)}, on the modem's worker thread, after the operations queued before it. Never
     * throws: the future completes with the value or the typed failure.
     */
    public <R> CompletableFuture<R> executeAsync(AtCommand<R> command) {
        return executor.enqueue(commandOperation(command), new CompletableFuture<>());
    }

    private <R> Operation<R> commandOperation(AtCommand<R> command) {
        Objects.requireNonNull(command, "command");
        return Operation.of(command.loggable(), attempt -> {
            state.cool(); // a command may change what a warm send relies on (content, settings, PDP)
            state.contentInUse();
            return command.parse(new SessionRunner(session, null).run(command));
        });
    }

    /**
     * Reads the health view: {@code ATI} (once per modem, then remembered), the module's profile ({@code ATI}
     * and {@code AT+QSMTPCFG=?}, once per module start, see {@link #identify(boolean)}), {@code AT+CPIN?},
     * {@code AT+CSQ}, {@code AT+CGREG?}, {@code AT+QIACT?}, waiting for a running send first. Changes nothing
     * on the modem. A module without the SMTP service has no profile and its refusal is one of the problems.
     * A query that fails leaves its field unknown and is named in {@link ModemStatus#problems()}; when the modem
     * does not answer {@code AT}, nothing else is asked ({@link ModemStatus#responding()} is false).
     *
     * @throws TransportClosedException when the link is gone (nothing can be read)
     */
    public ModemStatus status() {
        return run("status", () -> StatusReader.read(session, state));
    }

    /**
     * Identifies the module and returns its profile: reads {@code ATI} and {@code AT+QSMTPCFG=?} the first time
     * and again after the module restarted, and {@code AT+QSSLCFG=?} when {@code withSsl} and not yet read;
     * otherwise returns what was read before without asking. Sends do the same in their preflight. Only test
     * and identification commands are written; waits for a running send first.
     *
     * @throws UnsupportedModuleException when the module has no SMTP service of the kind uc15mail drives (BG95,
     *                                    BG96, GSM M-series), or no SSL when {@code withSsl}
     * @throws Uc15Exception when the module did not answer
     */
    public ModuleProfile identify(boolean withSsl) {
        return run("identify", () -> Sends.profile(session, state, withSsl));
    }

    /**
     * The module's profile as last read (by a send, {@link #status()} or {@link #identify(boolean)}), without
     * asking the module; empty before the first read. After a module restart it is the profile read before it
     * until the next send or status reads it again.
     */
    public Optional<ModuleProfile> profile() {
        return state.lastProfile();
    }

    /**
     * What a program does on start after a crash, before its first send: waits for a running send of this
     * process, ends a data mode a dead host left open ({@code AT}, and a guarded {@code +++} if need be),
     * sets echo off and numeric errors, clears the email content ({@code AT+QSMTPCLR}, waiting up to
     * {@link #DEFAULT_BUSY_WAIT} while the modem still sends), and deletes the RAM files this SDK left behind
     * (those with a marker file {@code RAM:uc15mail-own-<name>}) and their markers. Other files are left alone.
     * The next send writes its settings again. Sends do the same on their own; calling this first makes a
     * gateway's first send as fast as the others and reports what was left.
     *
     * @return the files and markers deleted
     * @throws Uc15Exception when the modem does not answer or stays busy
     */
    public List<String> recover() {
        return recover(DEFAULT_BUSY_WAIT);
    }

    /** As {@link #recover()}, waiting at most {@code busyWait} for a send the modem is still running. */
    public List<String> recover(Duration busyWait) {
        Objects.requireNonNull(busyWait, "busyWait");
        return run("recover", () -> {
            try {
                return Sends.recover(session, state, busyWait);
            } catch (Uc15Exception e) {
                state.error(e.getMessage());
                throw e;
            }
        });
    }

    /** Failed sends in a row that were the modem's fault ({@link Uc15Exception#isModemFault()}); 0 after a success. */
    public int consecutiveFailures() {
        return state.consecutiveFailures();
    }

    /** How often the module announced a restart ({@code RDY}) on this link. */
    public long restartCount() {
        return session.restartCount();
    }

    /** Whether the link is open. */
    public boolean isOpen() {
        return session.isOpen();
    }

    /**
     * Stops taking asynchronous operations, waits for the running and queued ones (each at most its own budget:
     * a send's busy and result waits plus a minute), then closes the session and its transport.
     */
    @Override
    public void close() {
        executor.close();
        coolOnUrc.cancel();
        session.close();
    }

    @Override
    public String toString() {
        return "Modem[" + session.transport().describe() + "]";
    }

    /**
     * Sends one SMS in PDU mode (3GPP TS 27.005): {@code AT}, {@code ATE0}, {@code AT+CMEE=1}, {@code AT+CMGF=0},
     * then for each part {@code AT+CMGS=<TPDU length>}, the PDU in hex and Ctrl-Z written only after the modem's
     * {@code > } prompt, and {@code +CMGS: <mr>}, {@code OK}. Runs on the modem's queue, so it never interleaves
     * with a mail send: it waits until a running send, including the wait for its {@code +QSMTPPUT:} result, has
     * ended (see docs/sms.md for why it does not slip in while that result is pending). The parts of a long text
     * carry one concatenation reference, new for each SMS of this modem.
     *
     * <p>Not guaranteed: that the phone receives it (the network accepted each part, nothing more). A timeout
     * closes an open prompt with ESC; a failure after a part's Ctrl-Z went out with no answer, or after some parts
     * were accepted, is {@linkplain Uc15Exception#isOutcomeUnknown() outcome unknown} and must not be re-sent blindly.
     *
     * @throws io.github.uc15mail.error.ModemErrorException.CmsErrorException when the modem or network refused it ({@code +CMS ERROR: <n>})
     * @throws Uc15Exception the other typed failures of a command (timeout, lost link, restart)
     */
    public SmsReceipt sendSms(SmsDraft draft) {
        return sendSms(draft, SubmitGate.OPEN);
    }

    /**
     * As {@link #sendSms(SmsDraft)}, calling {@code gate} once, after the modem is in PDU mode and immediately
     * before the first {@code AT+CMGS}: from then on a part may reach the phone whatever happens to the host.
     * If the gate throws, nothing is sent.
     */
    public SmsReceipt sendSms(SmsDraft draft, SubmitGate gate) {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(gate, "gate");
        return executor.execute(Operation.of("SMS", attempt -> {
            int reference = smsReferences.incrementAndGet() & 0xFF;
            try {
                SmsReceipt receipt = new SmsSender(session).send(draft.to(), draft.plan(), reference, attempt.gate());
                state.modemWorked();
                return receipt;
            } catch (Uc15Exception e) {
                if (e.isModemFault()) {
                    state.failed(e);
                }
                throw e;
            }
        }).gatedBy(gate));
    }

    // ------------------------------------------------------------------ for mailers

    ModemState state() {
        return state;
    }

    /** Runs {@code op} on the calling thread once the modem is free. */
    <T> T run(Operation<T> op) {
        return executor.execute(op);
    }

    /** Queues {@code op} for the modem's worker; {@code future} completes with its outcome. */
    <T> CompletableFuture<T> enqueue(Operation<T> op, CompletableFuture<T> future) {
        return executor.enqueue(op, future);
    }

    private <T> T run(String name, Supplier<T> work) {
        return executor.execute(Operation.of(name, attempt -> work.get()));
    }

    /** Whether the current thread is running an operation on this modem (for tests and assertions). */
    boolean heldByCurrentThread() {
        return executor.heldByCurrentThread();
    }
}
