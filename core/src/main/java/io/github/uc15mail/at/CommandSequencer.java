package io.github.uc15mail.at;

import io.github.uc15mail.error.ModemRestartedException;
import io.github.uc15mail.error.TransportClosedException;
import io.github.uc15mail.at.internal.AtDecoder;
import io.github.uc15mail.at.internal.AtEvent;
import io.github.uc15mail.transport.Transport;
import io.github.uc15mail.transport.Transport.TransportListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command sequencer of one session: one command in flight at a time, its reply matched to it. Whose
 * turn it is (and the session's state) is kept by its {@link CommandQueue}; this class starts, feeds and
 * ends the exchanges it hands out.
 *
 * <p>No thread of its own: a command is written by the thread that finds the session idle (the caller
 * of {@code execute}, or the transport's reader thread when it completes the previous command), and it
 * is completed on the reader thread where its final line is decoded. Deadlines fire on the shared
 * {@link Watchdog}; payloads and resyncs run on its pool. All state, the decoder included, is guarded by
 * {@link #lock}; futures are completed and bytes written outside it.
 */
final class CommandSequencer implements TransportListener {

    private static final Logger log = LoggerFactory.getLogger(AtSession.class);

    final ReentrantLock lock = new ReentrantLock();
    /** Signalled on every change a waiting writer or resync may care about. */
    final Condition changed = lock.newCondition();
    private final AtSessionOptions options;
    private final TrafficTap tap;
    private final UrcDispatcher urcs;
    private final AtDecoder decoder;
    private final PayloadWriter payloads = new PayloadWriter(this);
    private final DeadlineTimer deadlines = new DeadlineTimer(this);
    private final LineRouter router;
    private final CloseState closeState;
    private final TransportWriter writer;
    private final AtomicInteger consecutiveTimeouts = new AtomicInteger();
    private final CommandQueue commands = new CommandQueue();
    /** Exchanges ended while decoding one chunk; completed once the lock is released. */
    private final ArrayList<InFlightCommand> decoded = new ArrayList<>(2);
    private long lastByteNanos = System.nanoTime();

    CommandSequencer(Transport transport, AtSessionOptions options, TrafficTap tap, UrcDispatcher urcs) {
        this.options = options;
        this.tap = tap;
        this.urcs = urcs;
        this.router = new LineRouter(this, options, tap, urcs);
        this.decoder = new AtDecoder(router::onEvent, options.maxLineLength());
        this.closeState = new CloseState(transport);
        this.writer = new TransportWriter(transport, tap, this::markClosed);
    }

    /** Under the lock: whether the session is closed. */
    boolean closedLocked() {
        return commands.closed();
    }

    /** Under the lock: whether an exchange (or its payload writer) is in flight. */
    boolean inFlightLocked() {
        return commands.current() != null;
    }

    /** Under the lock: when the last byte arrived ({@link System#nanoTime()}). */
    long lastByteNanosLocked() {
        return lastByteNanos;
    }

    AtSessionOptions options() {
        return options;
    }

    TrafficTap tap() {
        return tap;
    }

    int consecutiveTimeouts() {
        return consecutiveTimeouts.get();
    }

    long restarts() {
        return router.restarts();
    }

    /** Queues a command; writes it at once when nothing is in flight. */
    void execute(AtCommand<?> command, CompletableFuture<AtResponse> future) {
        InFlightCommand ex = new InFlightCommand(command, future, options.deadline(command), false);
        InFlightCommand start = null;
        boolean refused;
        lock.lock();
        try {
            refused = !commands.offer(ex);
            if (!refused) {
                start = takeNext();
            }
        } finally {
            lock.unlock();
        }
        if (refused) {
            future.completeExceptionally(closedException());
        }
        begin(start);
    }

    /** Under the lock, when idle: the next live queued exchange becomes current, its deadline running. */
    private InFlightCommand takeNext() {
        InFlightCommand ex = commands.takeNext();
        if (ex != null) {
            startLocked(ex);
        }
        return ex;
    }

    /** Under the lock: {@code ex}, just made current, awaits its reply, its deadline running. */
    private void startLocked(InFlightCommand ex) {
        ex.phase = ex.command.payload().isPresent() ? InFlightCommand.Phase.AWAIT_CONNECT : InFlightCommand.Phase.AWAIT_FINAL;
        decoder.setAckMode(false);
        decoder.setPromptMode(ex.command.payload().map(DataPayload::prompted).orElse(false));
        ex.deadline = System.nanoTime() + ex.timeout.toNanos();
        deadlines.cover(ex.deadline);
    }

    /** Writes the command line of an exchange made current under the lock. Outside the lock. */
    private void begin(InFlightCommand ex) {
        if (ex != null) {
            writer.commandLine(ex.command);
        }
    }

    /** A resync probe, run while the session is in {@code RESYNC} and nothing else is in flight. */
    CompletableFuture<AtResponse> probe(AtCommand<?> command, Duration timeout) {
        CompletableFuture<AtResponse> future = new CompletableFuture<>();
        InFlightCommand ex = new InFlightCommand(command, future, timeout, true);
        lock.lock();
        try {
            if (!commands.startProbe(ex)) {
                future.completeExceptionally(closedException());
                return future;
            }
            startLocked(ex);
        } finally {
            lock.unlock();
        }
        begin(ex);
        return future;
    }

    @Override
    public void onBytes(byte[] data, int offset, int length) {
        InFlightCommand next = null;
        InFlightCommand done = null;
        List<InFlightCommand> moreDone = null;
        lock.lock();
        try {
            lastByteNanos = System.nanoTime();
            decoder.feed(data, offset, length);
            // Only after the whole chunk: a stray final line after this chunk's final result finds
            // nothing in flight, instead of a next command that is not even written yet.
            next = takeNext();
            if (!decoded.isEmpty()) {
                done = decoded.get(0);
                moreDone = decoded.size() > 1 ? new ArrayList<>(decoded.subList(1, decoded.size())) : null;
                decoded.clear();
            }
        } finally {
            lock.unlock();
        }
        if (done != null) {
            done.complete();
            if (moreDone != null) {
                moreDone.forEach(InFlightCommand::complete);
            }
        }
        begin(next);
    }

    @Override
    public void onClosed(Throwable cause) {
        markClosed(cause);
    }

    /** Under the lock, reader thread: {@code CONNECT} for a data-mode command; its payload writer starts. */
    void connectLocked(InFlightCommand ex) {
        ex.phase = InFlightCommand.Phase.PAYLOAD;
        ex.writerActive = true;
        // Only now: with echo on, the echoed command line starts with an 'A' too.
        decoder.setAckMode(ex.command.payload().orElseThrow().ackMode());
        payloads.start(ex);
    }

    /** Under the lock, reader thread: the module restarted during {@code ex}. */
    void restartedLocked(InFlightCommand ex) {
        ex.fail(new ModemRestartedException("the modem restarted during " + ex.command.loggable()));
        ended(ex);
        decoded.add(ex);
    }

    /** Under the lock, reader thread: a final result for the exchange in flight. */
    void finishLocked(InFlightCommand ex, AtEvent event, long sequence) {
        if (ex.finish(event, sequence) && !ex.probe) {
            consecutiveTimeouts.set(0);
            router.succeeded(ex.command);
        }
        ended(ex);
        if (ex.writerActive) {
            // The writer may still report progress for its last block: completing now would let the
            // caller see the command done before its payload's progress was.
            ex.completeWhenWriterGone = true;
        } else {
            decoded.add(ex);
        }
    }

    /**
     * Under the lock: an exchange has its outcome. It stops being current at once, or, while its payload
     * writer still runs, when the writer has stopped: nothing is written before that.
     */
    private void ended(InFlightCommand ex) {
        decoder.setAckMode(false);
        decoder.setPromptMode(false);
        if (!ex.writerActive) {
            commands.release(ex);
        }
        changed.signalAll();
    }

    /** The payload writer has stopped: the next command may be written. */
    void writerGone(InFlightCommand ex) {
        InFlightCommand next = null;
        boolean complete = false;
        lock.lock();
        try {
            ex.writerActive = false;
            if (ex.ended()) {
                commands.release(ex);
                complete = ex.completeWhenWriterGone;
                ex.completeWhenWriterGone = false;
                next = takeNext();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (complete) {
            ex.complete();
        }
        begin(next);
    }

    /** Under the lock: the exchange whose deadline runs, or null. */
    InFlightCommand liveLocked() {
        return commands.live();
    }

    /**
     * Under the lock, on the deadline thread: {@code ex} missed its deadline and has failed; unless it was a resync
     * probe the session enters {@code RESYNC}.
     */
    void timedOutLocked(InFlightCommand ex) {
        if (!ex.probe) {
            consecutiveTimeouts.incrementAndGet();
            commands.enterResync();
        }
        ended(ex);
    }

    /** Drops a partial line and leaves ACK mode. */
    void resetDecoder() {
        lock.lock();
        try {
            decoder.reset();
            decoder.setAckMode(false);
            decoder.setPromptMode(false);
        } finally {
            lock.unlock();
        }
    }

    /** Resync is over: commands run again. */
    void endResync() {
        InFlightCommand next = null;
        lock.lock();
        try {
            if (commands.endResync()) {
                next = takeNext();
            }
        } finally {
            lock.unlock();
        }
        begin(next);
    }

    /** Writes through the {@link TransportWriter}: one writer at a time; a failed write closes the session. */
    void write(byte[] bytes, int offset, int length, String what) {
        writer.write(bytes, offset, length, what);
    }

    boolean isClosed() {
        return closeState.isClosed();
    }

    TransportClosedException closedException() {
        return closeState.exception();
    }

    /**
     * Closes the session for good. The first cause wins (see {@link CloseState}), and only the call that
     * set it fails what is pending.
     */
    void markClosed(Throwable cause) {
        if (!closeState.close(cause)) {
            return;
        }
        if (cause != null) {
            log.warn("link to the modem lost: {}", cause.getMessage());
        }
        List<InFlightCommand> pending;
        InFlightCommand inFlight = null;
        lock.lock();
        try {
            pending = commands.close();
            inFlight = commands.live();
            if (inFlight != null) {
                inFlight.fail(closedException());
            }
            decoder.setAckMode(false);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (inFlight != null) {
            inFlight.complete();
        }
        for (InFlightCommand ex : pending) {
            ex.future.completeExceptionally(closedException());
        }
        urcs.close(this::closedException);
    }
}
