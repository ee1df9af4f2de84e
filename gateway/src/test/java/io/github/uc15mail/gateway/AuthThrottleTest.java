package io.github.uc15mail.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25, item 4: failed logins are delayed more each time, per address and per user, and the fifth from
 * one address locks it out with 421 4.7.0. Time is a movable clock and the delays are recorded, not slept.
 */
class AuthThrottleTest {

    @TempDir
    Path dir;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T12:00:00Z"));
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final RecordingSink sink = new RecordingSink();
    private GatewayServer server;

    @BeforeEach
    void start() throws IOException {
        Path users = dir.resolve("users");
        Files.writeString(users, PasswordFile.line("alice", "right pass".toCharArray(), 10_000) + "\n");
        server = GatewayServer.start(GatewaySettings.builder().listen("127.0.0.1", 0).authFile(users).clock(clock)
                .authPause(pauses::add).build(), sink);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void eachFailureWaitsLongerAndTheFifthClosesWith421AndLocksTheAddressOut() throws Exception {
        try (Client c = new Client("127.0.0.1")) {
            for (int i = 1; i <= 4; i++) {
                String reply = c.send("AUTH PLAIN " + plain("alice", "guess " + i));
                assertTrue(reply.startsWith("535 5.7.8"), reply);
            }
            assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                    Duration.ofSeconds(8)), pauses);
            String fifth = c.send("AUTH PLAIN " + plain("alice", "guess 5"));
            assertTrue(fifth.startsWith("421 4.7.0 Too many failed logins"), fifth);
            assertTrue(c.closed(), "the connection closes after 421");
        }
        try (Client again = new Client("127.0.0.1", false)) {
            assertTrue(again.greeting.startsWith("421 4.7.0"), again.greeting);
        }
        try (Client other = new Client("127.0.0.2")) {
            assertTrue(other.send("AUTH PLAIN " + plain("alice", "right pass")).startsWith("235"),
                    "another address is not locked out");
        }
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        try (Client later = new Client("127.0.0.1")) {
            assertTrue(later.send("AUTH PLAIN " + plain("alice", "right pass")).startsWith("235"),
                    "the lockout ends");
        }
        assertEquals(5, server.authFailures());
        assertEquals(1, server.authLockouts());
    }

    @Test
    void failuresForOneUserFromManyAddressesAlsoGrowTheDelay() throws Exception {
        for (int i = 0; i < 4; i++) {
            try (Client c = new Client("127.0.0." + (10 + i))) {
                assertTrue(c.send("AUTH PLAIN " + plain("alice", "spray " + i)).startsWith("535"));
            }
        }
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8)), pauses);
    }

    @Test
    void anUnknownUserIsDelayedJustLikeAKnownOne() throws Exception {
        try (Client c = new Client("127.0.0.1")) {
            assertTrue(c.send("AUTH PLAIN " + plain("nobody", "x")).startsWith("535 5.7.8"));
            assertTrue(c.send("AUTH PLAIN " + plain("alice", "x")).startsWith("535 5.7.8"));
        }
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), pauses);
    }

    private static String plain(String user, String password) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** An SMTP client from a chosen loopback address (Linux answers on all of 127.0.0.0/8). */
    private final class Client implements AutoCloseable {
        final Socket socket = new Socket();
        final BufferedReader in;
        final String greeting;

        Client(String from) throws IOException {
            this(from, true);
        }

        Client(String from, boolean ehlo) throws IOException {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
            socket.setSoTimeout(10_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            greeting = reply();
            if (ehlo) {
                assertTrue(greeting.startsWith("220"), greeting);
                assertTrue(send("EHLO c").startsWith("250"));
            }
        }

        String send(String line) throws IOException {
            socket.getOutputStream().write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return reply();
        }

        String reply() throws IOException {
            StringBuilder all = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                all.append(all.length() == 0 ? "" : "\n").append(line);
                if (line.length() < 4 || line.charAt(3) != '-') {
                    break;
                }
            }
            return all.toString();
        }

        boolean closed() throws IOException {
            return in.readLine() == null;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
