package io.github.uc15mail.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 25, item 3: a client that drips bytes cannot hold a connection, deadlines shrink when the door is
 * nearly full, and one address cannot take every connection. Deadlines are configured short (hundreds of
 * milliseconds); a drip keeps going for up to 20 s, so a server that waited per byte fails the test.
 */
class FrontDoorStarvationTest {

    private final RecordingSink sink = new RecordingSink();
    private final ExecutorService drips = Executors.newCachedThreadPool();
    private GatewayServer server;

    @AfterEach
    void stop() {
        drips.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    private void start(int max, int perAddress, Duration line, Duration stressed) throws IOException {
        GatewaySettings.Limits limits = new GatewaySettings.Limits(max, perAddress, line, stressed, Duration.ZERO,
                Duration.ZERO, 5, Duration.ofMinutes(15), Duration.ofMinutes(5));
        server = GatewayServer.start(GatewaySettings.builder().listen("127.0.0.1", 0).limits(limits)
                .clock(Clock.systemUTC()).build(), sink);
    }

    /** Connects, reads the greeting, then sends one byte of a command every 50 ms; returns what the server said last. */
    private Future<String> drip(String from) {
        return drips.submit(() -> {
            try (Socket s = new Socket()) {
                s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
                s.connect(new InetSocketAddress("127.0.0.1", server.port()));
                s.setSoTimeout(10_000);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                String greeting = readLine(in);
                s.setSoTimeout(50);
                OutputStream out = s.getOutputStream();
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
                    try {
                        out.write('N');
                        out.flush();
                    } catch (IOException closed) {
                        break;
                    }
                    String line = readLine(in);
                    if (line != null) {
                        return line;
                    }
                }
                return "still open after 20 s (greeting " + greeting + ")";
            }
        });
    }

    private static String readLine(BufferedReader in) throws IOException {
        try {
            return in.readLine();
        } catch (java.net.SocketTimeoutException e) {
            return null;
        } catch (java.net.SocketException e) {
            return "closed: " + e.getMessage();
        }
    }

    @Test
    void aDripIsClosedAtTheLineDeadlineAlthoughBytesKeepComing() throws Exception {
        start(64, 16, Duration.ofMillis(800), Duration.ofMillis(800));
        String last = drip("127.0.0.1").get(30, TimeUnit.SECONDS);
        assertTrue(last.startsWith("421"), last);
        assertEquals(1, server.lineDeadlinesMissed());
    }

    @Test
    void dripsFillingTheDoorAreCutShortAndARealClientIsServedWhileTheyGoOn() throws Exception {
        // 10 drips on a door of 10: past 80 % the stressed deadline (300 ms) applies instead of 60 s, so drips
        // are cut until the door is below 80 % again, and a real client gets in although the drips go on.
        start(10, 10, Duration.ofSeconds(60), Duration.ofMillis(300));
        List<Future<String>> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            all.add(drip("127.0.0.1"));
        }
        Eventually.waitUntil("drips cut under stress", () -> all.stream().filter(Future::isDone).count() >= 2);
        String greeting = null;
        for (int attempt = 0; attempt < 50 && (greeting == null || !greeting.startsWith("220")); attempt++) {
            try (SmtpDialog d = new SmtpDialog(server.port())) {
                d.send("EHLO c");
                SmtpDialog.expect("250", d.mail("Subject: served\r\nTo: ann@example.com\r\n\r\nhi\r\n",
                        "ann@example.com"));
                greeting = "220";
            } catch (IOException refused) {
                greeting = refused.getMessage();
            }
        }
        assertEquals("served", sink.only().subject(), "last try: " + greeting);
        for (Future<String> f : all) {
            if (f.isDone()) {
                assertTrue(f.get().startsWith("421"), f.get());
            }
        }
        assertTrue(all.stream().anyMatch(f -> !f.isDone()), "some drips still go on: the client got in beside them");
    }

    @Test
    void oneAddressCannotTakeEveryConnection() throws Exception {
        start(10, 2, Duration.ofSeconds(60), Duration.ofSeconds(60));
        try (SmtpDialog a = new SmtpDialog(server.port()); SmtpDialog b = new SmtpDialog(server.port())) {
            try (Socket third = new Socket("127.0.0.1", server.port())) {
                third.setSoTimeout(10_000);
                String reply = new BufferedReader(new InputStreamReader(third.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
                assertTrue(reply.startsWith("421 4.7.0 Too many connections from your address"), reply);
            }
            try (Socket other = new Socket()) {
                other.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
                other.connect(new InetSocketAddress("127.0.0.1", server.port()));
                other.setSoTimeout(10_000);
                String reply = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
                assertTrue(reply.startsWith("220"), reply);
            }
            SmtpDialog.expect("250", a.send("NOOP"));
        }
    }
}
