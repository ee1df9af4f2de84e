package io.github.uc15mail.gateway;

import io.github.uc15mail.gateway.internal.http.HealthJson;
import io.github.uc15mail.gateway.internal.http.RequestGuard;
import io.github.uc15mail.gateway.internal.http.StatusPage;
import io.github.uc15mail.gateway.internal.smtp.TlsContexts;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's small web server (Jetty): {@code /} a status page a person reads on a phone, {@code /health}
 * JSON (HTTP 503 when no modem can send or the store is damaged), {@code /metrics} in Prometheus's text format.
 *
 * <h2>What it guarantees</h2>
 * <ul>
 *   <li>A slow or half-sent request never holds up another: connections are read without blocking, each
 *       request is served on its own worker, and a connection silent for {@value #IDLE_SECONDS} s is closed.</li>
 *   <li>Read-only unless started with {@code admin}: then the page shows retry/cancel buttons, which work
 *       only as a same-origin POST carrying this server's CSRF token; anything else is 403.</li>
 *   <li>On an address other than loopback the page and its buttons need a {@link Login} (HTTP Basic against
 *       the password file, over TLS with the key store); {@code admin} there without a login is refused at
 *       start, and without one the page answers 403. {@code /health} and {@code /metrics} stay open.</li>
 *   <li>Wrong passwords are throttled as SMTP AUTH is: each is answered later than the one before (1 s doubling
 *       to 8 s), the 5th from one address in 15 minutes locks it out for 5 minutes (429), without holding a
 *       worker while it waits ({@link #loginFailures()}, {@link #loginLockouts()}).</li>
 *   <li>Requests whose Host header does not name this gateway (an IP address, {@code localhost}, or one of
 *       the allowed names) get 421, so a DNS-rebinding page cannot read or change it.</li>
 *   <li>Every value shown is escaped; responses forbid framing, scripts and caching.</li>
 * </ul>
 * What it does not do: remember failed logins across restarts, or serve anything but these pages.
 */
public final class StatusServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StatusServer.class);
    static final int IDLE_SECONDS = 5;
    private static final int RECENT = 50;
    private static final int FORM_MAX = 4096;
    private static final Map<String, String> NOTICES = Map.of("retried", "The message is queued again.",
            "cancelled", "The message is cancelled.", "refused", "That message is not in a state that allows it.");

    /**
     * Who may use the page on the network: the users of a {@link PasswordFile}, over TLS with the server's
     * key store. {@link #toString()} does not show the password.
     *
     * @param clock what failed logins and lockouts are timed with
     * @param delay answers a failed login after its delay (null: Jetty's scheduler, which holds no worker)
     */
    public record Login(PasswordFile users, Path keyStore, char[] keyStorePassword, java.time.Clock clock,
            Delay delay) {
        public Login {
            Objects.requireNonNull(users, "users");
            Objects.requireNonNull(keyStore, "keyStore");
            Objects.requireNonNull(clock, "clock");
            keyStorePassword = keyStorePassword == null ? new char[0] : keyStorePassword.clone();
        }

        /** A login on the system clock whose failures are answered after their delay by Jetty's scheduler. */
        public Login(PasswordFile users, Path keyStore, char[] keyStorePassword) {
            this(users, keyStore, keyStorePassword, java.time.Clock.systemUTC(), null);
        }

        @Override
        public String toString() {
            return "Login[keyStore=" + keyStore + "]";
        }
    }

    private final Server server;
    private final ServerConnector connector;
    private final QueueView queue;
    private final Supplier<List<ModemHealth>> modems;
    private final GatewayMetrics metrics;
    private final RequestGuard guard;
    private final boolean admin;
    private final Login login;
    private final io.github.uc15mail.gateway.internal.http.PageLogin pageLogin;
    private final boolean network;
    private volatile BooleanSupplier storeDamaged = () -> false;

    private StatusServer(Server server, ServerConnector connector, QueueView queue, Supplier<List<ModemHealth>> modems,
            GatewayMetrics metrics, Set<String> hostNames, boolean admin, Login login, boolean network) {
        this.server = server;
        this.connector = connector;
        this.queue = queue;
        this.modems = modems;
        this.metrics = metrics;
        this.guard = new RequestGuard(hostNames);
        this.admin = admin;
        this.login = login;
        this.pageLogin = login == null ? null
                : new io.github.uc15mail.gateway.internal.http.PageLogin(login.users()::verify, login.clock());
        this.network = network;
    }

    /** Answers a failed login later. */
    @FunctionalInterface
    public interface Delay { void after(java.time.Duration delay, Runnable answer); }

    /** Failed status page logins since start ({@code uc15mail_http_auth_failures_total}). */
    public long loginFailures() {
        return pageLogin == null ? 0 : pageLogin.failures();
    }

    /** Addresses locked out of the status page since start ({@code uc15mail_http_auth_lockouts_total}). */
    public long loginLockouts() {
        return pageLogin == null ? 0 : pageLogin.lockouts();
    }

    /** Starts a server without a login; see {@link #start(InetSocketAddress, Set, boolean, Login, QueueView, Supplier, GatewayMetrics)}. */
    public static StatusServer start(InetSocketAddress listen, Set<String> hostNames, boolean admin, QueueView queue,
            Supplier<List<ModemHealth>> modems, GatewayMetrics metrics) throws IOException {
        return start(listen, hostNames, admin, null, queue, modems, metrics);
    }

    /**
     * Starts the server on {@code listen} (port 0: any free port).
     *
     * @param hostNames names besides IP addresses and {@code localhost} that clients may use for it
     * @param admin whether retry and cancel are offered
     * @param login who may see the page (null: nobody needs to log in, which is allowed on loopback only for
     *     the page; on another address the page answers 403)
     * @throws IllegalArgumentException {@code admin} on a non-loopback address without a login
     * @throws IOException the address cannot be bound (the message names it), or the key store cannot be read
     */
    public static StatusServer start(InetSocketAddress listen, Set<String> hostNames, boolean admin, Login login,
            QueueView queue, Supplier<List<ModemHealth>> modems, GatewayMetrics metrics) throws IOException {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(modems, "modems");
        Objects.requireNonNull(metrics, "metrics");
        boolean network = listen.getAddress() == null || !listen.getAddress().isLoopbackAddress();
        checkAccess(listen, admin, login);
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("uc15mail-http");
        threads.setDaemon(true);
        Server jetty = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendDateHeader(false);
        config.setRequestHeaderSize(8192);
        ServerConnector connector;
        if (login != null) {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setSslContext(TlsContexts.load(login.keyStore(), login.keyStorePassword()));
            config.addCustomizer(new SecureRequestCustomizer(false));
            connector = new ServerConnector(jetty, new SslConnectionFactory(tls, "http/1.1"),
                    new HttpConnectionFactory(config));
        } else {
            connector = new ServerConnector(jetty, new HttpConnectionFactory(config));
        }
        connector.setHost(listen.getAddress() == null ? listen.getHostString() : listen.getAddress().getHostAddress());
        connector.setPort(listen.getPort());
        connector.setIdleTimeout(IDLE_SECONDS * 1000L);
        jetty.addConnector(connector);
        StatusServer s = new StatusServer(jetty, connector, queue, modems, metrics, hostNames, admin, login, network);
        if (login != null) {
            metrics.watchStatusPage(s);
        }
        jetty.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                s.handle(request, response, callback);
                return true;
            }
        });
        try {
            jetty.start();
        } catch (Exception e) {
            try {
                jetty.stop();
            } catch (Exception ignored) {
                // already failing
            }
            throw new IOException("http " + listen.getHostString() + ":" + listen.getPort() + ": cannot bind ("
                    + e.getMessage() + ")", e);
        }
        log.info("status page on {} ({}{})", s.uri(), admin ? "retry and cancel enabled" : "read-only",
                login != null ? ", login required" : network ? ", page refused without a login" : "");
        return s;
    }

    /**
     * Refuses {@code admin} on a network address without a login.
     *
     * @throws IllegalArgumentException naming the flag and what to do
     */
    public static void checkAccess(InetSocketAddress listen, boolean admin, Login login) {
        boolean network = listen.getAddress() == null || !listen.getAddress().isLoopbackAddress();
        if (network && admin && login == null) {
            throw new IllegalArgumentException("http-admin: " + listen.getHostString() + " is reachable from other "
                    + "machines, so retry and cancel need a login: set --auth-file and --keystore (the page is then "
                    + "served over TLS), or use --http 127.0.0.1:PORT");
        }
    }

    /** Reports the store as damaged on {@code /health} (503) while {@code damaged} says so. */
    public void watchStore(BooleanSupplier damaged) {
        this.storeDamaged = Objects.requireNonNull(damaged, "damaged");
    }

    /** The page's address as bound, such as {@code http://127.0.0.1:8025/} or {@code https://0.0.0.0:8025/}. */
    public URI uri() {
        String host = connector.getHost();
        if (host == null) {
            host = "0.0.0.0";
        }
        return URI.create((login != null ? "https" : "http") + "://" + (host.contains(":") ? "[" + host + "]" : host)
                + ":" + connector.getLocalPort() + "/");
    }

    private void handle(Request request, Response response, Callback callback) {
        try {
            Map<String, String> headers = new HashMap<>();
            request.getHeaders().forEach(f -> headers.putIfAbsent(f.getLowerCaseName(), f.getValue()));
            java.util.function.Function<String, String> h = name -> headers.get(name.toLowerCase(java.util.Locale.ROOT));
            if (!guard.hostAllowed(h)) {
                send(request, response, callback, 421, "text/plain", "unknown host name");
                return;
            }
            String path = request.getHttpURI().getPath();
            String method = request.getMethod();
            boolean open = path.equals("/health") || path.equals("/metrics");
            if (!open && !allowed(request, response, callback, h)) {
                return;
            }
            if (method.equals("POST") && (path.equals("/retry") || path.equals("/cancel"))) {
                change(request, response, callback, h, path.substring(1));
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                response.getHeaders().put("Allow", "GET, HEAD");
                send(request, response, callback, 405, "text/plain", "method not allowed");
            } else if (path.equals("/")) {
                page(request, response, callback);
            } else if (path.equals("/health")) {
                List<ModemHealth> list = metrics.refresh();
                boolean damaged = storeDamaged.getAsBoolean();
                String paused = metrics.pausedBecause();
                String json = HealthJson.render(list, queue.counts(), paused);
                if (damaged) {
                    json = json.substring(0, json.length() - 1) + ",\"store\":\"damaged\"}";
                }
                send(request, response, callback, HealthJson.up(list, paused) && !damaged ? 200 : 503,
                        "application/json", json);
            } else if (path.equals("/metrics")) {
                send(request, response, callback, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
            } else {
                send(request, response, callback, 404, "text/plain", "not found");
            }
        } catch (RuntimeException | IOException e) {
            log.warn("status page request failed: {}", e.toString());
            send(request, response, callback, 500, "text/plain", "internal error");
        }
    }

    /** The page needs a login on the network; answers and returns false when it is missing or wrong. */
    private boolean allowed(Request request, Response response, Callback callback,
            java.util.function.Function<String, String> h) {
        if (login == null) {
            if (network) {
                send(request, response, callback, 403, "text/plain", "the status page needs a login on the network: "
                        + "start the gateway with --auth-file and --keystore; /health and /metrics are open");
                return false;
            }
            return true;
        }
        java.net.InetAddress from = ((java.net.InetSocketAddress) request.getConnectionMetaData().getRemoteSocketAddress())
                .getAddress();
        var refusal = pageLogin.check(from, h.apply("Authorization"));
        if (refusal.isEmpty()) {
            return true;
        }
        var r = refusal.get();
        r.headers().forEach(response.getHeaders()::put);
        Runnable answer = () -> send(request, response, callback, r.status(), "text/plain", r.body());
        if (r.delay().isZero()) {
            answer.run();
        } else if (login.delay() != null) {
            login.delay().after(r.delay(), answer);
        } else {
            connector.getScheduler().schedule(answer, r.delay().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        return false;
    }

    private void page(Request request, Response response, Callback callback) {
        String notice = null;
        String query = request.getHttpURI().getQuery();
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
        send(request, response, callback, 200, "text/html; charset=utf-8", StatusPage.render(list, queue.counts(),
                queue.recent(RECENT), admin, guard.token(), notice));
    }

    private void change(Request request, Response response, Callback callback,
            java.util.function.Function<String, String> h, String action) throws IOException {
        if (!admin) {
            send(request, response, callback, 403, "text/plain",
                    "read-only: start the gateway with admin enabled to retry or cancel");
            return;
        }
        Map<String, String> form = form(request, h);
        if (form == null || !guard.sameOriginWithToken(h, login != null ? "https" : "http", form.get("csrf"))) {
            send(request, response, callback, 403, "text/plain", "refused: not a form of this page");
            return;
        }
        String id = form.getOrDefault("id", "");
        boolean done = action.equals("retry") ? queue.retry(id) : queue.cancel(id);
        log.info("{} of message {} from the status page: {}", action, id, done ? "done" : "refused");
        response.getHeaders().put("Location", "/?notice=" + (done ? action.equals("retry") ? "retried" : "cancelled"
                : "refused"));
        send(request, response, callback, 303, "text/plain", "");
    }

    private static Map<String, String> form(Request request, java.util.function.Function<String, String> h)
            throws IOException {
        String type = h.apply("Content-Type");
        if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
            return null;
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
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

    private static void send(Request request, Response response, Callback callback, int status, String type,
            String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        var h = response.getHeaders();
        h.put("Content-Type", type);
        h.put("Cache-Control", "no-store");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "same-origin");
        h.put("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'");
        boolean head = request.getMethod().equals("HEAD");
        h.put(HttpHeader.CONTENT_LENGTH, Integer.toString(bytes.length));
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(bytes), callback);
    }

    /** Stops the server, letting requests in progress finish for up to a second. */
    @Override
    public void close() {
        server.setStopTimeout(1000);
        try {
            server.stop();
        } catch (Exception e) {
            log.warn("status page did not stop cleanly: {}", e.toString());
        }
    }
}
