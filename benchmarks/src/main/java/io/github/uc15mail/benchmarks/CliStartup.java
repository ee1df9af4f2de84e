package io.github.uc15mail.benchmarks;

import io.github.uc15mail.testkit.Uc15Emulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold starts of the {@code uc15mail} command as cron or {@code sendmail} callers pay them, side by side with a
 * hello-world JVM in the same run: each command is started {@code runs} times as a new process under
 * {@code /usr/bin/time -v} (wall time and peak RSS), and the median is kept. {@code send} sends one short email
 * over TCP to an emulated modem in this JVM that delivers to the benchmark's SMTP server. Also the gateway at
 * rest: started with {@code -Xmx48m} on two idle emulated modems, its RSS read from {@code /proc} after it
 * settled.
 */
public final class CliStartup {

    /** One command's median run: wall seconds, peak RSS in KiB. */
    public record Median(String what, double wallSeconds, long peakKib, int runs) {}

    private static final Pattern WALL = Pattern.compile("Elapsed \\(wall clock\\) time.*: (?:(\\d+):)?(\\d+):(\\d+(?:\\.\\d+)?)");
    private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");

    private CliStartup() {}

    /** The launcher built by {@code mvn package -pl samples -am}, looked for from the working directory up. */
    public static Path launcher() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path p = d.resolve("samples/target/uc15mail");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Whether {@code /usr/bin/time} is there (Debian package {@code time}). */
    public static boolean timeTool() {
        return Files.isExecutable(Path.of("/usr/bin/time"));
    }

    /** The median of {@code runs} starts of a hello-world class, with the JVM's default flags. */
    public static Median helloWorld(int runs) {
        Path dir = helloDir();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return median("hello-world JVM", runs, Map.of(), java, "-cp", dir.toString(), HelloWorld.class.getName());
    }

    /** The median of {@code runs} starts of {@code uc15mail <args>} through the launcher. */
    public static Median launcher(Path launcher, String what, int runs, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        return median(what, runs, env, command.toArray(String[]::new));
    }

    /** {@code uc15mail send} to an emulated modem of this JVM, {@code runs} times; the median. */
    public static Median send(Path launcher, SmtpServer smtp, int runs, Map<String, String> env) {
        try (Uc15Emulator modem = Uc15Emulator.builder().build()) {
            int port = modem.listenTcp(0);
            return launcher(launcher, "uc15mail send" + (env.isEmpty() ? "" : " " + env), runs, env, "send",
                    "--port", "tcp:127.0.0.1:" + port, "--server", smtp.host(), "--server-port",
                    String.valueOf(smtp.port()), "--security", "none", "--from", "bench@example.com",
                    "--to", "ops@example.com", "--subject", "start-up", "--body", "one short email");
        }
    }

    /**
     * The gateway's RSS at rest: {@code uc15mail gateway} with {@code -Xmx48m} on two idle emulated modems of
     * this JVM, an SQLite outbox in a temporary directory, no front door or status page listening beyond
     * loopback port 0; the RSS (KiB) read {@code settle} seconds after start, then it is stopped.
     */
    public static long gatewayAtRest(Path launcher, SmtpServer smtp, int settleSeconds) throws Exception {
        Path dir = Files.createTempDirectory("uc15mail-gateway-rss");
        try (Uc15Emulator a = Uc15Emulator.builder().build(); Uc15Emulator b = Uc15Emulator.builder().build()) {
            ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "gateway", "--modem",
                    "tcp:127.0.0.1:" + a.listenTcp(0), "--modem", "tcp:127.0.0.1:" + b.listenTcp(0), "--server",
                    smtp.host(), "--server-port", String.valueOf(smtp.port()), "--security", "none", "--from",
                    "bench@example.com", "--store", "sqlite:" + dir.resolve("outbox.db"), "--listen", "127.0.0.1:0",
                    "--http", "127.0.0.1:0").redirectErrorStream(true).redirectOutput(dir.resolve("gateway.log").toFile());
            pb.environment().put("UC15MAIL_JAVA_OPTS", "-Xmx48m");
            Process p = pb.start();
            try {
                long javaPid = p.pid(); // the launcher execs java: same process
                Thread.sleep(settleSeconds * 1000L);
                if (!p.isAlive()) {
                    throw new IllegalStateException("the gateway exited: " + Files.readString(dir.resolve("gateway.log")));
                }
                for (String line : Files.readAllLines(Path.of("/proc/" + javaPid + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D+", ""));
                    }
                }
                throw new IllegalStateException("no VmRSS for " + javaPid);
            } finally {
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    private static Median median(String what, int runs, Map<String, String> env, String... command) {
        List<double[]> samples = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            samples.add(once(env, command));
        }
        samples.sort((x, y) -> Double.compare(x[0], y[0]));
        double wall = samples.get(samples.size() / 2)[0];
        List<Double> rss = new ArrayList<>();
        samples.forEach(s -> rss.add(s[1]));
        rss.sort(Double::compare);
        return new Median(what, wall, (long) (double) rss.get(rss.size() / 2), runs);
    }

    /** One run under /usr/bin/time -v: {wall seconds, peak KiB}. */
    private static double[] once(Map<String, String> env, String... command) {
        try {
            Path report = Files.createTempFile("uc15mail-time", ".txt");
            List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-v", "-o", report.toString()));
            full.addAll(List.of(command));
            ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + new String(out));
            }
            String text = Files.readString(report);
            Files.delete(report);
            Matcher w = WALL.matcher(text);
            Matcher r = RSS.matcher(text);
            if (!w.find() || !r.find()) {
                throw new IllegalStateException("cannot read /usr/bin/time -v: " + text);
            }
            double wall = (w.group(1) == null ? 0 : Integer.parseInt(w.group(1)) * 3600)
                    + Integer.parseInt(w.group(2)) * 60 + Double.parseDouble(w.group(3));
            return new double[] {wall, Long.parseLong(r.group(1))};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path helloDir() {
        try {
            Path dir = Files.createTempDirectory("uc15mail-hello");
            String resource = HelloWorld.class.getName().replace('.', '/') + ".class";
            Path target = dir.resolve(resource);
            Files.createDirectories(target.getParent());
            try (InputStream in = CliStartup.class.getClassLoader().getResourceAsStream(resource)) {
                Files.copy(in, target);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hello-world program the CLI is compared with: one line to standard output. */
    public static final class HelloWorld {
        public static void main(String[] args) {
            System.out.println("hello, world");
        }
    }
}
