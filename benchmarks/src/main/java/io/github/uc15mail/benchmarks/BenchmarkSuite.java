package io.github.uc15mail.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the whole benchmark suite and prints one table: decoder throughput and round trip (JMH), line
 * efficiency, memory and scale (measured runs). Every figure is measured; targets are printed next to
 * them, never enforced.
 *
 * <pre>
 * java -jar benchmarks/target/uc15mail-benchmarks.jar            # the full suite (about 6 minutes)
 * java -jar benchmarks/target/uc15mail-benchmarks.jar --smoke    # everything once, minimal sizes
 * java -jar benchmarks/target/uc15mail-benchmarks.jar --only line,memory
 * </pre>
 */
public final class BenchmarkSuite {

    /** The parts of the suite. */
    public enum Part { DECODER, ROUNDTRIP, LINE, MEMORY, SCALE, WARM, CLI }

    /** How hard to measure: the real suite, or one quick pass that only proves everything still runs. */
    public record Settings(boolean smoke, int jmhWarmups, int jmhIterations, Duration jmhTime, int jmhForks,
            int lineAttachment, int lineBaud, int lineRepeats, long[] memorySizes, int[] scaleMailers,
            int scaleBaud, Duration scaleWindow) {

        /** The measurements reported in BENCHMARKS.md. */
        public static Settings fullRun() {
            return new Settings(false, 3, 5, Duration.ofSeconds(1), 2, 256 * 1024, 115_200, 3,
                    new long[] {256 * 1024, 2 * 1024 * 1024, 20 * 1024 * 1024}, new int[] {1, 2, 4, 8}, 115_200,
                    Duration.ofSeconds(20));
        }

        /** Every figure of the table, measured lightly (one JMH fork, one line send, short windows): about 2 minutes. */
        public static Settings quickRun() {
            return new Settings(false, 1, 2, Duration.ofMillis(500), 1, 256 * 1024, 115_200, 1,
                    new long[] {256 * 1024}, new int[] {1, 2}, 115_200, Duration.ofSeconds(5));
        }

        /** Every benchmark once, with minimal iterations and sizes: for the smoke test. */
        public static Settings smokeRun() {
            return new Settings(true, 0, 1, Duration.ofMillis(200), 1, 16 * 1024, 2_000_000, 1,
                    new long[] {64 * 1024}, new int[] {1, 2}, 115_200, Duration.ofSeconds(2));
        }
    }

    private final Settings settings;
    private final PrintStream progress;
    private final List<Row> rows = new ArrayList<>();
    private boolean quick;

    /**
     * One line of the result table: the figure, its value, its goal, the verdict, the peer or limit it is compared
     * with, the machine's load (1-minute average from /proc/loadavg) when it was measured, and the command that
     * reproduces it.
     */
    public record Row(String measurement, String value, String target, String verdict, String peer, String load,
            String command) {
        public Row(String measurement, String value, String target, String verdict) {
            this(measurement, value, target, verdict, "", "", "");
        }

        Row peer(String p) {
            return new Row(measurement, value, target, verdict, p, load, command);
        }
    }

    private static final String JAR = "java -jar benchmarks/target/uc15mail-benchmarks.jar";
    private String partCommand = JAR;

    /** Adds {@code r}, stamped with the load now and the command of the part that measured it. */
    private void add(Row r) {
        rows.add(new Row(r.measurement(), r.value(), r.target(), r.verdict(), r.peer(), load(), partCommand));
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    public BenchmarkSuite(Settings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fullRun();
        boolean quick = false;
        Set<Part> parts = EnumSet.allOf(Part.class);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> settings = Settings.smokeRun();
                case "--quick" -> {
                    settings = Settings.quickRun();
                    quick = true;
                }
                case "--only" -> {
                    parts = EnumSet.noneOf(Part.class);
                    for (String p : args[++i].split(",")) {
                        parts.add(Part.valueOf(p.strip().toUpperCase(Locale.ROOT)));
                    }
                }
                default -> {
                    System.err.println("usage: java -jar uc15mail-benchmarks.jar [--quick|--smoke] [--only decoder,roundtrip,line,memory,scale,warm,cli]");
                    System.exit(2);
                }
            }
        }
        BenchmarkSuite suite = new BenchmarkSuite(settings, System.err);
        suite.quick = quick;
        suite.run(parts);
        suite.printTable(System.out);
        System.exit(0);
    }

    /** Runs {@code parts} in order, collecting rows. */
    public List<Row> run(Collection<Part> parts) throws RunnerException {
        String mode = quick ? " --quick" : settings.smoke() ? " --smoke" : "";
        if (parts.contains(Part.DECODER)) {
            partCommand = JAR + mode + " --only decoder";
            decoder();
        }
        if (parts.contains(Part.ROUNDTRIP)) {
            partCommand = JAR + mode + " --only roundtrip";
            roundTrip();
        }
        if (parts.stream().anyMatch(p -> p == Part.LINE || p == Part.MEMORY || p == Part.SCALE || p == Part.WARM
                || p == Part.CLI)) {
            try (SmtpServer smtp = SmtpServer.start()) {
                if (parts.contains(Part.WARM)) {
                    partCommand = JAR + mode + " --only warm";
                    warm(smtp);
                }
                if (parts.contains(Part.CLI)) {
                    partCommand = JAR + mode + " --only cli";
                    cli(smtp);
                }
                if (parts.contains(Part.LINE)) {
                    partCommand = JAR + mode + " --only line";
                    line(smtp);
                }
                if (parts.contains(Part.MEMORY)) {
                    partCommand = JAR + mode + " --only memory";
                    memory(smtp);
                }
                if (parts.contains(Part.SCALE)) {
                    partCommand = JAR + mode + " --only scale";
                    scale(smtp);
                }
            }
        }
        return List.copyOf(rows);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    // ------------------------------------------------------------------ JMH parts

    private ChainedOptionsBuilder jmh(Class<?> benchmark) {
        return new OptionsBuilder().include(benchmark.getName() + "\\.").forks(settings.jmhForks())
                .warmupIterations(settings.jmhWarmups()).warmupTime(TimeValue.milliseconds(settings.jmhTime().toMillis()))
                .measurementIterations(settings.jmhIterations())
                .measurementTime(TimeValue.milliseconds(settings.jmhTime().toMillis()))
                .verbosity(VerboseMode.SILENT).shouldFailOnError(true);
    }

    private void decoder() throws RunnerException {
        progress.println("decoder throughput (JMH, GC profiler) ...");
        Collection<RunResult> results = new Runner(jmh(DecoderBenchmark.class).addProfiler(GCProfiler.class).build()).run();
        for (RunResult r : results) {
            int chunk = Integer.parseInt(r.getParams().getParam("chunk"));
            double mbPerSecond = r.getPrimaryResult().getScore() * DecoderBenchmark.TRAFFIC_BYTES / 1e6;
            double error = r.getPrimaryResult().getScoreError() * DecoderBenchmark.TRAFFIC_BYTES / 1e6;
            Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            String allocated = alloc == null ? "n/a"
                    : String.format(Locale.ROOT, "%.2f B allocated/B", alloc.getScore() / DecoderBenchmark.TRAFFIC_BYTES);
            boolean targeted = chunk == 64;
            add(new Row("decoder, " + chunk + "-byte chunks",
                    (Double.isNaN(error) // one fork with too few iterations (--quick) has no error bound
                            ? String.format(Locale.ROOT, "%.0f MB/s (no error bound in a quick run); %s", mbPerSecond,
                                    allocated)
                            : String.format(Locale.ROOT, "%.0f ± %.0f MB/s; %s", mbPerSecond, error, allocated)),
                    targeted ? ">= 1000 MB/s" : "", targeted ? verdict(mbPerSecond >= 1000) : ""));
        }
    }

    private void roundTrip() throws RunnerException {
        progress.println("command round trip (JMH) ...");
        Collection<RunResult> results = new Runner(jmh(RoundTripBenchmark.class).build()).run();
        double sdk = Double.NaN;
        double modem = Double.NaN;
        double raw = Double.NaN;
        double handOff = Double.NaN;
        double viaWorker = Double.NaN;
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            double score = r.getPrimaryResult().getScore();
            if (name.endsWith(".sdkCommand")) {
                sdk = score;
            } else if (name.endsWith(".modemCommand")) {
                modem = score;
            } else if (name.endsWith(".rawPipe")) {
                raw = score;
            } else if (name.endsWith(".rawPipeViaWorker")) {
                viaWorker = score;
            } else if (name.endsWith(".threadHandOff")) {
                handOff = score;
            }
        }
        add(new Row("round trip AT/OK, whole SDK", us(sdk), "", ""));
        add(new Row("round trip AT/OK, raw pipe (no SDK)", us(raw), "", ""));
        add(new Row("round trip, SDK / raw", String.format(Locale.ROOT, "%.2fx", sdk / raw), "<= 1.3x",
                verdict(sdk / raw <= 1.3)));
        add(new Row("SDK overhead per command", us(sdk - raw), "<= 10 µs", verdict(sdk - raw <= 10)));
        add(new Row("round trip AT/OK through Modem.execute (queue and interceptor chain)", us(modem), "", ""));
        add(new Row("round trip, Modem.execute / raw", String.format(Locale.ROOT, "%.2fx", modem / raw), "<= 1.3x",
                verdict(modem / raw <= 1.3)));
        add(new Row("round trip, raw pipe through a worker thread (2 extra hand-offs, no SDK)", us(viaWorker), "", ""));
        add(new Row("  cost of 2 extra thread hand-offs", us(viaWorker - raw), "", ""));
        add(new Row("thread hand-off there and back", us(handOff), "", ""));
    }

    private static String us(double v) {
        return String.format(Locale.ROOT, "%.1f µs", v);
    }

    // ------------------------------------------------------------------ measured runs

    private void line(SmtpServer smtp) {
        progress.println("line efficiency: one untimed warm-up send (16 KB, no line limit) ...");
        LineEfficiency.run(smtp, 16 * 1024, 0);
        List<LineEfficiency.Result> runs = new ArrayList<>();
        for (int i = 0; i < settings.lineRepeats(); i++) {
            progress.printf("line efficiency: %d KB at %d baud, send %d of %d ...%n", settings.lineAttachment() / 1024,
                    settings.lineBaud(), i + 1, settings.lineRepeats());
            runs.add(LineEfficiency.run(smtp, settings.lineAttachment(), settings.lineBaud()));
            smtp.purge();
        }
        List<LineEfficiency.Result> byRatio = new ArrayList<>(runs);
        byRatio.sort(java.util.Comparator.comparingDouble(LineEfficiency.Result::ratio));
        LineEfficiency.Result median = byRatio.get(byRatio.size() / 2);
        String label = String.format(Locale.ROOT, "%d KB attachment at %d baud", median.attachmentBytes() / 1024,
                median.baud());
        add(new Row("line: bytes over the link, " + label, String.format(Locale.ROOT, "%d (%d to modem, %d back)",
                median.linkBytes(), median.bytesToModem(), median.bytesFromModem()), "", ""));
        add(new Row("line: physical minimum (10 bits/byte)",
                String.format(Locale.ROOT, "%.2f s", median.minimumSeconds()), "", ""));
        StringBuilder times = new StringBuilder();
        StringBuilder ratios = new StringBuilder();
        for (LineEfficiency.Result r : runs) {
            times.append(times.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f s", r.measuredSeconds()));
            ratios.append(ratios.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", r.ratio()));
        }
        add(new Row("line: measured send time, each send", times.toString(), "", ""));
        add(new Row("line: of which SMTP wait (QSMTPPUT to URC), median send",
                String.format(Locale.ROOT, "%.2f s", median.smtpWaitSeconds()), "", ""));
        add(new Row("line: measured / minimum, each send", ratios.toString(), "", ""));
        add(new Row("line: measured / minimum, median", String.format(Locale.ROOT, "%.3f", median.ratio()),
                "<= 1.02 (efficiency >= 0.98, issue 23)", verdict(median.ratio() <= 1.02)));
        add(new Row("line: link bytes / MIME size of the same email",
                String.format(Locale.ROOT, "%d / %d = %.3f", median.linkBytes(), median.mimeBytes(),
                        (double) median.linkBytes() / median.mimeBytes()), "", ""));
    }

    private void memory(SmtpServer smtp) {
        progress.printf("memory: host JVM %s, emulator over TCP in this JVM, sizes %s ...%n", MemoryFootprint.HOST_HEAP,
                java.util.Arrays.toString(settings.memorySizes()));
        for (MemoryFootprint.Result r : MemoryFootprint.run(smtp, settings.memorySizes())) {
            String size = size(r.attachmentBytes());
            if (!r.completed()) {
                add(new Row("memory: " + size + " from a file, " + MemoryFootprint.HOST_HEAP, "FAILED: " + r.failure(),
                        "completes", verdict(false)));
                continue;
            }
            add(new Row("memory: " + size + " from a file, " + MemoryFootprint.HOST_HEAP,
                    String.format(Locale.ROOT, "sent in %.1f s; peak heap %s used, %s live after GC", r.millis() / 1000.0,
                            size(r.peakUsedBytes()), size(r.peakLiveBytes())), "completes, flat", verdict(true)));
        }
    }

    private void scale(SmtpServer smtp) {
        double single = Double.NaN;
        for (int n : settings.scaleMailers()) {
            progress.printf("scale: %d mailer(s) at %d baud for %d s ...%n", n, settings.scaleBaud(),
                    settings.scaleWindow().toSeconds());
            ScaleRun.Result r = ScaleRun.run(smtp, n, settings.scaleBaud(), settings.scaleWindow());
            if (n == 1) {
                single = r.emailsPerMinute();
            }
            double efficiency = r.emailsPerMinute() / (n * single);
            add(new Row("scale: " + n + " mailer(s), small emails",
                    String.format(Locale.ROOT, "%.0f emails/min (%d in %.1f s); %.2f of N x single", r.emailsPerMinute(),
                            r.emails(), r.seconds(), efficiency), n == 1 ? "" : ">= 0.90 of N x single",
                    n == 1 ? "" : verdict(efficiency >= 0.9)));
        }
    }

    private void warm(SmtpServer smtp) {
        progress.println("warm send: AT commands of a send right after a good one ...");
        WarmSendCount.Result r = WarmSendCount.run(smtp);
        add(new Row("AT commands per send, cold (first send, 1 recipient)", String.valueOf(r.cold()), "", "")
                .peer("13 per warm send before issue 23"));
        add(new Row("AT commands per warm send, 1 recipient", r.warm1() + ": " + String.join(", ", r.warmVerbs()),
                "<= 6 (n + 5)", verdict(r.warm1() <= 6)).peer("minimum 5: DST, SUB, BODY, PUT, CLR"));
        add(new Row("AT commands per warm send, 3 recipients", String.valueOf(r.warm3()), "<= 8 (n + 5)",
                verdict(r.warm3() <= 8)));
    }

    private void cli(SmtpServer smtp) {
        java.nio.file.Path launcher = CliStartup.launcher();
        if (launcher == null || !CliStartup.timeTool()) {
            add(new Row("CLI start-up", "not measured: " + (launcher == null
                    ? "samples/target/uc15mail missing (mvn -B -q -DskipTests package -pl samples -am)"
                    : "/usr/bin/time missing (Debian package time)"), "", ""));
            return;
        }
        int runs = settings.smoke() ? 1 : 5;
        progress.printf("CLI start-up: hello-world JVM, uc15mail --version and send, %d runs each, side by side ...%n", runs);
        java.util.Map<String, String> noFlags = java.util.Map.of("UC15MAIL_JAVA_OPTS", "");
        CliStartup.Median hello = CliStartup.helloWorld(runs);
        CliStartup.Median version = CliStartup.launcher(launcher, "uc15mail --version", runs, java.util.Map.of(), "--version");
        CliStartup.Median send = CliStartup.send(launcher, smtp, runs, java.util.Map.of());
        String peer = String.format(Locale.ROOT, "hello-world JVM %.2f s, %d MiB", hello.wallSeconds(), hello.peakKib() / 1024);
        add(new Row("CLI: hello-world JVM (median of " + runs + ")", String.format(Locale.ROOT, "%.2f s wall, %d MiB peak",
                hello.wallSeconds(), hello.peakKib() / 1024), "", ""));
        add(new Row("CLI: uc15mail --version (median of " + runs + ")", String.format(Locale.ROOT,
                "%.2f s wall (%.1fx), %d MiB peak", version.wallSeconds(), version.wallSeconds() / hello.wallSeconds(),
                version.peakKib() / 1024), "<= 2x hello-world wall", verdict(version.wallSeconds() <= 2 * hello.wallSeconds()))
                .peer(peer));
        add(new Row("CLI: uc15mail send, one short email (median of " + runs + ")", String.format(Locale.ROOT,
                "%.2f s wall (%.1fx), %d MiB peak", send.wallSeconds(), send.wallSeconds() / hello.wallSeconds(),
                send.peakKib() / 1024), "<= 3x hello-world wall, <= 64 MiB",
                verdict(send.wallSeconds() <= 3 * hello.wallSeconds() && send.peakKib() <= 64 * 1024)).peer(peer));
        if (!settings.smoke()) {
            try {
                long rss = CliStartup.gatewayAtRest(launcher, smtp, quick ? 8 : 15);
                add(new Row("gateway at rest, -Xmx48m, 2 idle emulated modems", (rss / 1024) + " MiB RSS", "<= 110 MiB",
                        verdict(rss <= 110 * 1024)).peer("a Pi 3 has 1 GiB"));
            } catch (Exception e) {
                add(new Row("gateway at rest, -Xmx48m, 2 idle emulated modems", "FAILED: " + e.getMessage(),
                        "<= 110 MiB", verdict(false)));
            }
        }
    }

    private static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
        }
        return String.format(Locale.ROOT, "%d KB", bytes / 1024);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    // ------------------------------------------------------------------ output

    /** Prints the machine line and the result table as Markdown. */
    public void printTable(PrintStream out) {
        out.println();
        out.println("uc15mail benchmarks" + (settings.smoke() ? " (SMOKE: minimal iterations, numbers meaningless)"
                : quick ? " (QUICK: one JMH fork, one line send, short windows)" : ""));
        out.printf("machine: %s, %d cores; %s %s; %s%n", cpuModel(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), LocalDate.now());
        out.printf("JVM args: %s%n", ManagementFactory.getRuntimeMXBean().getInputArguments());
        out.println();
        String date = LocalDate.now().toString();
        out.println("| figure | value | goal | verdict | peer or limit | date | load | command |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (Row r : rows) {
            out.printf("| %s | %s | %s | %s | %s | %s | %s | `%s` |%n", r.measurement(), r.value(), r.target(), r.verdict(),
                    r.peer(), date, r.load(), r.command());
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }
}
