package io.github.uc15mail.benchmarks;

import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.gateway.ConvertedMail;
import io.github.uc15mail.gateway.GatewayServer;
import io.github.uc15mail.gateway.GatewaySettings;
import io.github.uc15mail.gateway.MimeConverter;
import io.github.uc15mail.gateway.OutboxBridge;
import io.github.uc15mail.outbox.Dispatcher;
import io.github.uc15mail.outbox.DispatcherOptions;
import io.github.uc15mail.outbox.MessageState;
import io.github.uc15mail.outbox.Outbox;
import io.github.uc15mail.testkit.Uc15Emulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The gateway's figures: front door acceptance (8 concurrent SMTP clients, 10 KB messages, into a SQLite
 * outbox, each {@code 250} only after the commit) and end to end ({@code curl smtp://} to the mail at the
 * destination through one emulated modem at 115200 baud, against a direct {@link ModemMailer#send} of the
 * same email through an identical modem, which is what {@code uc15mail send} does once its port is open).
 * Prints one line per measurement.
 *
 * <pre>java -cp benchmarks/target/uc15mail-benchmarks.jar io.github.uc15mail.benchmarks.GatewayRun
 *     [--only accept,e2e] [--rounds N]</pre>
 */
public final class GatewayRun {

    private GatewayRun() {}

    public static void main(String[] args) throws Exception {
        String only = "accept,e2e";
        int rounds = 10;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--only" -> only = args[++i];
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("uc15mail-gateway-bench");
        if (only.contains("accept")) {
            accept(dir, 8, 50);
            for (int r = 0; r < 3; r++) {
                double rate = accept(dir, 8, 250);
                System.out.printf(Locale.ROOT, "accept: 8 SMTP clients, 10 KB messages, SQLite outbox, run %d: %.0f msg/s%n",
                        r + 1, rate);
            }
        }
        if (only.contains("e2e")) {
            endToEnd(dir, rounds);
        }
    }

    static String tenKb(int i) {
        StringBuilder body = new StringBuilder();
        while (body.length() < 10_000) {
            body.append("line ").append(body.length()).append(" of a 10 KB reading report from sensor ").append(i)
                    .append("\r\n");
        }
        return "From: app@example.com\r\nTo: ops@example.com\r\nSubject: reading " + i + "\r\n\r\n" + body;
    }

    /** Messages per second accepted by the front door from {@code clients} connections, {@code each} each. */
    static double accept(Path dir, int clients, int each) throws Exception {
        Path db = dir.resolve("accept-" + System.nanoTime() + ".db");
        try (Outbox outbox = Outbox.open("sqlite:" + db);
                GatewayServer server = GatewayServer.start(GatewaySettings.builder().listen("127.0.0.1", 0)
                        .maxMessageSize(1 << 20).build(), OutboxBridge.sink(outbox))) {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                long start = System.nanoTime();
                List<Future<?>> fs = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    fs.add(pool.submit(() -> {
                        send(server.port(), client, each);
                        return null;
                    }));
                }
                for (Future<?> f : fs) {
                    f.get();
                }
                double s = (System.nanoTime() - start) / 1e9;
                long queued = outbox.counts().getOrDefault(MessageState.QUEUED, 0L);
                if (queued != (long) clients * each) {
                    throw new IllegalStateException("queued " + queued + ", expected " + clients * each);
                }
                return clients * each / s;
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static void send(int port, int client, int each) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            command(out, in, "HELO bench", "250");
            for (int i = 0; i < each; i++) {
                command(out, in, "MAIL FROM:<app@example.com>", "250");
                command(out, in, "RCPT TO:<ops@example.com>", "250");
                command(out, in, "DATA", "354");
                out.write((tenKb(client * 100_000 + i) + ".\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                expect(in, "250");
            }
            command(out, in, "QUIT", "221");
        }
    }

    private static void command(OutputStream out, BufferedReader in, String line, String code) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, code);
    }

    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null || !line.startsWith(code)) {
                throw new IOException("expected " + code + ", got " + line);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
    }

    /** curl through the gateway and one modem, against a direct send through an identical modem; medians. */
    static void endToEnd(Path dir, int rounds) throws Exception {
        String mail = "From: app@example.com\r\nTo: ops@example.com\r\nSubject: e2e\r\n\r\n" + "x".repeat(2000) + "\r\n";
        Path file = dir.resolve("mail.txt");
        Files.writeString(file, mail, StandardCharsets.US_ASCII);
        double[] gateway = new double[rounds];
        double[] direct = new double[rounds];
        try (SmtpServer smtp = SmtpServer.start();
                Uc15Emulator viaGateway = Uc15Emulator.builder().build();
                Uc15Emulator viaSend = Uc15Emulator.builder().build();
                Outbox outbox = Outbox.open("sqlite:" + dir.resolve("e2e.db"))) {
            viaGateway.faults().lineSpeed(115_200);
            viaSend.faults().lineSpeed(115_200);
            ConvertedMail converted = MimeConverter.create(false, 1 << 20).convert(new java.io.ByteArrayInputStream(
                    mail.getBytes(StandardCharsets.US_ASCII)), List.of("ops@example.com"));
            try (ModemMailer gwMailer = ModemMailer.open(viaGateway.connect(), smtp.config());
                    ModemMailer sendMailer = ModemMailer.open(viaSend.connect(), smtp.config());
                    Dispatcher d = Dispatcher.start(outbox, Map.of("modem", gwMailer),
                            DispatcherOptions.defaults().withNode("bench"));
                    GatewayServer door = GatewayServer.start(GatewaySettings.builder().listen("127.0.0.1", 0).build(),
                            OutboxBridge.sink(outbox))) {
                sendMailer.send(converted.draft()); // warm both paths once
                curl(door.port(), file);
                awaitReceived(smtp, 2);
                for (int r = 0; r < rounds; r++) {
                    int before = smtp.receivedCount();
                    long start = System.nanoTime();
                    curl(door.port(), file);
                    awaitReceived(smtp, before + 1);
                    gateway[r] = (System.nanoTime() - start) / 1e6;
                    before = smtp.receivedCount();
                    start = System.nanoTime();
                    sendMailer.send(converted.draft());
                    awaitReceived(smtp, before + 1);
                    direct[r] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        Arrays.sort(gateway);
        Arrays.sort(direct);
        double g = gateway[rounds / 2];
        double s = direct[rounds / 2];
        System.out.printf(Locale.ROOT, "e2e: curl -> gateway -> 1 modem at 115200 baud -> server: median %.0f ms "
                + "(min %.0f, max %.0f); direct send of the same email: median %.0f ms (min %.0f, max %.0f); ratio %.2f%n",
                g, gateway[0], gateway[rounds - 1], s, direct[0], direct[rounds - 1], g / s);
    }

    private static void curl(int port, Path file) throws Exception {
        Process p = new ProcessBuilder("curl", "-s", "smtp://127.0.0.1:" + port, "--mail-from", "app@example.com",
                "--mail-rcpt", "ops@example.com", "-T", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("curl failed: " + out);
        }
    }

    private static void awaitReceived(SmtpServer smtp, int count) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (smtp.receivedCount() < count) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the server did not receive message " + count);
            }
            Thread.sleep(1);
        }
    }
}
