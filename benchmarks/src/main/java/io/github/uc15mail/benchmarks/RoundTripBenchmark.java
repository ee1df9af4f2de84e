package io.github.uc15mail.benchmarks;

import io.github.uc15mail.Modem;
import io.github.uc15mail.at.AtCommand;
import io.github.uc15mail.at.Commands;
import io.github.uc15mail.at.AtResponse;
import io.github.uc15mail.at.AtSession;
import io.github.uc15mail.at.AtSessionOptions;
import io.github.uc15mail.testkit.InMemoryTransport;
import io.github.uc15mail.transport.Transport.TransportListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One {@code AT} → {@code OK} round trip over {@link InMemoryTransport} against an {@link InstantResponder}:
 * through the whole {@link AtSession} stack ({@link #sdkCommand}), and with no SDK at all on the same
 * pipe ({@link #rawPipe}: write the bytes, wait for {@code OK\r\n}). The difference is what the SDK adds
 * per command. Both hand off 3 times per round trip (caller → modem reader → host reader → caller): the
 * session writes on the caller's thread and completes the command on the reader thread.
 * {@link #rawPipeViaWorker} drives the same raw pipe through a worker thread, as the session did before
 * it lost its command thread, so it shows what 2 extra hand-offs cost; {@link #threadHandOff} is one
 * hand-off to another thread and back. All hand-offs use {@link LinkedBlockingQueue}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RoundTripBenchmark {

    /** A session on a pipe whose modem end answers at once. */
    @State(Scope.Benchmark)
    public static class SessionState {
        AtSession session;
        final AtCommand<AtResponse> at = Commands.at();

        /** Opens the pipe and the session. */
        @Setup(Level.Trial)
        public void open() throws IOException {
            InMemoryTransport.Pair pair = InMemoryTransport.pair();
            InstantResponder.serve(pair.modem());
            session = AtSession.open(pair.host(), AtSessionOptions.defaults());
        }

        /** Closes both ends. */
        @TearDown(Level.Trial)
        public void close() {
            session.close();
        }
    }

    /** A {@link Modem} on a pipe whose modem end answers at once: commands go through its queue and chain. */
    @State(Scope.Benchmark)
    public static class ModemState {
        Modem modem;
        final AtCommand<AtResponse> at = Commands.at();

        /** Opens the pipe and the modem. */
        @Setup(Level.Trial)
        public void open() throws IOException {
            InMemoryTransport.Pair pair = InMemoryTransport.pair();
            InstantResponder.serve(pair.modem());
            modem = Modem.open(pair.host(), AtSessionOptions.defaults());
        }

        /** Closes both ends. */
        @TearDown(Level.Trial)
        public void close() {
            modem.close();
        }
    }

    /** The same pipe with a bare listener that hands each complete {@code OK} to the benchmark thread. */
    @State(Scope.Benchmark)
    public static class RawState implements TransportListener {
        InMemoryTransport host;
        final byte[] command = "AT\r".getBytes(StandardCharsets.US_ASCII);
        final LinkedBlockingQueue<Boolean> replies = new LinkedBlockingQueue<>();
        private int matched;

        /** Opens the pipe. */
        @Setup(Level.Trial)
        public void open() throws IOException {
            InMemoryTransport.Pair pair = InMemoryTransport.pair();
            InstantResponder.serve(pair.modem());
            host = pair.host();
            host.open(this);
        }

        /** Closes both ends. */
        @TearDown(Level.Trial)
        public void close() {
            host.close();
        }

        @Override
        public void onBytes(byte[] data, int offset, int length) {
            // Looks for "OK\n" across chunk boundaries; the reply is \r\nOK\r\n.
            for (int i = offset; i < offset + length; i++) {
                byte b = data[i];
                if (matched == 0 && b == 'O' || matched == 1 && b == 'K' || matched == 2 && b == '\r') {
                    matched++;
                } else if (matched == 3 && b == '\n') {
                    matched = 0;
                    replies.add(Boolean.TRUE);
                } else {
                    matched = b == 'O' ? 1 : 0;
                }
            }
        }

        @Override
        public void onClosed(Throwable cause) {
        }
    }

    /**
     * The raw pipe driven from a worker thread, as {@link AtSession} drove it before: the caller hands the
     * command to the worker, the worker writes and waits for the reply, then hands it back.
     */
    @State(Scope.Benchmark)
    public static class RawWorkerState {
        final RawState pipe = new RawState();
        final LinkedBlockingQueue<Boolean> requests = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<Boolean> results = new LinkedBlockingQueue<>();
        Thread worker;

        /** Opens the pipe and starts the worker. */
        @Setup(Level.Trial)
        public void open() throws IOException {
            pipe.open();
            worker = new Thread(() -> {
                try {
                    while (true) {
                        requests.take();
                        pipe.host.write(pipe.command, 0, pipe.command.length);
                        results.add(pipe.replies.take());
                    }
                } catch (InterruptedException | IOException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-raw-worker");
            worker.setDaemon(true);
            worker.start();
        }

        /** Stops the worker and closes the pipe. */
        @TearDown(Level.Trial)
        public void close() {
            worker.interrupt();
            pipe.close();
        }
    }

    /** A thread that answers every message on one queue with a message on another. */
    @State(Scope.Benchmark)
    public static class EchoThreadState {
        final LinkedBlockingQueue<Boolean> to = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<Boolean> back = new LinkedBlockingQueue<>();
        Thread echo;

        /** Starts the echo thread. */
        @Setup(Level.Trial)
        public void start() {
            echo = new Thread(() -> {
                try {
                    while (true) {
                        back.add(to.take());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-echo");
            echo.setDaemon(true);
            echo.start();
        }

        /** Stops it. */
        @TearDown(Level.Trial)
        public void stop() {
            echo.interrupt();
        }
    }

    /** {@code AT} through {@link AtSession#execute}, waiting for its future. */
    @Benchmark
    public AtResponse sdkCommand(SessionState state) throws InterruptedException, ExecutionException {
        return state.session.execute(state.at).get();
    }

    /**
     * {@code AT} through {@link Modem#execute}, as a user runs a command: the modem's queue and interceptor chain
     * (retry, queue, cancel, traffic, events) around the session, on the caller's thread.
     */
    @Benchmark
    public AtResponse modemCommand(ModemState state) {
        return state.modem.execute(state.at);
    }

    /** {@code AT\r} written straight to the pipe, waiting for {@code OK}. */
    @Benchmark
    public Boolean rawPipe(RawState state) throws IOException, InterruptedException {
        state.host.write(state.command, 0, state.command.length);
        return state.replies.take();
    }

    /** {@code AT\r} through a worker thread to the pipe, waiting for {@code OK}: 2 extra hand-offs, no SDK. */
    @Benchmark
    public Boolean rawPipeViaWorker(RawWorkerState state) throws InterruptedException {
        state.requests.add(Boolean.TRUE);
        return state.results.take();
    }

    /** One message to another thread and one back. */
    @Benchmark
    public Boolean threadHandOff(EchoThreadState state) throws InterruptedException {
        state.to.add(Boolean.TRUE);
        return state.back.take();
    }
}
