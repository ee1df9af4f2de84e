package io.github.uc15mail.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.uc15mail.gateway.internal.http.HealthJson;
import io.github.uc15mail.gateway.internal.http.RequestGuard;
import io.github.uc15mail.gateway.internal.http.StatusPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's small web server (the JDK's {@code com.sun.net.httpserver}): {@code /} a status page a
 * person reads on a phone, {@code /health} JSON (HTTP 503 when no modem can send), {@code /metrics} in
 * Prometheus's text format.
 *
 * <h2>What it guarantees</h2>
 * <ul>
 *   <li>Read-only unless started with {@code admin}: then the page shows retry/cancel buttons, which work
 *       only as a same-origin POST carrying this server's CSRF token; anything else is 403.</li>
 *   <li>Requests whose Host header does not name this gateway (an IP address, {@code localhost}, or one of
 *       the allowed names) get 421, so a DNS-rebinding page cannot read or change it.</li>
 *   <li>Every value shown is escaped; responses forbid framing, scripts and caching.</li>
 * </ul>
 * What it does not do: log in users. Anyone who can reach the port can read the page; keep it on
 * loopback or a trusted network.
 */
public final class StatusServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StatusServer.class);
    private static final int RECENT = 50;
    private static final int FORM_MAX = 4096;
    private static final Map<String, String> NOTICES = Map.of("retried", "The message is queued again.",
            "cancelled", "The message is cancelled.", "refused", "That message is not in a state that allows it.");

    private final HttpServer server;
    private final ExecutorService executor;
    private final QueueView queue;
    private final Supplier<List<ModemHealth>> modems;
    private final GatewayMetrics metrics;
    private final RequestGuard guard;
    private final boolean admin;

    private StatusServer(HttpServer server, ExecutorService executor, QueueView queue, Supplier<List<ModemHealth>> modems,
            GatewayMetrics metrics, Set<String> hostNames, boolean admin) {
        this.server = server;
        this.executor = executor;
        this.queue = queue;
        this.modems = modems;
        this.metrics = metrics;
        this.guard = new RequestGuard(hostNames);
        this.admin = admin;
    }

    /**
     * Starts the server on {@code listen} (port 0: any free port).
     *
     * @param hostNames names besides IP addresses and {@code localhost} that clients may use for it
     * @param admin whether retry and cancel are offered
     * @throws IOException the address cannot be bound (the message names it)
     */
    public static StatusServer start(InetSocketAddress listen, Set<String> hostNames, boolean admin, QueueView queue,
            Supplier<List<ModemHealth>> modems, GatewayMetrics metrics) throws IOException {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(modems, "modems");
        Objects.requireNonNull(metrics, "metrics");
        HttpServer http;
        try {
            http = HttpServer.create(listen, 16);
        } catch (IOException e) {
            throw new IOException("http " + listen.getHostString() + ":" + listen.getPort() + ": cannot bind ("
                    + e.getMessage() + ")", e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "uc15mail-http");
            t.setDaemon(true);
            return t;
        });
        StatusServer s = new StatusServer(http, executor, queue, modems, metrics, hostNames, admin);
        http.setExecutor(executor);
        http.createContext("/", s::handle);
        http.start();
        log.info("status page on http://{}:{}/ ({})", listen.getHostString(), http.getAddress().getPort(),
                admin ? "retry and cancel enabled" : "read-only");
        return s;
    }

    /** The page's address, such as {@code http://127.0.0.1:8025/}. */
    public URI uri() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!guard.hostAllowed(ex.getRequestHeaders())) {
                send(ex, 421, "text/plain", "unknown host name");
                return;
            }
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (method.equals("POST") && (path.equals("/retry") || path.equals("/cancel"))) {
                change(ex, path.substring(1));
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                send(ex, 405, "text/plain", "method not allowed");
            } else if (path.equals("/")) {
                page(ex);
            } else if (path.equals("/health")) {
                List<ModemHealth> list = metrics.refresh();
                String paused = metrics.pausedBecause();
                send(ex, HealthJson.up(list, paused) ? 200 : 503, "application/json",
                        HealthJson.render(list, queue.counts(), paused));
            } else if (path.equals("/metrics")) {
                send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
            } else {
                send(ex, 404, "text/plain", "not found");
            }
        } catch (RuntimeException e) {
            log.warn("status page request failed: {}", e.toString());
            send(ex, 500, "text/plain", "internal error");
        }
    }

    private void page(HttpExchange ex) throws IOException {
        String notice = null;
        String query = ex.getRequestURI().getRawQuery();
        if (query != null && query.startsWith("notice=")) {
            notice = NOTICES.get(query.substring("notice=".length()));
        }
        String paused = metrics.pausedBecause();
        if (paused != null) {
            notice = "Sending is paused: " + paused + ". Nothing is submitted until the configuration is fixed "
                    + "(restart the gateway) or a probe is accepted; queued mail is kept." + (notice == null ? ""
                    : " " + notice);
        }
        List<ModemHealth> list = modems.get();
        send(ex, 200, "text/html; charset=utf-8", StatusPage.render(list, queue.counts(), queue.recent(RECENT), admin,
                guard.token(), notice));
    }

    private void change(HttpExchange ex, String action) throws IOException {
        if (!admin) {
            send(ex, 403, "text/plain", "read-only: start the gateway with admin enabled to retry or cancel");
            return;
        }
        Map<String, String> form = form(ex);
        if (form == null || !guard.sameOriginWithToken(ex.getRequestHeaders(), form.get("csrf"))) {
            send(ex, 403, "text/plain", "refused: not a form of this page");
            return;
        }
        String id = form.getOrDefault("id", "");
        boolean done = action.equals("retry") ? queue.retry(id) : queue.cancel(id);
        log.info("{} of message {} from the status page: {}", action, id, done ? "done" : "refused");
        ex.getResponseHeaders().set("Location", "/?notice=" + (done ? action.equals("retry") ? "retried" : "cancelled"
                : "refused"));
        send(ex, 303, "text/plain", "");
    }

    private static Map<String, String> form(HttpExchange ex) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
            return null;
        }
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(FORM_MAX + 1);
        }
        if (body.length > FORM_MAX) {
            return null;
        }
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(body, StandardCharsets.US_ASCII).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var h = ex.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "same-origin");
        h.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head || bytes.length == 0 ? -1 : bytes.length);
        if (!head && bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Stops the server, letting requests in progress finish for up to a second. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
