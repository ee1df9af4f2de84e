package io.github.uc15mail.testkit;

import io.github.uc15mail.testkit.internal.FaultState;
import io.github.uc15mail.testkit.internal.ModemEngine;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Fault injection for one {@link Uc15Emulator}; every method is one line in a test and returns this
 * object for chaining. Faults stay armed until they fire (one-shot ones) or until {@link #clear()}.
 *
 * <p>Command prefixes are matched case-insensitively against the command line from its {@code AT} on,
 * e.g. {@code "AT+QSMTPPUT"} or {@code "AT+QFUPL=\"RAM:a"}. Counting for {@code nth} starts when the fault
 * is armed.
 *
 * <p>Does not guarantee exact timing: delays and line speed are approximations by thread sleeps.
 */
public final class Faults {

    private final FaultState state;
    private final ModemEngine engine;
    private final ScheduledThreadPoolExecutor script = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "uc15-emulator-fault-script");
        t.setDaemon(true);
        return t;
    });
    private final List<Throwable> scriptFailures = new CopyOnWriteArrayList<>();

    Faults(FaultState state, ModemEngine engine) {
        this.state = state;
        this.engine = engine;
    }

    /** How often faults of {@code kind} were injected since the emulator was built ({@link #clear()} keeps it). */
    public int injected(FaultKind kind) {
        return state.injected(FaultState.Injected.valueOf(kind.name()));
    }

    // ------------------------------------------------------------------ outages that last
    // These wait for the modem thread: call them from a test or an at(...) step, never from an onNth action.

    /**
     * The modem loses network registration now and gets it back after {@code duration}: meanwhile
     * {@code AT+CGREG?} says {@code +CGREG: <n>,2}, {@code AT+QIACT} answers {@code ERROR} and a send ends with
     * {@code +QSMTPPUT: 657,0}; with {@code AT+CGREG=1} or {@code 2} the URCs {@code +CGREG: 2} and then
     * {@code +CGREG: 1} announce it. Active PDP contexts stay active (the module keeps them through a short
     * loss). Returns once registration is lost.
     */
    public Faults noRegistration(Duration duration) {
        long nanos = Objects.requireNonNull(duration).toNanos();
        engine.call(() -> {
            engine.registrationLost();
            engine.schedule(engine::registrationBack, nanos);
            return null;
        });
        return this;
    }

    /**
     * The network deactivates PDP context {@code cid} now: the URC {@code +QIURC: "pdpdeact",<cid>} (when it was
     * active), and the next send on it ends with {@code +QSMTPPUT: 657,0} until the host activates it again.
     */
    public Faults dropPdp(int cid) {
        if (cid < 1 || cid > 16) {
            throw new IllegalArgumentException("cid must be 1-16, was " + cid);
        }
        engine.call(() -> {
            engine.dropPdp(cid);
            return null;
        });
        return this;
    }

    /**
     * The SIM is taken out now, for good (power cycles do not bring it back): {@code AT+CPIN?} answers
     * {@code +CME ERROR: 10}, the registration is lost and the {@code AT+QSMTP} commands answer {@code ERROR}.
     * No URC announces it (the module's SIM detection is off by default).
     */
    public Faults removeSim() {
        engine.call(() -> {
            engine.removeSim();
            return null;
        });
        return this;
    }

    /** For {@code duration} from now, every send ends with {@code +QSMTPPUT: 654,0} without reaching the server. */
    public Faults smtpUnreachable(Duration duration) {
        state.smtpUnreachable(Objects.requireNonNull(duration).toNanos());
        return this;
    }

    /**
     * Every send reaches the server {@code delay} late (zero: off), within its own timeout: a delay beyond
     * the {@code AT+QSMTPPUT} timeout (times the builder's scale) ends it with 658.
     */
    public Faults smtpSlow(Duration delay) {
        state.smtpSlow(Objects.requireNonNull(delay));
        return this;
    }

    /**
     * The module loses power now and comes back after {@code offFor}: the host link is closed at once, every
     * state is lost as by {@link #resetModem()} (a send in progress gives no URC), and input is ignored while
     * off. At power-on the modem writes {@code RDY} to the link then attached, or else to the next one. Returns
     * once it is off.
     */
    public Faults powerOff(Duration offFor) {
        long nanos = Objects.requireNonNull(offFor).toNanos();
        engine.call(() -> {
            engine.powerOff();
            engine.schedule(engine::powerBackOn, nanos);
            return null;
        });
        return this;
    }

    /**
     * Runs {@code fault} on these faults {@code after} from now, on a script thread: a scheduled outage, e.g.
     * {@code faults().at(Duration.ofSeconds(2), f -> f.noRegistration(Duration.ofSeconds(5)))}. Several calls
     * make a script. A step that throws is kept in {@link #scriptFailures()}.
     */
    public Faults at(Duration after, Consumer<Faults> fault) {
        Objects.requireNonNull(fault);
        script.schedule(() -> {
            try {
                fault.accept(this);
            } catch (RuntimeException | Error e) {
                scriptFailures.add(e);
            }
        }, Objects.requireNonNull(after).toNanos(), TimeUnit.NANOSECONDS);
        return this;
    }

    /** Steps of {@link #at} that threw, oldest first. */
    public List<Throwable> scriptFailures() {
        return List.copyOf(scriptFailures);
    }

    void shutdown() {
        script.shutdownNow();
    }

    /** Every write from the modem (echo, replies, URCs) goes out in pieces of {@code n} bytes; 0 = off. */
    public Faults chunkReplies(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0");
        }
        state.chunks(n);
        return this;
    }

    /** Every write from the modem goes out in pieces of 1-16 bytes, sizes drawn from {@code seed}. */
    public Faults randomChunks(long seed) {
        state.randomChunks(seed);
        return this;
    }

    /** Each command's reply (not its echo, not URCs) is held back for {@code delay}. */
    public Faults replyDelay(Duration delay) {
        state.replyDelay(Objects.requireNonNull(delay));
        return this;
    }

    /**
     * When on, the URCs {@code +CMTI: "SM",3}, {@code +QIND: "csq",20,99} and {@code +CGREG: 1} (in turn) are
     * written after every information line of a reply and right after its final result code (not after
     * {@code CONNECT}).
     */
    public Faults urcNoise(boolean on) {
        state.urcNoise(on);
        return this;
    }

    /**
     * The next command starting with {@code commandPrefix} gets no echo and no reply at all, but it DOES take
     * effect (like a reply lost on the wire). For {@code AT+QSMTPBODY}/{@code AT+QFUPL} the {@code CONNECT}
     * and the final reply are both swallowed while data mode is still entered. Later URCs are not affected.
     */
    public Faults silenceNext(String commandPrefix) {
        state.addRule(commandPrefix, FaultState.Action.SILENCE, 1, 0);
        return this;
    }

    /** Writes {@code bytes} to the host now (queued behind anything already being written). */
    public Faults garbage(byte[] bytes) {
        engine.garbage(bytes);
        return this;
    }

    /** Writes {@code bytes} just before the next reply (after that command's echo). */
    public Faults garbageBeforeNextReply(byte[] bytes) {
        state.garbageBeforeNextReply(bytes);
        return this;
    }

    /**
     * Power-cycles the modem: echo back to the builder's setting, CMEE 1, PDP contexts inactive, SSL and
     * SMTP configuration to defaults, content cleared, RAM files lost (UFS files kept), data mode and any
     * send in progress abandoned (no URC); then writes {@code \r\nRDY\r\n}. Armed faults are kept. Returns
     * once the state is reset.
     */
    public Faults resetModem() {
        engine.call(() -> {
            state.count(FaultState.Injected.RESET);
            engine.reset();
            return null;
        });
        return this;
    }

    /**
     * The {@code nth} command (1-based) starting with {@code commandPrefix} is not executed and answers
     * {@code +CME ERROR: code} (as {@code ERROR} under {@code AT+CMEE=0}, as text under {@code AT+CMEE=2}).
     */
    public Faults cmeErrorOn(String commandPrefix, int nth, int code) {
        state.addRule(commandPrefix, FaultState.Action.CME_ERROR, nth, code);
        return this;
    }

    /**
     * The {@code nth} SMS PDU from now (1-based; each part of a long SMS is one) is not sent: its {@code AT+CMGS}
     * answers {@code +CMS ERROR: code} after the PDU came (as {@code ERROR} under {@code AT+CMEE=0}). A lost
     * registration ({@link #noRegistration}) answers every PDU {@code +CMS ERROR: 331} meanwhile.
     */
    public Faults cmsErrorOn(int nth, int code) {
        if (nth < 1) {
            throw new IllegalArgumentException("nth: must be 1 or more, was " + nth);
        }
        engine.call(() -> {
            engine.sms().failNth(nth, code);
            return null;
        });
        return this;
    }

    /** The {@code nth} command starting with {@code commandPrefix} is not executed and answers {@code ERROR}. */
    public Faults errorOn(String commandPrefix, int nth) {
        state.addRule(commandPrefix, FaultState.Action.ERROR, nth, 0);
        return this;
    }

    /** The next accepted {@code AT+QSMTPPUT} sends nothing and reports {@code +QSMTPPUT: err,protocolError}. */
    public Faults forcePutResult(int err, int protocolError) {
        state.forcePutResult(err, protocolError);
        return this;
    }

    /** Every {@code +QSMTPPUT:} URC comes {@code delay} after the send ended (the service stays busy meanwhile). */
    public Faults putResultDelay(Duration delay) {
        state.putResultDelay(Objects.requireNonNull(delay));
        return this;
    }

    /** Paces bytes in both directions at {@code baud / 10} bytes per second (8N1); 0 = unlimited. */
    public Faults lineSpeed(int baud) {
        state.baud(baud);
        return this;
    }

    /**
     * When the next command starting with {@code commandPrefix} arrives, the modem drops the link (the host
     * transport is closed) without echoing or executing it. The modem state is kept; connect again.
     */
    public Faults closeLinkOnNext(String commandPrefix) {
        state.addRule(commandPrefix, FaultState.Action.CLOSE_LINK, 1, 0);
        return this;
    }

    /**
     * When the {@code nth} command (1-based) starting with {@code commandPrefix} arrives, the module restarts
     * instead of executing it: no echo, no reply, the state lost as by {@link #resetModem()}, then
     * {@code RDY}.
     */
    public Faults resetOnNth(String commandPrefix, int nth) {
        state.addRule(commandPrefix, FaultState.Action.RESET, nth, 0);
        return this;
    }

    /**
     * When the {@code nth} command (1-based) starting with {@code commandPrefix} arrives, runs {@code action}
     * on the modem thread before the command is echoed or executed; for arming reply faults from that
     * command on, e.g. {@code f.onNth("AT+QSMTPDST", 1, () -> f.chunkReplies(1))}. The action must only arm
     * faults (not call {@link #resetModem()}).
     */
    public Faults onNth(String commandPrefix, int nth, Runnable action) {
        state.addRule(commandPrefix, FaultState.Action.HOOK, nth, 0, Objects.requireNonNull(action));
        return this;
    }

    /** Disarms every fault (outages already under way run their course; injection counts are kept). */
    public Faults clear() {
        state.clear();
        return this;
    }
}
