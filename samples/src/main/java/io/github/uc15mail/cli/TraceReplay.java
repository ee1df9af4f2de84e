package io.github.uc15mail.cli;

import io.github.uc15mail.testkit.replay.ReplayModem;
import io.github.uc15mail.trace.Trace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;

/**
 * {@code uc15mail emulate --replay TRACE}: serves a {@link ReplayModem} on 127.0.0.1 and prints, per client, either
 * {@code replayed to the end} or the first deviation ({@code deviation: expected ... got ...}). Runs until
 * interrupted, or until {@code count} clients played the whole trace.
 */
final class TraceReplay {

    private final CliContext context;
    private final Path file;
    private final boolean timing;
    private final int listen;
    private final int count;

    TraceReplay(CliContext context, Path file, boolean timing, int listen, int count) {
        this.context = context;
        this.file = file;
        this.timing = timing;
        this.listen = listen;
        this.count = count;
    }

    int run() {
        Trace trace;
        try {
            trace = Trace.read(file);
        } catch (IOException e) {
            throw CliFailure.badInput("replay: cannot read the trace " + e.getMessage());
        }
        Semaphore finished = new Semaphore(0);
        try (ReplayModem modem = ReplayModem.builder(trace).timing(timing).build()) {
            modem.onDeviation(d -> {
                synchronized (context.out()) {
                    context.out().println("deviation: " + d);
                    context.out().flush();
                }
            });
            modem.onFinished(() -> {
                synchronized (context.out()) {
                    context.out().println("replayed to the end: " + file.getFileName());
                    context.out().flush();
                }
                finished.release();
            });
            int port;
            try {
                port = modem.listenTcp(listen);
            } catch (RuntimeException e) {
                throw new CliFailure(ExitCodes.BAD_INPUT, "listen: port " + listen + " is in use; choose another --listen port", e);
            }
            String ati = trace.headerText("ati");
            context.out().println("Replaying " + file + " (" + trace.records().size() + " records, source "
                    + trace.headerText("source") + (ati.isEmpty() ? "" : ", " + ati) + ") on tcp:127.0.0.1:" + port
                    + (timing ? " with the recorded timing" : ""));
            context.out().flush();
            try {
                if (count > 0) {
                    finished.acquire(count);
                } else {
                    new java.util.concurrent.CountDownLatch(1).await();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ExitCodes.OK;
        }
    }
}
