package io.github.uc15mail.testkit.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;

/**
 * The faults a test has armed, and how often each was injected. Thread-safe: every method synchronizes on this
 * object. The modem applies them in {@link FaultGate} (command and reply faults), {@link OutputPump} (the wire)
 * and {@link SmtpDelivery} (the send).
 */
public final class FaultState {

    /** What was injected, counted each time it really changed what the host saw. */
    public enum Injected {
        ERROR, CME_ERROR, SILENCE, GARBAGE, CHUNKS, URC_NOISE, RESET, CLOSE_LINK, HOOK, FORCED_RESULT, REPLY_DELAY,
        PUT_RESULT_DELAY, LINE_SPEED, NO_REGISTRATION, PDP_DROPPED, SMTP_UNREACHABLE, SMTP_SLOW, POWER_OFF,
        SIM_REMOVED, CMS_ERROR
    }

    private final java.util.EnumMap<Injected, Integer> counts = new java.util.EnumMap<>(Injected.class);
    private long smtpUnreachableUntil;
    private boolean smtpUnreachable;
    private Duration smtpSlow = Duration.ZERO;

    /** Counts one injection of {@code what}. */
    public synchronized void count(Injected what) {
        counts.merge(what, 1, Integer::sum);
    }

    /** How often {@code what} was injected since the emulator started (not reset by {@link #clear()}). */
    public synchronized int injected(Injected what) {
        return counts.getOrDefault(what, 0);
    }

    /** SMTP connections fail as unreachable (654) for {@code nanos} from now. */
    public synchronized void smtpUnreachable(long nanos) {
        smtpUnreachable = true;
        smtpUnreachableUntil = System.nanoTime() + nanos;
    }

    /** Whether the SMTP server counts as unreachable now. */
    public synchronized boolean smtpUnreachableNow() {
        if (smtpUnreachable && System.nanoTime() - smtpUnreachableUntil >= 0) {
            smtpUnreachable = false;
        }
        return smtpUnreachable;
    }

    /** Every SMTP session starts {@code delay} late (zero: off). */
    public synchronized void smtpSlow(Duration delay) {
        smtpSlow = delay == null ? Duration.ZERO : delay;
    }

    public synchronized Duration smtpSlow() {
        return smtpSlow;
    }

    /** What a matching command rule does. */
    public enum Action { SILENCE, CME_ERROR, ERROR, CLOSE_LINK, RESET, HOOK }

    /** A rule that fires on the nth command starting with a prefix. */
    public static final class Rule {
        final String prefix;
        final Action action;
        final int code;
        final Runnable hook;
        int remaining;

        Rule(String prefix, Action action, int nth, int code, Runnable hook) {
            this.prefix = prefix.toUpperCase(Locale.ROOT);
            this.action = action;
            this.remaining = nth;
            this.code = code;
            this.hook = hook;
        }

        /** The action of a {@link Action#HOOK} rule. */
        public Runnable hook() {
            return hook;
        }

        public Action action() {
            return action;
        }

        public int code() {
            return code;
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    private int chunkSize;
    private Random random;
    private Duration replyDelay = Duration.ZERO;
    private boolean urcNoise;
    private int baud;
    private byte[] garbageBeforeNextReply;
    private int[] forcedPutResult;
    private Duration putResultDelay = Duration.ZERO;

    public synchronized void addRule(String prefix, Action action, int nth, int code) {
        addRule(prefix, action, nth, code, null);
    }

    public synchronized void addRule(String prefix, Action action, int nth, int code, Runnable hook) {
        if (nth < 1) {
            throw new IllegalArgumentException("nth must be at least 1");
        }
        rules.add(new Rule(prefix, action, nth, code, hook));
    }

    /**
     * Counts {@code command} against every armed rule and returns the rules that fire now (they are then
     * disarmed), in the order they were armed.
     */
    public synchronized List<Rule> matchAll(String command) {
        String upper = command.toUpperCase(Locale.ROOT);
        List<Rule> fired = new ArrayList<>();
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule r = it.next();
            if (upper.startsWith(r.prefix)) {
                r.remaining--;
                if (r.remaining == 0) {
                    it.remove();
                    fired.add(r);
                }
            }
        }
        return fired;
    }

    public synchronized void clear() {
        rules.clear();
        chunkSize = 0;
        random = null;
        replyDelay = Duration.ZERO;
        urcNoise = false;
        baud = 0;
        garbageBeforeNextReply = null;
        forcedPutResult = null;
        putResultDelay = Duration.ZERO;
        smtpUnreachable = false;
        smtpSlow = Duration.ZERO;
    }

    public synchronized void chunks(int size) {
        chunkSize = size;
        random = null;
    }

    public synchronized void randomChunks(long seed) {
        random = new Random(seed);
        chunkSize = 0;
    }

    /** The size of the next piece to write out of {@code remaining} bytes. */
    public synchronized int nextChunk(int remaining) {
        if (random != null) {
            return Math.min(remaining, 1 + random.nextInt(16));
        }
        if (chunkSize > 0) {
            return Math.min(remaining, chunkSize);
        }
        return remaining;
    }

    public synchronized Duration replyDelay() {
        return replyDelay;
    }

    public synchronized void replyDelay(Duration d) {
        replyDelay = d == null ? Duration.ZERO : d;
    }

    public synchronized boolean urcNoise() {
        return urcNoise;
    }

    public synchronized void urcNoise(boolean on) {
        urcNoise = on;
    }

    public synchronized int baud() {
        return baud;
    }

    public synchronized void baud(int b) {
        if (b < 0) {
            throw new IllegalArgumentException("baud must be >= 0");
        }
        baud = b;
    }

    public synchronized void garbageBeforeNextReply(byte[] bytes) {
        garbageBeforeNextReply = bytes.clone();
    }

    public synchronized byte[] takeGarbageBeforeReply() {
        byte[] g = garbageBeforeNextReply;
        garbageBeforeNextReply = null;
        return g;
    }

    public synchronized void forcePutResult(int err, int protocolError) {
        forcedPutResult = new int[] {err, protocolError};
    }

    public synchronized int[] takeForcedPutResult() {
        int[] r = forcedPutResult;
        forcedPutResult = null;
        return r;
    }

    public synchronized Duration putResultDelay() {
        return putResultDelay;
    }

    public synchronized void putResultDelay(Duration d) {
        putResultDelay = d == null ? Duration.ZERO : d;
    }

    /** The wire from the host to the modem and the one back (a serial line is full duplex). */
    public enum Wire { TO_MODEM, FROM_MODEM }

    /** Per wire: the {@link System#nanoTime()} at which it is free again. */
    private final long[] wireFreeAt = new long[Wire.values().length];

    /**
     * Pauses the calling thread until {@code bytes} have crossed {@code wire} at the configured line speed. The
     * wire keeps its own schedule: bytes start when the wire is free (not before they were written) and end
     * 10 bits per byte later, and the thread waits for that instant with {@link LockSupport#parkNanos}, so a
     * 1-byte acknowledgement takes its 87 µs at 115200 baud, not a whole millisecond (the resolution of
     * {@code Thread.sleep}), and rounding never adds up over many writes.
     */
    public void pace(Wire wire, int bytes) {
        int b = baud();
        if (b <= 0 || bytes <= 0) {
            return;
        }
        long nanos = bytes * 10L * 1_000_000_000L / b;
        count(Injected.LINE_SPEED);
        long end;
        synchronized (wireFreeAt) {
            long now = System.nanoTime();
            long start = wireFreeAt[wire.ordinal()] - now > 0 ? wireFreeAt[wire.ordinal()] : now;
            end = start + nanos;
            wireFreeAt[wire.ordinal()] = end;
        }
        for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    static void sleepNanos(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
