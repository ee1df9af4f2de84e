package io.github.uc15mail.benchmarks;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.at.AtSessionOptions;
import io.github.uc15mail.outbox.Dispatcher;
import io.github.uc15mail.outbox.DispatcherOptions;
import io.github.uc15mail.outbox.MessageState;
import io.github.uc15mail.outbox.Outbox;
import io.github.uc15mail.testkit.Uc15Emulator;
import io.github.uc15mail.transport.Transport.SocketTransport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The outbox's figures: durable enqueue with 8 producers (SQLite, and PostgreSQL when {@code --postgres URL}
 * is given), drain rate with N emulated modems at 115200 baud, and a gateway JVM at {@code -Xmx48m} draining
 * a 10,000-message backlog. Prints one line per measurement.
 *
 * <pre>java -cp benchmarks/target/uc15mail-benchmarks.jar io.github.uc15mail.benchmarks.OutboxRun [--postgres URL]
 *     [--only enqueue,drain,backlog]</pre>
 */
public final class OutboxRun {

    private OutboxRun() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--gateway-child")) {
            child(args);
            return;
        }
        String postgres = null;
        String only = "enqueue,drain,backlog";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--postgres" -> postgres = args[++i];
                case "--only" -> only = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("uc15mail-outbox-bench");
        if (only.contains("enqueue")) {
            enqueue("SQLite", "sqlite:" + dir.resolve("enqueue.db"));
            if (postgres != null) {
                enqueue("PostgreSQL", postgres);
            }
        }
        if (only.contains("drain")) {
            double one = 0;
            for (int n : new int[] {1, 2, 4, 8}) {
                double perMinute = drain(dir, n);
                if (n == 1) {
                    one = perMinute;
                }
                System.out.printf(Locale.ROOT, "drain: %d modem(s) at 115200 baud: %.0f emails/min, %.2f of N x one%n", n,
                        perMinute, perMinute / (n * one));
            }
        }
        if (only.contains("backlog")) {
            backlog(dir, 10_000, 4);
        }
    }

    static EmailDraft twoKb(int i) {
        return EmailDraft.builder().to("ops@example.com").subject("reading " + i).body("x".repeat(2048)).build();
    }

    static void enqueue(String name, String url) throws Exception {
        int producers = 8;
        int perProducer = 1000;
        try (Outbox outbox = Outbox.open(url)) {
            run(outbox, producers, 50);
            long start = System.nanoTime();
            run(outbox, producers, perProducer);
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "enqueue: %s, %d producers, 2 KB bodies: %d messages in %.2f s = %.0f/s%n",
                    name, producers, producers * perProducer, s, producers * perProducer / s);
        }
    }

    private static void run(Outbox outbox, int producers, int each) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(producers);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        outbox.enqueue(twoKb(i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Emails per minute drained by {@code n} modems from a backlog of 60 per modem. */
    static double drain(Path dir, int n) throws Exception {
        List<Uc15Emulator> modems = new ArrayList<>();
        List<ModemMailer> mailers = new ArrayList<>();
        int perModem = 60;
        try (SmtpServer smtp = SmtpServer.start();
                Outbox outbox = Outbox.open("sqlite:" + dir.resolve("drain-" + n + ".db"))) {
            Map<String, ModemMailer> pool = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                Uc15Emulator modem = Uc15Emulator.builder().build();
                modems.add(modem);
                modem.faults().lineSpeed(115_200);
                ModemMailer m = ModemMailer.open(modem.connect(), smtp.config());
                m.send(Emails.small(0));
                mailers.add(m);
                pool.put("modem" + i, m);
            }
            for (int i = 0; i < perModem * n; i++) {
                outbox.enqueue(Emails.small(i + 1));
            }
            long start = System.nanoTime();
            try (Dispatcher d = Dispatcher.start(outbox, pool, DispatcherOptions.defaults().withNode("bench")
                    .withPollInterval(Duration.ofMillis(20)))) {
                while (outbox.counts().get(MessageState.SENT) < perModem * n) {
                    Thread.sleep(5);
                }
                double s = (System.nanoTime() - start) / 1e9;
                return perModem * n / s * 60;
            }
        } finally {
            mailers.forEach(ModemMailer::close);
            modems.forEach(Uc15Emulator::close);
        }
    }

    /** A gateway JVM at -Xmx48m drains {@code total} small messages through {@code n} emulated modems. */
    static void backlog(Path dir, int total, int n) throws Exception {
        String store = "sqlite:" + dir.resolve("backlog.db");
        List<Uc15Emulator> modems = new ArrayList<>();
        try (SmtpServer smtp = SmtpServer.start(); Outbox outbox = Outbox.open(store)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> fs = new ArrayList<>();
            for (int p = 0; p < 8; p++) {
                int base = p * (total / 8);
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < total / 8; i++) {
                        outbox.enqueue(Emails.small(base + i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            pool.shutdownNow();
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx48m", "-cp", System.getProperty("java.class.path"), OutboxRun.class.getName(), "--gateway-child",
                    store, String.valueOf(smtp.port())));
            for (int i = 0; i < n; i++) {
                Uc15Emulator modem = Uc15Emulator.builder().build();
                modems.add(modem);
                cmd.add(String.valueOf(modem.listenTcp(0)));
            }
            Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            long[] maxHeap = {0};
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.startsWith("heap ")) {
                            maxHeap[0] = Math.max(maxHeap[0], Long.parseLong(line.substring(5).trim()));
                        } else if (line.contains("OutOfMemoryError")) {
                            System.out.println("backlog: child: " + line);
                        }
                    }
                } catch (Exception ignored) {
                    // child gone
                }
            });
            reader.start();
            long start = System.nanoTime();
            try {
                while (outbox.counts().get(MessageState.SENT) < total && child.isAlive()) {
                    Thread.sleep(100);
                }
            } finally {
                child.destroy();
                child.waitFor();
                reader.join(5000);
            }
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "backlog: gateway JVM -Xmx48m, %d modems (no line limit), %d messages: %s %d sent "
                    + "in %.1f s (%.0f/min), peak heap used %.1f MB%n", n, total,
                    outbox.counts().get(MessageState.SENT) == total ? "all" : "ONLY", outbox.counts().get(MessageState.SENT),
                    s, outbox.counts().get(MessageState.SENT) / s * 60, maxHeap[0] / 1e6);
        } finally {
            modems.forEach(Uc15Emulator::close);
        }
    }

    private static void child(String[] args) throws Exception {
        String store = args[1];
        int smtpPort = Integer.parseInt(args[2]);
        Outbox outbox = Outbox.open(store);
        Map<String, ModemMailer> pool = new LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            io.github.uc15mail.Modem s = io.github.uc15mail.Modem.open(new SocketTransport("127.0.0.1", Integer.parseInt(args[i])),
                    AtSessionOptions.defaults());
            pool.put("modem" + i, ModemMailer.builder(s, SmtpServer.config("127.0.0.1", smtpPort)).ownsSession(true)
                    .build());
        }
        Dispatcher.start(outbox, pool, DispatcherOptions.defaults().withNode("backlog")
                .withPollInterval(Duration.ofMillis(20)));
        Thread heap = new Thread(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (true) {
                System.out.println("heap " + memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        heap.setDaemon(true);
        heap.start();
        new CountDownLatch(1).await();
    }
}
