package io.github.uc15mail.testkit.replay;

import io.github.uc15mail.testkit.internal.TcpServer;
import io.github.uc15mail.trace.Trace;
import io.github.uc15mail.trace.Trace.TraceRecord;
import io.github.uc15mail.testkit.InMemoryTransport;
import io.github.uc15mail.transport.Transport;
import io.github.uc15mail.transport.Transport.TransportListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the module's side of a recorded {@link Trace}: each time the host writes what the trace says it wrote
 * (a command line, a payload block with the same length and CRC-32, or other bytes), the modem's recorded
 * chunks up to the host's next record are written back in their recorded fragmentation, and with
 * {@link Builder#timing(boolean)} after their recorded delays.
 *
 * <p>When the host deviates it answers {@code ERROR} (to that line and every later one) and keeps the first
 * deviation, for example {@code expected AT+QSMTPSUB=0,"Report" got AT+QSMTPSUB=0,"Other"}. A masked secret in
 * the trace matches any value. Each new link (a new TCP client, or {@link #connect()}) replays the trace from
 * its start.
 *
 * <p>It does not emulate anything the trace does not hold: no SMTP, no files, no timers of its own.
 */
public final class ReplayModem implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplayModem.class);
    private static final byte[] ERROR = "\r\nERROR\r\n".getBytes(StandardCharsets.US_ASCII);

    private final List<List<TraceRecord>> traces;
    private List<TraceRecord> records;
    private int links;
    private final List<String> allDeviations = new CopyOnWriteArrayList<>();
    private final boolean timing;
    private final ExecutorService worker;
    private final List<Consumer<String>> deviationListeners = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream input = new ByteArrayOutputStream();
    private final Object lock = new Object();
    private volatile Transport link;
    private TcpServer server;
    private int next;
    private long lastT;
    private boolean finishedReported;
    private final List<Runnable> finishListeners = new CopyOnWriteArrayList<>();
    private String deviation;

    private ReplayModem(Builder b) {
        this.traces = b.traces.stream()
                .map(t -> t.records().stream().filter(r -> r.kind() != TraceRecord.Kind.END).toList()).toList();
        this.records = traces.get(0);
        this.timing = b.timing;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "uc15-replay");
            t.setDaemon(true);
            return t;
        });
    }

    /** A builder for a replay of {@code trace}. */
    public static Builder builder(Trace trace) {
        return new Builder(List.of(Objects.requireNonNull(trace, "trace")));
    }

    /**
     * A builder for a replay of several traces, one per link: the first link plays the first trace, the second link
     * the second, and so on (later links play the last one again). This is how the traces of one {@code qualify}
     * run, each made on its own link, are replayed together.
     */
    public static Builder sequence(List<Trace> traces) {
        if (traces.isEmpty()) {
            throw new IllegalArgumentException("traces: at least 1 is needed, was none");
        }
        return new Builder(List.copyOf(traces));
    }

    /** A replay of the trace in {@code file}, without timing. */
    public static ReplayModem load(Path file) throws IOException {
        return builder(Trace.read(file)).build();
    }

    /** A host-side transport linked to this replay (not yet opened); a previous link is closed. */
    public Transport connect() {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        attach(pair.modem());
        return pair.host();
    }

    /**
     * Serves the replay on {@code 127.0.0.1:port} (0 = any free port), one client at a time.
     *
     * @return the bound port
     */
    public int listenTcp(int port) {
        try {
            server = new TcpServer(port, "ERROR: port busy, another client is connected\r\n", () -> link, this::attach);
            return server.port();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
    }

    /** Calls {@code listener} once, with the first deviation, on the replay's thread. */
    public void onDeviation(Consumer<String> listener) {
        deviationListeners.add(Objects.requireNonNull(listener));
    }

    /** Calls {@code listener} each time a link has played the whole trace without deviation. */
    public void onFinished(Runnable listener) {
        finishListeners.add(Objects.requireNonNull(listener));
    }

    /** The first deviation of every link so far, in order (a link that had none adds nothing). */
    public List<String> deviations() {
        return List.copyOf(allDeviations);
    }

    /** How many links (clients) the replay has served. */
    public int links() {
        synchronized (lock) {
            return links;
        }
    }

    /** The first deviation, {@code expected <recorded> got <written>}, if the host deviated. */
    public Optional<String> deviation() {
        synchronized (lock) {
            return Optional.ofNullable(deviation);
        }
    }

    /** Whether the host wrote everything the trace holds (and the modem's answers were written). */
    public boolean finished() {
        synchronized (lock) {
            return next >= records.size();
        }
    }

    /** What the host should write next, as a person reads it, or {@code end of trace}. */
    public String expectedNext() {
        synchronized (lock) {
            return next < records.size() ? describe(records.get(next)) : "end of trace";
        }
    }

    /**
     * Passes when the host wrote exactly the trace and nothing else, waiting up to {@code timeout} for the last
     * answers to be written; otherwise throws an {@link AssertionError} with the first deviation, or with what the
     * host did not write.
     */
    public void assertReplayed(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (deviation == null && next < records.size() && System.nanoTime() - end < 0) {
                try {
                    lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (deviation != null) {
                throw new AssertionError(deviation);
            }
            if (next < records.size()) {
                throw new AssertionError("the host stopped before the end of the trace: expected " + expectedNext()
                        + " (record " + (next + 1) + " of " + records.size() + ")");
            }
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        Transport l = link;
        if (l != null) {
            l.close();
        }
        worker.shutdownNow();
    }

    private void attach(Transport modemEnd) {
        Transport old = link;
        link = modemEnd;
        if (old != null && old != modemEnd) {
            old.close();
        }
        worker.execute(this::start);
        try {
            modemEnd.open(new TransportListener() {
                @Override
                public void onBytes(byte[] data, int offset, int length) {
                    byte[] copy = java.util.Arrays.copyOfRange(data, offset, offset + length);
                    worker.execute(() -> feed(copy));
                }

                @Override
                public void onClosed(Throwable cause) {
                    if (link == modemEnd) {
                        link = null;
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the replay's end of the link", e);
        }
    }

    /** A new link replays the trace from its start: writes what the modem said before the host's first record. */
    private void start() {
        synchronized (lock) {
            records = traces.get(Math.min(links, traces.size() - 1));
            links++;
            next = 0;
            lastT = 0;
            deviation = null;
            finishedReported = false;
            input.reset();
        }
        answer();
    }

    private void feed(byte[] bytes) {
        input.writeBytes(bytes);
        while (step()) {
            // each step consumes one host record, or one line after a deviation
        }
    }

    /** Matches the next host record against the input; false when more input is needed. */
    private boolean step() {
        byte[] in = input.toByteArray();
        if (in.length == 0) {
            return false;
        }
        TraceRecord want;
        synchronized (lock) {
            want = deviation == null && next < records.size() ? records.get(next) : null;
        }
        if (want == null) {
            int end = lineEnd(in, 0);
            if (end < 0) {
                return false;
            }
            consume(end + 1);
            String got = new String(in, 0, end + 1, StandardCharsets.UTF_8);
            if (got.isBlank()) {
                return true;
            }
            deviate("expected " + expectedNext() + " got " + ReplayMatcher.show(got));
            write(ERROR);
            return true;
        }
        switch (want.kind()) {
            case COMMAND -> {
                if (in[0] == '\n' || in[0] == '\r') {
                    consume(1);
                    return true;
                }
                int end = lineEnd(in, 0);
                if (end < 0) {
                    return false;
                }
                consume(end + 1);
                String got = new String(in, 0, end + 1, StandardCharsets.UTF_8);
                if (ReplayMatcher.matches(stripEnd(want.text()), stripEnd(got))) {
                    advance(want);
                } else {
                    deviate("expected " + ReplayMatcher.show(want.text()) + " got " + ReplayMatcher.show(got));
                    write(ERROR);
                }
                return true;
            }
            case PAYLOAD -> {
                if (in.length < want.length()) {
                    return false;
                }
                int n = (int) want.length();
                consume(n);
                CRC32 crc = new CRC32();
                crc.update(in, 0, n);
                String got = String.format("%08x", crc.getValue());
                if (got.equals(want.crc32())) {
                    advance(want);
                } else {
                    deviate("expected " + describe(want) + " got a payload of " + n + " bytes with CRC-32 " + got);
                    write(ERROR);
                }
                return true;
            }
            default -> {
                byte[] expected = want.bytes();
                if (in.length < expected.length) {
                    return false;
                }
                consume(expected.length);
                if (java.util.Arrays.equals(expected, 0, expected.length, in, 0, expected.length)) {
                    advance(want);
                } else {
                    deviate("expected " + describe(want) + " got "
                            + ReplayMatcher.show(new String(in, 0, expected.length, StandardCharsets.UTF_8)));
                    write(ERROR);
                }
                return true;
            }
        }
    }

    private void advance(TraceRecord matched) {
        synchronized (lock) {
            next++;
            lastT = matched.offsetMillis();
            lock.notifyAll();
        }
        answer();
    }

    /** Writes the modem's records up to the host's next one. */
    private void answer() {
        while (true) {
            TraceRecord r;
            synchronized (lock) {
                if (next >= records.size() || records.get(next).fromHost()) {
                    lock.notifyAll();
                    if (next >= records.size() && !finishedReported && deviation == null) {
                        finishedReported = true;
                        finishListeners.forEach(Runnable::run);
                    }
                    return;
                }
                r = records.get(next);
            }
            if (timing && r.offsetMillis() > lastT) {
                try {
                    Thread.sleep(r.offsetMillis() - lastT);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            write(r.bytes());
            synchronized (lock) {
                lastT = Math.max(lastT, r.offsetMillis());
                next++;
            }
        }
    }

    private void deviate(String what) {
        boolean first;
        synchronized (lock) {
            first = deviation == null;
            if (first) {
                deviation = what;
                allDeviations.add(what);
            }
            lock.notifyAll();
        }
        if (first) {
            log.info("replay deviation: {}", what);
            for (Consumer<String> l : deviationListeners) {
                try {
                    l.accept(what);
                } catch (RuntimeException e) {
                    log.warn("deviation listener threw; ignored", e);
                }
            }
        }
    }

    private void write(byte[] bytes) {
        Transport l = link;
        if (l == null || bytes.length == 0) {
            return;
        }
        try {
            l.write(bytes);
        } catch (IOException e) {
            log.debug("replay: the host's link is gone: {}", e.getMessage());
        }
    }

    private void consume(int n) {
        byte[] in = input.toByteArray();
        input.reset();
        input.write(in, n, in.length - n);
    }

    private static int lineEnd(byte[] in, int from) {
        for (int i = from; i < in.length; i++) {
            if (in[i] == '\r' || in[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static String stripEnd(String s) {
        return ReplayMatcher.show(s);
    }

    private static String describe(TraceRecord r) {
        return switch (r.kind()) {
            case PAYLOAD -> "a payload of " + r.length() + " bytes with CRC-32 " + r.crc32();
            case COMMAND -> ReplayMatcher.show(r.text());
            default -> ReplayMatcher.show(new String(r.bytes(), StandardCharsets.UTF_8));
        };
    }

    /** Options of a {@link ReplayModem}. */
    public static final class Builder {
        private final List<Trace> traces;
        private boolean timing;

        private Builder(List<Trace> traces) {
            this.traces = traces;
        }

        /** Whether the modem's chunks wait their recorded delays (default false: as fast as the host reads). */
        public Builder timing(boolean on) {
            this.timing = on;
            return this;
        }

        public ReplayModem build() {
            return new ReplayModem(this);
        }
    }
}
