package io.github.uc15mail.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The gateway's metrics in a Micrometer Prometheus registry: {@code uc15mail_queue_messages{state}},
 * {@code uc15mail_modem_signal{modem}}, {@code uc15mail_modem_registered{modem}},
 * {@code uc15mail_modem_can_send{modem}}, {@code uc15mail_sends_total{outcome,code}} and
 * {@code uc15mail_send_duration_seconds{outcome}}, and once {@link #watchPause} is called
 * {@code uc15mail_sending_paused} (1 while a refused SMTP account pauses sending) and
 * {@code uc15mail_account_refusals_total}. Queue and modem values are read when scraped.
 * Thread-safe. It does not record sends by itself: the sending loop calls {@link #recordSend}.
 */
public final class GatewayMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final QueueView queue;
    private final Supplier<List<ModemHealth>> modems;
    private final Map<QueueView.State, Long> counts = new EnumMap<>(QueueView.State.class);
    private final Map<String, ModemHealth> lastModems = new ConcurrentHashMap<>();
    private final Set<String> registeredModems = ConcurrentHashMap.newKeySet();
    private volatile Supplier<String> pausedBecause = () -> null;
    private volatile java.util.function.LongSupplier refusals = () -> 0;

    public GatewayMetrics(QueueView queue, Supplier<List<ModemHealth>> modems) {
        this.queue = queue;
        this.modems = modems;
        for (QueueView.State s : QueueView.State.values()) {
            Gauge.builder("uc15mail.queue.messages", () -> count(s)).tag("state", s.name())
                    .description("messages in the queue by state").register(registry);
        }
    }

    private synchronized long count(QueueView.State s) {
        return counts.getOrDefault(s, 0L);
    }

    /**
     * Follows a sender's pause: {@code reason} gives why sending is paused (null while it is not), and
     * {@code refusals} how many refusals of the account there were. {@code /health} answers 503 with that reason
     * and the status page says it while paused.
     */
    public void watchPause(Supplier<String> reason, java.util.function.LongSupplier refusals) {
        this.pausedBecause = java.util.Objects.requireNonNull(reason, "reason");
        Gauge.builder("uc15mail.sending.paused", () -> reason.get() == null ? 0 : 1)
                .description("1 while sending is paused because the SMTP account or configuration was refused")
                .register(registry);
        this.refusals = java.util.Objects.requireNonNull(refusals, "refusals");
        // Micrometer holds the object of a function counter weakly: this registry's owner keeps it alive.
        io.micrometer.core.instrument.FunctionCounter.builder("uc15mail.account.refusals", this,
                m -> m.refusals.getAsLong())
                .description("refusals of the SMTP account or configuration by the server")
                .register(registry);
    }

    /** Why sending is paused, or null when it is not (see {@link #watchPause}). */
    public String pausedBecause() {
        return pausedBecause.get();
    }

    /** Counts one send attempt's outcome ({@code sent}, {@code failed}, {@code unknown}) and error code. */
    public void recordSend(String outcome, String errorCode, Duration duration) {
        Counter.builder("uc15mail.sends").tag("outcome", outcome).tag("code", errorCode == null ? "" : errorCode)
                .description("send attempts by outcome and modem error code").register(registry).increment();
        Timer.builder("uc15mail.send.duration").tag("outcome", outcome).description("time from start to result")
                .register(registry).record(duration);
    }

    /**
     * Counts one SMS attempt's outcome ({@code uc15mail_sms_total{outcome}}); the SMS is counted in
     * {@link #recordSend} too, with the mail.
     */
    public void recordSms(String outcome) {
        Counter.builder("uc15mail.sms").tag("outcome", outcome).description("SMS attempts by outcome")
                .register(registry).increment();
    }

    /** Reads the queue and the modems now; returns the modems read. */
    public List<ModemHealth> refresh() {
        Map<QueueView.State, Long> now = queue.counts();
        synchronized (this) {
            counts.clear();
            counts.putAll(now);
        }
        List<ModemHealth> list = modems.get();
        for (ModemHealth m : list) {
            lastModems.put(m.name(), m);
            if (registeredModems.add(m.name())) {
                String n = m.name();
                Gauge.builder("uc15mail.modem.signal", () -> value(n, h -> h.signal())).tag("modem", n)
                        .description("AT+CSQ signal quality, 0-31; -1 unknown").register(registry);
                Gauge.builder("uc15mail.modem.registered", () -> value(n, h -> h.registered() ? 1 : 0)).tag("modem", n)
                        .description("1 when registered on the network").register(registry);
                Gauge.builder("uc15mail.modem.can.send", () -> value(n, h -> h.canSend() ? 1 : 0)).tag("modem", n)
                        .description("1 when the modem can send").register(registry);
            }
        }
        return list;
    }

    private double value(String name, java.util.function.ToIntFunction<ModemHealth> f) {
        ModemHealth h = lastModems.get(name);
        return h == null ? Double.NaN : f.applyAsInt(h);
    }

    /** The metrics in Prometheus's text format, after a {@link #refresh()}. */
    public String scrape() {
        refresh();
        return registry.scrape();
    }

    /**
     * Adds the front door's counters: {@code uc15mail_smtp_auth_failures_total},
     * {@code uc15mail_smtp_auth_lockouts_total} and {@code uc15mail_smtp_line_deadlines_missed_total}.
     */
    public void watchFrontDoor(GatewayServer door) {
        io.micrometer.core.instrument.FunctionCounter.builder("uc15mail.smtp.auth.failures", door,
                GatewayServer::authFailures).description("failed SMTP logins").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("uc15mail.smtp.auth.lockouts", door,
                GatewayServer::authLockouts).description("addresses locked out after failed logins").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("uc15mail.smtp.line.deadlines.missed", door,
                GatewayServer::lineDeadlinesMissed).description("connections closed: a line did not arrive in time")
                .register(registry);
    }

    /**
     * Adds the status page's login counters: {@code uc15mail_http_auth_failures_total} and
     * {@code uc15mail_http_auth_lockouts_total}.
     */
    public void watchStatusPage(StatusServer page) {
        io.micrometer.core.instrument.FunctionCounter.builder("uc15mail.http.auth.failures", page,
                StatusServer::loginFailures).description("failed status page logins").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("uc15mail.http.auth.lockouts", page,
                StatusServer::loginLockouts).description("addresses locked out of the status page").register(registry);
    }

    /** Adds {@code uc15mail_store_damaged}: 1 while the store is damaged (an alert; intake and lanes stop). */
    public void watchStore(java.util.function.BooleanSupplier damaged) {
        Gauge.builder("uc15mail.store.damaged", () -> damaged.getAsBoolean() ? 1 : 0)
                .description("1 when the outbox store is damaged: intake and sending stopped").register(registry);
    }

    /** The registry, for callers that add their own meters. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }
}
