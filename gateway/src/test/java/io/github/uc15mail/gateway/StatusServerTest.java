package io.github.uc15mail.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.gateway.QueueView.State;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatusServerTest {

    private final FakeQueue queue = new FakeQueue();
    private final List<ModemHealth> modems = new CopyOnWriteArrayList<>();
    private GatewayMetrics metrics;
    private StatusServer server;

    @BeforeEach
    void fill() {
        queue.put("m1", State.SENT, "Backup done", null);
        queue.put("m2", State.FAILED, "<script>alert(1)</script>", "677 authentication failed (SMTP 535)");
        queue.put("m3", State.UNKNOWN, "Pump 3", "timeout after QSMTPPUT");
        queue.put("m4", State.QUEUED, "Later", null);
        modems.add(new ModemHealth("/dev/ttyUSB2", "ready", true, 17, true, null));
        metrics = new GatewayMetrics(queue, () -> modems);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(boolean admin) throws IOException {
        server = StatusServer.start(new InetSocketAddress("127.0.0.1", 0), Set.of("pi.example"), admin, queue,
                () -> modems, metrics);
    }

    record Response(int status, String headers, String body) {}

    private Response request(String method, String path, String extraHeaders, String body) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.uri().getPort())) {
            s.setSoTimeout(10_000);
            String host = extraHeaders.contains("Host:") ? "" : "Host: 127.0.0.1:" + server.uri().getPort() + "\r\n";
            String req = method + " " + path + " HTTP/1.1\r\n" + host + extraHeaders + "Connection: close\r\n"
                    + (body == null ? "" : "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                            + body.length() + "\r\n") + "\r\n" + (body == null ? "" : body);
            OutputStream out = s.getOutputStream();
            out.write(req.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            String head = all.substring(0, split);
            return new Response(Integer.parseInt(head.substring(9, 12)), head, all.substring(split + 4));
        }
    }

    private String origin() {
        return "Origin: http://127.0.0.1:" + server.uri().getPort() + "\r\n";
    }

    private static String token(String page) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), "the page carries a token");
        return m.group(1);
    }

    @Test
    void readOnlyPageShowsModemsQueueAndEscapedMessagesWithoutButtons() throws IOException {
        start(false);
        Response r = request("GET", "/", "", null);
        assertEquals(200, r.status());
        assertTrue(r.headers().toLowerCase().contains("content-security-policy: default-src 'none'"), r.headers());
        assertTrue(r.body().contains("<td>/dev/ttyUSB2</td>"), r.body());
        assertTrue(r.body().contains("17/31"));
        assertTrue(r.body().contains("<b data-state=\"FAILED\">1</b>"));
        assertTrue(r.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertFalse(r.body().contains("<script>"));
        assertFalse(r.body().contains("<form"), "read-only: no buttons");
        assertEquals(403, request("POST", "/retry", origin(), "id=m2&csrf=x").status());
        assertTrue(queue.actions.isEmpty());
    }

    @Test
    void adminRetriesWithTheTokenFromTheSameOrigin() throws IOException {
        start(true);
        String page = request("GET", "/", "", null).body();
        assertTrue(page.contains("data-id=\"m2\""));
        assertEquals(5, page.split("<form", -1).length - 1, "retry+cancel for m2 and m3, cancel for m4");
        Response r = request("POST", "/retry", origin() + "Sec-Fetch-Site: same-origin\r\n", "id=m2&csrf="
                + token(page));
        assertEquals(303, r.status());
        assertTrue(r.headers().contains("Location: /?notice=retried"), r.headers());
        assertEquals(List.of("retry m2"), queue.actions);
        assertEquals(State.QUEUED, queue.messages.get("m2").state());
        assertTrue(request("GET", "/?notice=retried", "", null).body().contains("The message is queued again."));
    }

    @Test
    void crossSiteOrTokenlessPostsAreRefused() throws IOException {
        start(true);
        String token = token(request("GET", "/", "", null).body());
        assertEquals(403, request("POST", "/cancel", origin(), "id=m4").status(), "no token");
        assertEquals(403, request("POST", "/cancel", origin(), "id=m4&csrf=" + token + "x").status(), "wrong token");
        assertEquals(403, request("POST", "/cancel", "Origin: http://evil.example\r\n", "id=m4&csrf=" + token)
                .status(), "other origin");
        assertEquals(403, request("POST", "/cancel", origin() + "Sec-Fetch-Site: cross-site\r\n", "id=m4&csrf="
                + token).status(), "cross-site fetch");
        assertEquals(403, request("POST", "/cancel", "", "id=m4&csrf=" + token).status(), "no origin, no referer");
        assertTrue(queue.actions.isEmpty());
        assertEquals(303, request("POST", "/cancel", "Referer: http://127.0.0.1:" + server.uri().getPort() + "/\r\n",
                "id=m4&csrf=" + token).status(), "referer of this page");
        assertEquals(405, request("PUT", "/", "", null).status());
    }

    @Test
    void aForeignHostNameIsRefused() throws IOException {
        start(true);
        assertEquals(421, request("GET", "/", "Host: rebind.evil.example\r\n", null).status());
        assertEquals(200, request("GET", "/", "Host: pi.example:8025\r\n", null).status());
        assertEquals(200, request("GET", "/health", "Host: localhost\r\n", null).status());
    }

    @Test
    void healthIs503WhenNoModemCanSend() throws IOException {
        start(false);
        Response up = request("GET", "/health", "", null);
        assertEquals(200, up.status());
        assertEquals("{\"status\":\"UP\",\"modems\":[{\"name\":\"/dev/ttyUSB2\",\"state\":\"ready\",\"canSend\":true,"
                + "\"signal\":17,\"registered\":true,\"lastError\":null}],\"queue\":{\"QUEUED\":1,\"SENDING\":0,"
                + "\"SENT\":1,\"FAILED\":1,\"UNKNOWN\":1,\"CANCELLED\":0}}", up.body());
        modems.set(0, new ModemHealth("/dev/ttyUSB2", "unreachable", false, -1, false, "no answer to AT \"x\""));
        Response down = request("GET", "/health", "", null);
        assertEquals(503, down.status());
        assertTrue(down.body().startsWith("{\"status\":\"DOWN\""), down.body());
        assertTrue(down.body().contains("\"lastError\":\"no answer to AT \\\"x\\\"\""), down.body());
    }

    @Test
    void metricsInPrometheusFormat() throws IOException {
        start(false);
        metrics.recordSend("sent", null, Duration.ofMillis(8200));
        metrics.recordSend("failed", "677", Duration.ofMillis(3100));
        Response r = request("GET", "/metrics", "", null);
        assertEquals(200, r.status());
        String body = r.body();
        assertTrue(body.contains("uc15mail_queue_messages{state=\"FAILED\"} 1"), body);
        assertTrue(body.contains("uc15mail_queue_messages{state=\"CANCELLED\"} 0"), body);
        assertTrue(body.contains("uc15mail_modem_signal{modem=\"/dev/ttyUSB2\"} 17"), body);
        assertTrue(body.contains("uc15mail_modem_can_send{modem=\"/dev/ttyUSB2\"} 1"), body);
        assertTrue(body.contains("uc15mail_sends_total{code=\"677\",outcome=\"failed\"} 1"), body);
        assertTrue(body.contains("uc15mail_send_duration_seconds_count{outcome=\"sent\"} 1"), body);
    }
}
