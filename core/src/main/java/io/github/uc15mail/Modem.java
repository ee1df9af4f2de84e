package io.github.uc15mail;

import io.github.uc15mail.mail.SmsReceipt;
import io.github.uc15mail.mail.SendProgressListener.SubmitGate;
import io.github.uc15mail.error.TransportClosedException;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.mail.ModemStatus;
import io.github.uc15mail.module.ModuleProfile.UnsupportedModuleException;
import io.github.uc15mail.at.AtCommand;
import io.github.uc15mail.at.AtCommands;
import io.github.uc15mail.at.AtResponse;
import io.github.uc15mail.at.AtSession;
import io.github.uc15mail.at.AtSessionOptions;
import io.github.uc15mail.internal.mail.ModemState;
import io.github.uc15mail.internal.mail.Query;
import io.github.uc15mail.internal.mail.Replies;
import io.github.uc15mail.internal.mail.Sends;
import io.github.uc15mail.internal.mail.SessionRunner;
import io.github.uc15mail.internal.sms.SmsSender;
import io.github.uc15mail.module.ModuleProfile;
import io.github.uc15mail.transport.Transport;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One modem of the UC15's family (UC15, EC25, EG25-G, …): its {@link AtSession}, what the SDK knows of it (the
 * module's profile, the SMTP settings written last, restarts, the PDP context, the RAM files of ours, recent failures), and the one lock that serializes everything that
 * uses the modem's SMTP service or its RAM file system. Mailers ({@link ModemMailer#create(Modem, SmtpConfig)}),
 * a probe or a pool borrow it.
 *
 * <h2>What it guarantees</h2>
 * <ul>
 *   <li>Sends of all mailers on one {@code Modem} never interleave: a send holds the lock from its first
 *       command (the preflight {@code AT}) to the end of its cleanup, so one send's {@code AT+QSMTPDST},
 *       {@code AT+QSMTPBODY} and files never mix with another's. Waiting sends take the lock in arrival order.</li>
 *   <li>Raw commands through {@link #execute(AtCommand)} wait for a running send and run between sends.</li>
 *   <li>The settings cache is per modem: a mailer whose configuration differs from the one written last
 *       writes its own settings again; so does every mailer after a module restart or a failed send.</li>
 *   <li>Warm sends: a send that starts less than {@link AtSessionOptions#fullPreflightAfter()} (60 s) after a
 *       good send, with no failure, restart, raw command or line about a lost SIM, registration or PDP context
 *       since, skips the preflight ({@code AT}, {@code ATE0}, {@code AT+CMEE}, {@code AT+CPIN?}, {@code AT+CGREG?},
 *       {@code AT+QIACT?}): one recipient costs {@code AT+QSMTPDST}, {@code AT+QSMTPSUB}, {@code AT+QSMTPBODY},
 *       {@code AT+QSMTPPUT} and {@code AT+QSMTPCLR}. If it fails before {@code AT+QSMTPPUT} it runs again with
 *       the preflight, so the failure is typed as a cold send's; if {@code AT+QSMTPPUT} reports a failure, it is
 *       never repeated, but the preflight runs and its {@link ModemNotReadyException} (SIM, registration, PDP)
 *       is thrown instead when it finds one.</li>
 *   <li>There is one {@code Modem} per session: {@link #on(AtSession)} returns the same instance for the
 *       same session, so mailers created on one session serialize too.</li>
 * </ul>
 *
 * <h2>What it does not guarantee</h2>
 * Commands written on {@link #session()} directly bypass the lock and may interleave with a send; use
 * {@link #execute(AtCommand)}. Another process on the same port is not serialized (only {@link #recover()}
 * repairs what it left). {@link #status()} is a snapshot.
 */
public final class Modem implements AutoCloseable {

    /** How long {@link #recover()} waits for a send the modem is still running (652) to end. */
    public static final Duration DEFAULT_BUSY_WAIT = Duration.ofSeconds(330);

    private static final Map<AtSession, Modem> BY_SESSION = new IdentityHashMap<>();

    private final AtSession session;
    private final boolean ownsSession;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final ModemState state;
    private final io.github.uc15mail.at.Subscription coolOnUrc;
    private volatile List<String> identity = List.of();
    /** The concatenation reference of the last SMS (its low 8 bits are used); starts at a random value. */
    private final AtomicInteger smsReferences = new AtomicInteger(new java.util.Random().nextInt(256));

    private Modem(AtSession session, boolean ownsSession) {
        this.session = session;
        this.ownsSession = ownsSession;
        this.state = new ModemState(session.options().clock());
        // A line about a lost SIM, registration or PDP context makes the next send run its full preflight. A
        // traffic listener, not a URC subscription: it runs on the reader thread before the reply that follows
        // the line completes, so a send that sees its AT+QSMTPCLR answered has seen every URC before it.
        this.coolOnUrc = session.addTrafficListener(new io.github.uc15mail.at.TrafficListener() {
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
     * Opens a session on {@code transport}; closing the modem closes it. {@code options} is the place to set
     * command deadlines ({@link AtSessionOptions.Builder#timeout}).
     */
    public static Modem open(Transport transport, AtSessionOptions options) throws IOException {
        AtSession session = AtSession.open(transport, options);
        Modem modem = new Modem(session, true);
        synchronized (BY_SESSION) {
            purgeClosed();
            BY_SESSION.put(session, modem);
        }
        return modem;
    }

    /**
     * The {@code Modem} of {@code session}: created on the first call, the same instance afterwards (while the
     * session is open). Closing it leaves the session open.
     */
    public static Modem on(AtSession session) {
        Objects.requireNonNull(session, "session");
        synchronized (BY_SESSION) {
            purgeClosed();
            return BY_SESSION.computeIfAbsent(session, s -> new Modem(s, false));
        }
    }

    private static void purgeClosed() {
        BY_SESSION.values().removeIf(m -> !m.session.isOpen());
    }

    /** The session. Commands written on it directly are not serialized with sends: prefer {@link #execute}. */
    public AtSession session() {
        return session;
    }

    /**
     * Runs one command once no send (or other exclusive use) is running, and returns its response.
     *
     * @throws Uc15Exception the typed failure of the command ({@link io.github.uc15mail.error.CommandTimeoutException}, ...)
     */
    public AtResponse execute(AtCommand command) {
        Objects.requireNonNull(command, "command");
        return exclusively(() -> {
            state.cool(); // a raw command may change what a warm send relies on (content, settings, PDP)
            state.contentInUse();
            return new SessionRunner(session, null).run(command);
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
        return exclusively(() -> {
            SessionRunner runner = new SessionRunner(session, null);
            List<String> problems = new ArrayList<>();
            boolean responding = ask(runner, AtCommands.at(), r -> r, problems) != null;
            if (!responding) {
                // A modem that does not answer AT would time out on every query: report it as it is.
                return new ModemStatus(false, identity, "unknown", ModemStatus.Registration.UNKNOWN,
                        ModemStatus.Signal.UNKNOWN, List.of(), state.lastError(), state.consecutiveFailures(),
                        session.restartCount(), problems, Instant.now(), state.lastProfile());
            }
            if (identity.isEmpty()) {
                List<String> lines = ask(runner, AtCommands.identify(), AtResponse::lines, problems);
                identity = lines == null ? List.of() : List.copyOf(lines);
            }
            ModuleProfile profile = null;
            try {
                profile = Sends.profile(session, state, false);
            } catch (TransportClosedException e) {
                throw e;
            } catch (Uc15Exception e) {
                problems.add(e instanceof UnsupportedModuleException ? e.getMessage()
                        : "module identification: " + e.getMessage());
            }
            String sim = ask(runner, Replies.simStatus(), problems);
            ModemStatus.Signal signal = ask(runner, Replies.signal(), problems);
            ModemStatus.Registration registration = ask(runner, Replies.registration(), problems);
            List<ModemStatus.PdpContext> contexts = ask(runner, Replies.activeContexts(), problems);
            return new ModemStatus(responding, identity, sim == null ? "unknown" : sim,
                    registration == null ? ModemStatus.Registration.UNKNOWN : registration,
                    signal == null ? ModemStatus.Signal.UNKNOWN : signal, contexts == null ? List.of() : contexts,
                    state.lastError(), state.consecutiveFailures(), session.restartCount(), problems, Instant.now(),
                    Optional.ofNullable(profile));
        });
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
        return exclusively(() -> Sends.profile(session, state, withSsl));
    }

    /**
     * The module's profile as last read (by a send, {@link #status()} or {@link #identify(boolean)}), without
     * asking the module; empty before the first read. After a module restart it is the profile read before it
     * until the next send or status reads it again.
     */
    public Optional<ModuleProfile> profile() {
        return state.lastProfile();
    }

    private static <R> R ask(SessionRunner runner, Query<R> query, List<String> problems) {
        return ask(runner, query.command(), query::parse, problems);
    }

    private static <R> R ask(SessionRunner runner, AtCommand command, java.util.function.Function<AtResponse, R> parse,
            List<String> problems) {
        try {
            return parse.apply(runner.run(command));
        } catch (TransportClosedException e) {
            throw e;
        } catch (Uc15Exception e) {
            problems.add(command.loggable() + ": " + e.getMessage());
            return null;
        }
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
        return exclusively(() -> {
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

    /** Closes the session if this modem opened it ({@link #open}); a modem made by {@link #on} leaves it open. */
    @Override
    public void close() {
        synchronized (BY_SESSION) {
            BY_SESSION.remove(session, this);
        }
        coolOnUrc.cancel();
        if (ownsSession) {
            session.close();
        }
    }

    @Override
    public String toString() {
        return "Modem[" + session.transport().describe() + "]";
    }

    /**
     * Sends one SMS in PDU mode (3GPP TS 27.005): {@code AT}, {@code ATE0}, {@code AT+CMEE=1}, {@code AT+CMGF=0},
     * then for each part {@code AT+CMGS=<TPDU length>}, the PDU in hex and Ctrl-Z written only after the modem's
     * {@code > } prompt, and {@code +CMGS: <mr>}, {@code OK}. Runs under this modem's lock, so it never interleaves
     * with a mail send: it waits until a running send, including the wait for its {@code +QSMTPPUT:} result, has
     * ended (see docs/sms.md for why it does not slip in while that result is pending). The parts of a long text
     * carry one concatenation reference, new for each SMS of this modem.
     *
     * <p>Not guaranteed: that the phone receives it (the network accepted each part, nothing more). A timeout
     * closes an open prompt with ESC; a failure after a part's Ctrl-Z went out with no answer, or after some parts
     * were accepted, is {@linkplain Uc15Exception#isOutcomeUnknown() outcome unknown} and must not be re-sent blindly.
     *
     * @throws CmsErrorException when the modem or network refused it ({@code +CMS ERROR: <n>}), classified
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
        return exclusively(() -> {
            int reference = smsReferences.incrementAndGet() & 0xFF;
            try {
                SmsReceipt receipt = new SmsSender(session).send(draft.to(), draft.plan(), reference, gate);
                state.modemWorked();
                return receipt;
            } catch (Uc15Exception e) {
                if (e.isModemFault()) {
                    state.failed(e);
                }
                throw e;
            }
        });
    }

    // ------------------------------------------------------------------ for mailers

    ModemState state() {
        return state;
    }

    /** Runs {@code work} holding the modem's lock (re-entrant). */
    <T> T exclusively(Supplier<T> work) {
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Uc15Exception("interrupted while waiting for the modem " + session.transport().describe(), e);
        }
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the current thread holds the lock (for tests and assertions). */
    boolean heldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }
}
