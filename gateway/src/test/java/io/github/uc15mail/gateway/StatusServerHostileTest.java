package io.github.uc15mail.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.gateway.QueueView.State;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 25, items 5 and 6: slow requests never block /health; the page needs a login on the network. */
@org.junit.jupiter.api.parallel.Isolated("reads PageLogin's log events: another class's logins would add to them")
class StatusServerHostileTest {

    @TempDir
    Path dir;
    private final FakeQueue queue = new FakeQueue();
    private final List<ModemHealth> modems = new CopyOnWriteArrayList<>(List.of(
            new ModemHealth("/dev/ttyUSB2", "ready", true, 17, true, null)));
    private StatusServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String get(int port, String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void halfSentRequestsDoNotHoldUpHealthOrThePage() throws IOException {
        server = StatusServer.start(new InetSocketAddress("127.0.0.1", 0), Set.of(), false, queue, () -> modems,
                new GatewayMetrics(queue, () -> modems));
        int port = server.uri().getPort();
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Socket s = new Socket("127.0.0.1", port);
                OutputStream out = s.getOutputStream();
                out.write("GET /health HTTP/1.1\r\nHost: 127.0".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(s);
            }
            String health = get(port, "/health");
            assertTrue(health.startsWith("HTTP/1.1 200"), health);
            assertTrue(get(port, "/").startsWith("HTTP/1.1 200"));
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void adminOnTheNetworkWithoutALoginIsRefusedAtStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StatusServer.start(
                new InetSocketAddress("0.0.0.0", 0), Set.of(), true, null, queue, () -> modems,
                new GatewayMetrics(queue, () -> modems)));
        assertTrue(e.getMessage().startsWith("http-admin: 0.0.0.0 is reachable from other machines"), e.getMessage());
    }

    @Test
    void onTheNetworkWithoutALoginThePageIsRefusedButHealthAndMetricsAreOpen() throws IOException {
        queue.put("m1", State.SENT, "Secret subject", null);
        server = StatusServer.start(new InetSocketAddress("0.0.0.0", 0), Set.of(), false, null, queue, () -> modems,
                new GatewayMetrics(queue, () -> modems));
        assertEquals("http://0.0.0.0:" + server.uri().getPort() + "/", server.uri().toString(),
                "the address really bound");
        String page = get(server.uri().getPort(), "/");
        assertTrue(page.startsWith("HTTP/1.1 403"), page);
        assertTrue(!page.contains("Secret subject"));
        assertTrue(get(server.uri().getPort(), "/health").startsWith("HTTP/1.1 200"));
        assertTrue(get(server.uri().getPort(), "/metrics").startsWith("HTTP/1.1 200"));
    }

    @Test
    void withALoginThePageIsServedOverTlsToItsUsersOnly() throws Exception {
        queue.put("m1", State.SENT, "Secret subject", null);
        Path users = dir.resolve("users");
        Files.writeString(users, PasswordFile.line("ops", "page pass".toCharArray(), 10_000) + "\n");
        Path keys = TestKeys.keyStore(dir);
        server = StatusServer.start(new InetSocketAddress("0.0.0.0", 0), Set.of(), true,
                new StatusServer.Login(PasswordFile.load(users), keys, TestKeys.PASSWORD), queue, () -> modems,
                new GatewayMetrics(queue, () -> modems));
        assertTrue(server.uri().toString().startsWith("https://0.0.0.0:"), server.uri().toString());
        HttpClient client = HttpClient.newBuilder().sslContext(trusting(keys)).connectTimeout(Duration.ofSeconds(10))
                .build();
        URI base = URI.create("https://127.0.0.1:" + server.uri().getPort());
        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(base.resolve("/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        HttpResponse<String> wrong = client.send(HttpRequest.newBuilder(base.resolve("/"))
                .header("Authorization", basic("ops", "guess")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrong.statusCode());
        HttpResponse<String> right = client.send(HttpRequest.newBuilder(base.resolve("/"))
                .header("Authorization", basic("ops", "page pass")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, right.statusCode());
        assertTrue(right.body().contains("Secret subject"));
        assertEquals(200, client.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "/health needs no login");
    }

    /**
     * Issue 25: wrong passwords on the status page are throttled like SMTP AUTH, over real HTTPS requests to the
     * real Jetty server. The delays are recorded and answered at once; the lockout is timed on a movable clock.
     */
    @Test
    void wrongPasswordsWaitLongerEachTimeAndTheFifthLocksTheAddressOut() throws Exception {
        Path users = dir.resolve("users");
        Files.writeString(users, PasswordFile.line("ops", "page pass".toCharArray(), 10_000) + "\n");
        Path keys = TestKeys.keyStore(dir);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                io.github.uc15mail.gateway.internal.http.PageLogin.class)).addAppender(logs);
        MovableClock clock = new MovableClock(java.time.Instant.parse("2026-12-02T12:00:00Z"));
        List<Duration> delays = new CopyOnWriteArrayList<>();
        GatewayMetrics metrics = new GatewayMetrics(queue, () -> modems);
        server = StatusServer.start(new InetSocketAddress("127.0.0.1", 0), Set.of(), false,
                new StatusServer.Login(PasswordFile.load(users), keys, TestKeys.PASSWORD, clock, (d, answer) -> {
                    delays.add(d);
                    answer.run();
                }), queue, () -> modems, metrics);
        HttpClient client = HttpClient.newBuilder().sslContext(trusting(keys)).connectTimeout(Duration.ofSeconds(10))
                .build();
        URI base = URI.create("https://127.0.0.1:" + server.uri().getPort());
        java.util.function.Function<String, HttpResponse<String>> page = auth -> {
            try {
                HttpRequest.Builder r = HttpRequest.newBuilder(base.resolve("/"));
                if (auth != null) {
                    r.header("Authorization", auth);
                }
                return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        };
        assertEquals(401, page.apply(null).statusCode(), "no credentials: asked for them, not counted");
        for (int i = 1; i <= 3; i++) {
            assertEquals(401, page.apply(basic("ops", "guess " + i)).statusCode());
        }
        assertEquals(401, page.apply(basic("nobody", "guess 4")).statusCode(), "an unknown user is a failure too");
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8)),
                delays, "each failure from the address waits longer");
        HttpResponse<String> fifth = page.apply(basic("ops", "guess 5"));
        assertEquals(429, fifth.statusCode());
        assertEquals("300", fifth.headers().firstValue("Retry-After").orElse(""));
        HttpResponse<String> rightButLocked = page.apply(basic("ops", "page pass"));
        assertEquals(429, rightButLocked.statusCode(), "the address waits, even with the right password");
        assertEquals(200, client.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "/health stays open");
        String scrape = client.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(scrape.contains("uc15mail_http_auth_failures_total 5.0"), scrape);
        assertTrue(scrape.contains("uc15mail_http_auth_lockouts_total 1.0"), scrape);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertEquals(200, page.apply(basic("ops", "page pass")).statusCode(), "the lockout ends");
        assertEquals(4, delays.size(), "a good login waits for nothing");
        List<String> lines = logs.list.stream().map(e -> e.getFormattedMessage()).toList();
        assertEquals(5, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("failed status page login for user ops from 127.0.0.1"), lines.toString());
        assertTrue(lines.get(4).contains("127.0.0.1 locked out for 300 s"), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains("guess")), "no password in the log: " + lines);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static SSLContext trusting(Path keys) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keys)) {
            ks.load(in, TestKeys.PASSWORD);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
