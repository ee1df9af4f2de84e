package io.github.uc15mail.at;

import io.github.uc15mail.error.ModemErrorException.CmeErrorException;
import io.github.uc15mail.error.CommandTimeoutException;
import io.github.uc15mail.error.ModemErrorException;
import io.github.uc15mail.error.ModemRestartedException;
import io.github.uc15mail.error.SmtpServiceException;
import io.github.uc15mail.error.TransportClosedException;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.transport.Transport;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

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
 * <h2>Threads</h2>
 * The session has no command thread: a command is written by the thread that finds the session idle
 * (the caller of {@link #execute}, or the transport's reader thread as it completes the previous
 * command), and its future is completed on the transport's reader thread where its final line is
 * decoded. So code chained on the future without an executor runs on the reader thread and must not
 * block waiting for another command of this session. Deadlines fire on one daemon thread shared by all
 * sessions; payloads and resynchronisation run on a shared pool of daemon threads.
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
 * <h2>Traffic</h2>
 * Every command line and received line is logged at TRACE on {@code io.github.uc15mail.traffic} and told
 * to {@link TrafficListener}s, secrets masked. A listener that throws is logged and ignored; it never
 * fails a command.
 *
 * <h2>Failure</h2>
 * When the transport closes, the command in flight, every queued command and every URC wait fail with
 * {@link TransportClosedException}, all naming the first cause the session saw; the session cannot be
 * reopened.
 */
public final class AtSession implements AutoCloseable {

    private static final AtomicInteger SESSION_IDS = new AtomicInteger();

    private final Transport transport;
    private final AtSessionOptions options;
    private final TrafficTap tap = new TrafficTap();
    private final UrcDispatcher urcs;
    private final CommandSequencer sequencer;

    private AtSession(Transport transport, AtSessionOptions options) {
        this.transport = transport;
        this.options = options;
        this.urcs = new UrcDispatcher("uc15mail-urc-" + SESSION_IDS.incrementAndGet());
        this.sequencer = new CommandSequencer(transport, options, tap, urcs);
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
        transport.open(session.sequencer);
        return session;
    }

    /** The transport under this session. */
    public Transport transport() {
        return transport;
    }

    /** The options this session was opened with. */
    public AtSessionOptions options() {
        return options;
    }

    /**
     * Queues {@code command}. The future completes with the command's information lines on {@code OK},
     * or exceptionally with a {@link Uc15Exception}: {@link ModemErrorException} ({@code ERROR}),
     * {@link CmeErrorException} or {@link SmtpServiceException} ({@code +CME ERROR}),
     * {@link CommandTimeoutException}, {@link ModemRestartedException} or {@link TransportClosedException}.
     * Never throws. When nothing is in flight the command line is written on the calling thread before
     * this returns. Cancelling the future before the command is written removes it from the queue;
     * once written, a command runs to its end (its result is then discarded).
     */
    public CompletableFuture<AtResponse> execute(AtCommand<?> command) {
        Objects.requireNonNull(command, "command");
        CompletableFuture<AtResponse> future = new CompletableFuture<>();
        sequencer.execute(command, future);
        return future;
    }

    /** Subscribes to URCs that start with {@code prefix} (for example {@code "+QSMTPPUT:"}). */
    public Subscription subscribe(String prefix, UrcListener listener) {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(listener, "listener");
        return urcs.subscribe(urc -> urc.line().startsWith(prefix), listener);
    }

    /** Subscribes to every URC. */
    public Subscription subscribeAll(UrcListener listener) {
        Objects.requireNonNull(listener, "listener");
        return urcs.subscribe(urc -> true, listener);
    }

    /** Adds a listener for the traffic of this session (secrets masked). */
    public Subscription addTrafficListener(TrafficListener listener) {
        return tap.add(Objects.requireNonNull(listener));
    }

    /**
     * Waits once for a URC matching {@code matcher} that arrives after this call. The future completes
     * with the line, or fails with {@link CommandTimeoutException} after {@code timeout}, or with
     * {@link TransportClosedException}. Cancelling it unregisters the wait.
     */
    public CompletableFuture<Urc> awaitUrc(String description, Predicate<Urc> matcher, Duration timeout) {
        Objects.requireNonNull(matcher, "matcher");
        if (sequencer.isClosed()) {
            return CompletableFuture.failedFuture(sequencer.closedException());
        }
        CompletableFuture<Urc> future = urcs.await(description, matcher, timeout);
        if (sequencer.isClosed()) {
            future.completeExceptionally(sequencer.closedException());
        }
        return future;
    }

    /** False after too many consecutive timeouts, or once closed. */
    public boolean isHealthy() {
        return !sequencer.isClosed() && sequencer.consecutiveTimeouts() < options.unhealthyAfterTimeouts();
    }

    /** Commands that timed out in a row; a command answered {@code OK} resets it. */
    public int consecutiveTimeouts() {
        return sequencer.consecutiveTimeouts();
    }

    /** How many times the module announced a restart ({@code RDY}) during this session. */
    public long restartCount() {
        return sequencer.restarts();
    }

    /** Whether the session can still run commands. */
    public boolean isOpen() {
        return !sequencer.isClosed();
    }

    /** Closes the transport; everything pending fails with {@link TransportClosedException}. */
    @Override
    public void close() {
        transport.close();
        sequencer.markClosed(null);
    }

    /** A registration that can be cancelled; cancelling twice is harmless. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        void cancel();

        @Override
        default void close() {
            cancel();
        }
    }

    /**
     * Receives unsolicited result codes. Called on the session's URC thread, one at a time, in arrival
     * order. Must return quickly; anything it throws is logged and does not reach other listeners.
     */
    @FunctionalInterface
    public interface UrcListener {
        void onUrc(Urc urc);
    }
}
