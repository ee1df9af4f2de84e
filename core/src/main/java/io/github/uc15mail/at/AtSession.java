package io.github.uc15mail.at;

import io.github.uc15mail.CmeErrorException;
import io.github.uc15mail.CommandTimeoutException;
import io.github.uc15mail.ModemErrorException;
import io.github.uc15mail.ModemRestartedException;
import io.github.uc15mail.SmtpServiceException;
import io.github.uc15mail.TransportClosedException;
import io.github.uc15mail.Uc15Exception;
import io.github.uc15mail.internal.at.AtDecoder;
import io.github.uc15mail.internal.at.AtEvent;
import io.github.uc15mail.internal.at.AtText;
import io.github.uc15mail.transport.Transport;
import io.github.uc15mail.transport.TransportListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A conversation with one modem over one {@link Transport}: commands go out one at a time, replies are
 * matched to them, and everything else is delivered as an unsolicited result code (URC).
 *
 * <h2>Ordering</h2>
 * Commands run strictly in the order {@link #execute} was called, one in flight at a time; the next is
 * written only after the previous one's final result ({@code OK}, {@code ERROR}, {@code +CME ERROR},
 * {@code NO CARRIER}) or its timeout. A payload is written only after the modem said {@code CONNECT}.
 * Commands are never re-sent automatically.
 *
 * <h2>Timeouts</h2>
 * Each command has a fixed deadline, set when it is written, from its own timeout or its
 * {@link CommandKind}'s (plus, for a payload, its length divided by
 * {@link AtSessionOptions#minLineBytesPerSecond()}). Incoming traffic does not extend it. On a timeout
 * the future fails with {@link CommandTimeoutException} and the session resynchronises before the next
 * command: it waits for the line to go quiet, leaves data mode with a guarded {@code +++} if the command
 * was in data mode, and sends {@code AT} until the modem answers {@code OK}. So a late reply is never
 * credited to the next command. After {@link AtSessionOptions#unhealthyAfterTimeouts()} timeouts in a row
 * {@link #isHealthy()} turns false.
 *
 * <h2>URCs</h2>
 * A received line belongs to the command in flight only when it starts with that command's response
 * prefix (or is its final result); every other line is a URC. URC listeners run on one dedicated thread
 * in arrival order; one that throws is logged and does not affect the others. {@link #awaitUrc} registers
 * a one-shot wait that sees every URC arriving after the call, so register it before writing the command
 * that triggers it. A line {@code RDY} means the module restarted: the command in flight fails with
 * {@link ModemRestartedException} and {@link #restartCount()} goes up. {@link #restartCount()} also goes
 * up when the modem echoes a command again after {@code ATE0} had turned echo off: a restart whose
 * {@code RDY} was missed (the command in flight still completes; callers compare the count).
 *
 * <h2>Failure</h2>
 * When the transport closes, the command in flight, every queued command and every URC wait fail with
 * {@link TransportClosedException}; the session cannot be reopened.
 */
public final class AtSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AtSession.class);
    private static final Logger traffic = LoggerFactory.getLogger("io.github.uc15mail.traffic");
    private static final AtomicInteger SESSION_IDS = new AtomicInteger();

    private final Transport transport;
    private final AtSessionOptions options;
    private final AtDecoder decoder;
    private final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final CopyOnWriteArrayList<Sub> subscribers = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Waiter> waiters = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<TrafficListener> trafficListeners = new CopyOnWriteArrayList<>();
    private final ExecutorService urcThread;
    private final ScheduledExecutorService timer;
    private final Thread worker;
    private final AtomicInteger consecutiveTimeouts = new AtomicInteger();
    private final AtomicLong restarts = new AtomicLong();
    private final AtomicLong lastByteNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong lineSequence = new AtomicLong();
    private volatile InFlight inFlight;
    private volatile boolean echoTurnedOff;
    private volatile boolean closed;
    private volatile Throwable closeCause;

    private AtSession(Transport transport, AtSessionOptions options) {
        this.transport = transport;
        this.options = options;
        this.decoder = new AtDecoder(this::onEvent, options.maxLineLength());
        int id = SESSION_IDS.incrementAndGet();
        this.urcThread = Executors.newSingleThreadExecutor(daemon("uc15mail-urc-" + id));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("uc15mail-timer-" + id));
        this.worker = new Thread(this::work, "uc15mail-session-" + id);
        this.worker.setDaemon(true);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Opens {@code transport} and starts a session on it with default options. */
    public static AtSession open(Transport transport) throws IOException {
        return open(transport, AtSessionOptions.defaults());
    }

    /**
     * Opens {@code transport} and starts a session on it.
     *
     * @throws IOException when the transport cannot be opened (its message names the port)
     */
    public static AtSession open(Transport transport, AtSessionOptions options) throws IOException {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(options, "options");
        AtSession session = new AtSession(transport, options);
        transport.open(session.new Receiver());
        session.worker.start();
        return session;
    }

    /** The transport under this session. */
    public Transport transport() {
        return transport;
    }

    public AtSessionOptions options() {
        return options;
    }

    /**
     * Queues {@code command}. The future completes with the command's information lines on {@code OK},
     * or exceptionally with a {@link Uc15Exception}: {@link ModemErrorException} ({@code ERROR}),
     * {@link CmeErrorException} or {@link SmtpServiceException} ({@code +CME ERROR}),
     * {@link CommandTimeoutException}, {@link ModemRestartedException} or {@link TransportClosedException}.
     * Never throws. Cancelling the future before the command is written removes it from the queue;
     * once written, a command runs to its end (its result is then discarded).
     */
    public CompletableFuture<AtResponse> execute(AtCommand command) {
        Objects.requireNonNull(command, "command");
        CompletableFuture<AtResponse> future = new CompletableFuture<>();
        if (closed) {
            future.completeExceptionally(closedException());
            return future;
        }
        queue.add(new Job(command, future));
        if (closed) {
            failQueued();
        }
        return future;
    }

    /** Subscribes to URCs that start with {@code prefix} (for example {@code "+QSMTPPUT:"}). */
    public Subscription subscribe(String prefix, UrcListener listener) {
        Objects.requireNonNull(prefix, "prefix");
        return addSubscriber(new Sub(urc -> urc.line().startsWith(prefix), listener));
    }

    /** Subscribes to every URC. */
    public Subscription subscribeAll(UrcListener listener) {
        return addSubscriber(new Sub(urc -> true, listener));
    }

    private Subscription addSubscriber(Sub sub) {
        Objects.requireNonNull(sub.listener, "listener");
        subscribers.add(sub);
        return () -> subscribers.remove(sub);
    }

    /** Adds a listener for the traffic of this session (secrets masked). */
    public Subscription addTrafficListener(TrafficListener listener) {
        trafficListeners.add(Objects.requireNonNull(listener));
        return () -> trafficListeners.remove(listener);
    }

    /**
     * Waits once for a URC matching {@code matcher} that arrives after this call. The future completes
     * with the line, or fails with {@link CommandTimeoutException} after {@code timeout}, or with
     * {@link TransportClosedException}. Cancelling it unregisters the wait.
     */
    public CompletableFuture<Urc> awaitUrc(String description, Predicate<Urc> matcher, Duration timeout) {
        Objects.requireNonNull(matcher, "matcher");
        CompletableFuture<Urc> future = new CompletableFuture<>();
        if (closed) {
            future.completeExceptionally(closedException());
            return future;
        }
        Waiter waiter = new Waiter(matcher, future);
        waiters.add(waiter);
        ScheduledFuture<?> timeoutTask = timer.schedule(
                () -> future.completeExceptionally(new CommandTimeoutException(description, timeout)),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        future.whenComplete((v, e) -> {
            waiters.remove(waiter);
            timeoutTask.cancel(false);
        });
        if (closed) {
            future.completeExceptionally(closedException());
        }
        return future;
    }

    /** False after too many consecutive timeouts, or once closed. */
    public boolean isHealthy() {
        return !closed && consecutiveTimeouts.get() < options.unhealthyAfterTimeouts();
    }

    public int consecutiveTimeouts() {
        return consecutiveTimeouts.get();
    }

    /** How many times the module announced a restart ({@code RDY}) during this session. */
    public long restartCount() {
        return restarts.get();
    }

    public boolean isOpen() {
        return !closed;
    }

    /** Closes the transport; everything pending fails with {@link TransportClosedException}. */
    @Override
    public void close() {
        transport.close();
        markClosed(null);
    }

    // ---------------------------------------------------------------- receiving

    private final class Receiver implements TransportListener {
        @Override
        public void onBytes(byte[] data, int offset, int length) {
            lastByteNanos.set(System.nanoTime());
            decoder.feed(data, offset, length);
        }

        @Override
        public void onClosed(Throwable cause) {
            markClosed(cause);
        }
    }

    private void onEvent(AtEvent event) {
        long sequence = lineSequence.incrementAndGet();
        String masked = AtText.mask(event.line());
        traffic.trace("<-- {}", masked);
        for (TrafficListener l : trafficListeners) {
            try {
                l.onLine(masked);
            } catch (RuntimeException e) {
                log.warn("traffic listener threw", e);
            }
        }
        InFlight current = inFlight;
        switch (event.type()) {
            case ECHO:
                if (echoTurnedOff) {
                    // Echo was turned off with ATE0 and the modem echoes again: it restarted (power dip,
                    // watchdog) and its RDY was lost. Its settings and content are gone, as after RDY.
                    echoTurnedOff = false;
                    restarts.incrementAndGet();
                    log.warn("the modem echoes commands again although echo was turned off: it restarted");
                }
                return;
            case OVERLONG:
                log.warn("dropped a line longer than {} bytes, starting {}", options.maxLineLength(),
                        AtText.show(masked.substring(0, Math.min(40, masked.length())), false));
                return;
            case LINE:
                if (event.line().strip().equals("RDY")) {
                    restarts.incrementAndGet();
                    echoTurnedOff = false;
                    log.warn("the modem restarted (RDY)");
                    if (current != null) {
                        current.add(event, sequence);
                    }
                    dispatchUrc(new Urc(event.line(), sequence));
                } else if (current != null && current.command.owns(event.line())) {
                    current.add(event, sequence);
                } else {
                    dispatchUrc(new Urc(event.line(), sequence));
                }
                return;
            default:
                if (current != null) {
                    current.add(event, sequence);
                } else {
                    log.debug("result {} with no command in flight (a late reply?); ignored", masked);
                }
        }
    }

    private void dispatchUrc(Urc urc) {
        try {
            urcThread.execute(() -> deliverUrc(urc));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("URC after close dropped: {}", urc);
        }
    }

    private void deliverUrc(Urc urc) {
        boolean taken = false;
        for (Waiter w : waiters) {
            if (!w.future.isDone() && safeTest(w.matcher, urc) && w.future.complete(urc)) {
                taken = true;
            }
        }
        for (Sub s : subscribers) {
            if (safeTest(s.filter, urc)) {
                taken = true;
                try {
                    s.listener.onUrc(urc);
                } catch (RuntimeException e) {
                    log.warn("URC listener threw on {}", urc, e);
                }
            }
        }
        if (!taken) {
            log.debug("unhandled URC {}", urc);
        }
    }

    private static boolean safeTest(Predicate<Urc> p, Urc urc) {
        try {
            return p.test(urc);
        } catch (RuntimeException e) {
            log.warn("URC matcher threw", e);
            return false;
        }
    }

    // ---------------------------------------------------------------- sending

    private void work() {
        try {
            while (!closed) {
                Job job = queue.poll(200, TimeUnit.MILLISECONDS);
                if (job == null || job.future.isDone()) {
                    continue;
                }
                if (closed) {
                    job.future.completeExceptionally(closedException());
                    break;
                }
                run(job);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            failQueued();
        }
    }

    private void run(Job job) {
        AtCommand command = job.command;
        Duration timeout = deadlineFor(command);
        InFlight current = new InFlight(command);
        try {
            long written = exchange(current, timeout);
            consecutiveTimeouts.set(0);
            if (command.line().equalsIgnoreCase("ATE0")) {
                echoTurnedOff = true;
            } else if (command.line().equalsIgnoreCase("ATE1")) {
                echoTurnedOff = false;
            }
            job.future.complete(new AtResponse(command, current.lines, written, current.finalSequence));
        } catch (TimedOut t) {
            consecutiveTimeouts.incrementAndGet();
            CommandTimeoutException e = new CommandTimeoutException(command.loggable(), timeout);
            log.warn("{}; resynchronising", e.getMessage());
            job.future.completeExceptionally(e);
            resync(t.inDataMode);
        } catch (Uc15Exception e) {
            job.future.completeExceptionally(e);
        } catch (RuntimeException e) {
            log.error("unexpected failure running {}", command.loggable(), e);
            job.future.completeExceptionally(new Uc15Exception("unexpected failure running " + command.loggable(), e));
        }
    }

    private Duration deadlineFor(AtCommand command) {
        Duration base = command.timeout().orElse(options.timeout(command.kind()));
        if (command.timeout().isPresent()) {
            return base;
        }
        long payload = command.payload().map(DataPayload::length).orElse(0L);
        return base.plusMillis(payload * 1000 / options.minLineBytesPerSecond());
    }

    /** Writes the command (and payload) and waits for its final result. Returns payload bytes written. */
    private long exchange(InFlight current, Duration timeout) throws TimedOut {
        AtCommand command = current.command;
        DataPayload payload = command.payload().orElse(null);
        long deadline = System.nanoTime() + timeout.toNanos();
        inFlight = current;
        try {
            write((command.line() + "\r").getBytes(StandardCharsets.US_ASCII), command.loggable());
            for (TrafficListener l : trafficListeners) {
                l.onCommand(command.loggable());
            }
            traffic.trace("--> {}", command.loggable());
            long written = 0;
            boolean dataMode = false;
            while (true) {
                AtEvent event = next(current, deadline, dataMode);
                switch (event.type()) {
                    case CONNECT -> {
                        if (payload == null) {
                            current.lines.add(event.line());
                        } else if (written == 0 && !dataMode) {
                            dataMode = true;
                            // Only now: with echo on, the echoed command line starts with an 'A' too.
                            decoder.setAckMode(payload.ackMode());
                            written = writePayload(current, payload, deadline);
                            dataMode = false;
                        }
                    }
                    case ACK -> { }
                    case LINE -> {
                        if (event.line().strip().equals("RDY")) {
                            throw new ModemRestartedException("the modem restarted during " + command.loggable());
                        }
                        current.lines.add(event.line());
                    }
                    default -> {
                        throwIfFinalFailure(command, event);
                        if (event.type() == AtEvent.Type.OK) {
                            return written;
                        }
                    }
                }
            }
        } finally {
            inFlight = null;
            decoder.setAckMode(false);
        }
    }

    private AtEvent next(InFlight current, long deadline, boolean dataMode) throws TimedOut {
        try {
            while (true) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new TimedOut(dataMode);
                }
                AtEvent event = current.events.poll(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(200)),
                        TimeUnit.NANOSECONDS);
                if (event != null) {
                    if (event == CLOSED) {
                        throw closedException();
                    }
                    return event;
                }
                if (closed) {
                    throw closedException();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw closedException();
        }
    }

    private void throwIfFinalFailure(AtCommand command, AtEvent event) {
        switch (event.type()) {
            case ERROR -> throw new ModemErrorException(command.loggable());
            case CME_ERROR, CMS_ERROR -> {
                int code = event.code();
                if (code >= 651 && code <= 682) {
                    throw SmtpServiceException.of(command.loggable(), code, 0);
                }
                String text = event.line().substring(event.line().indexOf(':') + 1).strip();
                throw CmeErrorException.of(command.loggable(), code, text);
            }
            case NO_CARRIER -> throw new ModemErrorException(command.loggable() + " (" + event.line().strip() + ")");
            default -> { }
        }
    }

    private long writePayload(InFlight current, DataPayload payload, long deadline) throws TimedOut {
        AtCommand command = current.command;
        long length = payload.length();
        long written = 0;
        byte[] buffer = new byte[payload.ackMode() ? DataPayload.ACK_BLOCK : 4096];
        InputStream in = null;
        try {
            in = payload.open();
            while (written < length) {
                int want = (int) Math.min(buffer.length, length - written);
                int got = in.readNBytes(buffer, 0, want);
                if (got < want) {
                    throw new IOException("the source ended after " + (written + got) + " of " + length + " bytes");
                }
                if (payload.ackMode() && written > 0) {
                    awaitAck(current, deadline);
                } else {
                    failIfFinished(current);
                }
                write(buffer, 0, got, command.loggable());
                written += got;
                payload.reportProgress(written);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Uc15Exception u) {
                throw u;
            }
            // The source failed (or the caller cancelled through it) while the modem is in data mode:
            // leave data mode the only safe way, then let the modem finish the command.
            abortDataMode(current, deadline);
            throw new Uc15Exception("the payload of " + command.loggable() + " was not sent whole: " + e.getMessage()
                    + "; data mode left with +++", e);
        } finally {
            closeQuietly(in);
        }
        for (TrafficListener l : trafficListeners) {
            l.onPayload(command.loggable(), written);
        }
        traffic.trace("--> <{} payload bytes>", written);
        return written;
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                log.debug("closing a payload source failed", e);
            }
        }
    }

    private void abortDataMode(InFlight current, long deadline) throws TimedOut {
        try {
            Thread.sleep(options.guardTime().toMillis());
            write("+++".getBytes(StandardCharsets.US_ASCII), "+++");
            traffic.trace("--> +++");
            Thread.sleep(options.guardTime().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw closedException();
        }
        while (true) {
            AtEvent event = next(current, deadline, false);
            if (event.type().isFinal()) {
                return;
            }
        }
    }

    /** Between blocks: a final result means the modem left data mode early; never write on into command mode. */
    private void failIfFinished(InFlight current) {
        AtEvent event;
        while ((event = current.events.peek()) != null && !event.type().isFinal() && event != CLOSED) {
            AtEvent taken = current.events.poll();
            if (taken.type() == AtEvent.Type.LINE) {
                current.lines.add(taken.line());
            }
        }
        if (event == CLOSED) {
            throw closedException();
        }
        if (event != null) {
            current.events.poll();
            throwIfFinalFailure(current.command, event);
            throw new Uc15Exception("the modem ended " + current.command.loggable() + " with " + event.line()
                    + " before the payload was complete");
        }
    }

    private void awaitAck(InFlight current, long deadline) throws TimedOut {
        while (true) {
            AtEvent event = next(current, deadline, true);
            switch (event.type()) {
                case ACK:
                    return;
                case LINE:
                    current.lines.add(event.line());
                    break;
                default:
                    if (event.type().isFinal()) {
                        throwIfFinalFailure(current.command, event);
                        throw new Uc15Exception("the modem ended " + current.command.loggable() + " with "
                                + event.line() + " before the payload was complete");
                    }
            }
        }
    }

    private void write(byte[] bytes, String what) {
        write(bytes, 0, bytes.length, what);
    }

    private void write(byte[] bytes, int offset, int length, String what) {
        try {
            transport.write(bytes, offset, length);
        } catch (IOException e) {
            markClosed(e);
            throw new TransportClosedException("could not write " + what + " to " + transport.describe() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Brings the modem back to a known state after a timeout: quiet line, data mode left, {@code AT}
     * answered with {@code OK}. Replies that arrive meanwhile are discarded.
     */
    private void resync(boolean dataMode) {
        try {
            waitForQuiet(Duration.ofMillis(300), Duration.ofSeconds(3));
            boolean escaped = false;
            if (dataMode) {
                escapeDataMode();
                escaped = true;
            }
            decoder.reset();
            for (int attempt = 1; attempt <= options.resyncAttempts() && !closed; attempt++) {
                InFlight probe = new InFlight(AtCommands.at());
                try {
                    exchange(probe, options.resyncReplyTimeout());
                    // The OK may have been the timed-out command's late reply, with the probe's own OK
                    // still to come: let the line settle so that it arrives (and is dropped) while
                    // nothing is in flight, instead of being taken for the next command's result.
                    waitForQuiet(Duration.ofMillis(300), Duration.ofSeconds(3));
                    log.info("resynchronised with the modem after {} attempt(s)", attempt);
                    return;
                } catch (TimedOut t) {
                    log.debug("resync attempt {} got no OK", attempt);
                    if (!escaped) {
                        // No answer to AT: the modem may sit in data mode, for example left there by a host
                        // that died in the middle of an upload. A guarded +++ ends it (and is harmless in
                        // command mode); the upload or body then ends with what came.
                        log.info("no answer to AT; sending a guarded +++ in case the modem is in data mode");
                        escapeDataMode();
                        escaped = true;
                        decoder.reset();
                    }
                } catch (Uc15Exception e) {
                    if (closed) {
                        return;
                    }
                    log.debug("resync attempt {} failed: {}", attempt, e.getMessage());
                }
            }
            log.warn("the modem did not answer AT after {} attempts", options.resyncAttempts());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Uc15Exception e) {
            log.debug("resync stopped: {}", e.getMessage());
        }
    }

    private void escapeDataMode() throws InterruptedException {
        Thread.sleep(options.guardTime().toMillis());
        write("+++".getBytes(StandardCharsets.US_ASCII), "+++");
        traffic.trace("--> +++");
        Thread.sleep(options.guardTime().toMillis());
    }

    private void waitForQuiet(Duration quiet, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end && !closed) {
            long sinceLast = System.nanoTime() - lastByteNanos.get();
            if (sinceLast >= quiet.toNanos()) {
                return;
            }
            Thread.sleep(Math.max(10, TimeUnit.NANOSECONDS.toMillis(quiet.toNanos() - sinceLast)));
        }
    }

    // ---------------------------------------------------------------- closing

    private void markClosed(Throwable cause) {
        if (closed) {
            return;
        }
        closeCause = cause;
        closed = true;
        if (cause != null) {
            log.warn("link to the modem lost: {}", cause.getMessage());
        }
        InFlight current = inFlight;
        if (current != null) {
            current.events.add(CLOSED);
        }
        failQueued();
        for (Waiter w : waiters) {
            w.future.completeExceptionally(closedException());
        }
        urcThread.shutdown();
        timer.shutdown();
    }

    private void failQueued() {
        Job job;
        while ((job = queue.poll()) != null) {
            job.future.completeExceptionally(closedException());
        }
    }

    private TransportClosedException closedException() {
        Throwable cause = closeCause;
        String why = cause == null ? "closed" : "lost (" + cause.getMessage() + ")";
        return new TransportClosedException("the link to the modem at " + transport.describe() + " is " + why, cause);
    }

    // ---------------------------------------------------------------- state

    private static final AtEvent CLOSED = AtEvent.of(AtEvent.Type.NO_CARRIER, "<closed>");

    private record Job(AtCommand command, CompletableFuture<AtResponse> future) {}

    private record Sub(Predicate<Urc> filter, UrcListener listener) {}

    private record Waiter(Predicate<Urc> matcher, CompletableFuture<Urc> future) {}

    private static final class InFlight {
        final AtCommand command;
        final BlockingQueue<AtEvent> events = new LinkedBlockingQueue<>();
        final List<String> lines = new ArrayList<>();
        volatile long finalSequence;

        InFlight(AtCommand command) {
            this.command = command;
        }

        void add(AtEvent event, long sequence) {
            if (event.type().isFinal() && finalSequence == 0) {
                finalSequence = sequence;
            }
            events.add(event);
        }
    }

    private static final class TimedOut extends Exception {
        final boolean inDataMode;

        TimedOut(boolean inDataMode) {
            super(null, null, false, false);
            this.inDataMode = inDataMode;
        }
    }
}
