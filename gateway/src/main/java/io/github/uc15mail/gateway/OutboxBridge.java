package io.github.uc15mail.gateway;

import io.github.uc15mail.mail.ModemStatus;
import io.github.uc15mail.at.AtSession.Subscription;
import io.github.uc15mail.gateway.internal.outbox.OutboxMetricsFeed;
import io.github.uc15mail.gateway.internal.outbox.OutboxQueueView;
import io.github.uc15mail.gateway.internal.outbox.OutboxSink;
import io.github.uc15mail.gateway.internal.outbox.OutboxStateLog;
import io.github.uc15mail.outbox.Outbox;
import io.github.uc15mail.outbox.PoolModemStatus;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Connects the gateway's parts to an {@link Outbox}: the front door and the Jakarta Mail transport queue into
 * it ({@link #sink}), the status page reads and acts on it ({@link #queueView}), the metrics follow its state
 * changes ({@link #feedMetrics}) and a dispatcher's pool ({@link #modemHealth(List, Function)}).
 *
 * <p>Guarantees: the sink returns a message id only after {@link Outbox#enqueue} returned, so the mail is
 * durable before the SMTP {@code 250}. It does not carry a per-message sender name (the outbox sends every
 * message with the configured sender), so {@link MailSink#carriesSenderName()} is false. Nothing here
 * opens or closes the outbox: its owner does.
 */
public final class OutboxBridge {

    private OutboxBridge() {}

    /** A sink that enqueues each accepted mail into {@code outbox} and answers with its message id. */
    public static MailSink sink(Outbox outbox) {
        return new OutboxSink(Objects.requireNonNull(outbox, "outbox"), false);
    }

    /** The status page's view of {@code outbox}: counts by state, the latest messages, retry and cancel. */
    public static QueueView queueView(Outbox outbox) {
        return new OutboxQueueView(Objects.requireNonNull(outbox, "outbox"));
    }

    /**
     * Each modem of a dispatcher's pool as the status page and {@code /health} show it, without signal or
     * registration: {@code signal} is -1 (unknown) and {@code registered} is whether the modem takes work.
     */
    public static List<ModemHealth> modemHealth(List<PoolModemStatus> pool) {
        return modemHealth(pool, name -> null);
    }

    /**
     * Each modem of a dispatcher's pool with the signal ({@code AT+CSQ} rssi 0-31, -1 unknown) and registration
     * of its last {@link io.github.uc15mail.Modem#status()} reading, as {@code lastStatus} gives it by pool name
     * (null when none yet: then as {@link #modemHealth(List)}). It can send when the pool lets it take work.
     */
    public static List<ModemHealth> modemHealth(List<PoolModemStatus> pool, Function<String, ModemStatus> lastStatus) {
        return pool.stream().map(s -> health(s, lastStatus.apply(s.name()))).toList();
    }

    private static ModemHealth health(PoolModemStatus s, ModemStatus read) {
        boolean working = s.health() == PoolModemStatus.Health.READY || s.health() == PoolModemStatus.Health.SENDING;
        if (read == null) {
            return new ModemHealth(s.name(), s.health().name(), working, -1, working, s.lastError());
        }
        int rssi = read.signal().rssi();
        return new ModemHealth(s.name(), s.health().name(), working, rssi >= 0 && rssi <= 31 ? rssi : -1,
                read.registration().state().isRegistered(), s.lastError());
    }

    /**
     * Makes {@code /health} (503 with the reason), the status page (in words) and the metrics
     * ({@code uc15mail_sending_paused}, {@code uc15mail_account_refusals_total}) follow {@code dispatcher}'s
     * pause after a refused SMTP account or configuration.
     */
    public static void watchPause(io.github.uc15mail.outbox.Dispatcher dispatcher, GatewayMetrics metrics) {
        Objects.requireNonNull(dispatcher, "dispatcher");
        metrics.watchPause(() -> dispatcher.pause().map(io.github.uc15mail.outbox.SendingPause::reason).orElse(null),
                dispatcher::accountRefusals);
    }

    /**
     * Records each finished send attempt of {@code outbox} in {@code metrics} (outcome, modem error code,
     * duration). Close the returned subscription to stop.
     */
    public static Subscription feedMetrics(Outbox outbox, GatewayMetrics metrics) {
        return OutboxMetricsFeed.attach(Objects.requireNonNull(outbox, "outbox"), Objects.requireNonNull(metrics, "metrics"));
    }

    /**
     * Logs one INFO line per state change of {@code outbox}'s messages (logger
     * {@code io.github.uc15mail.gateway.internal.outbox.OutboxStateLog}): id, from and to, recipient count,
     * modem and error code; the change's detail passes through {@code masker} so no secret reaches the log.
     * Close the returned subscription to stop.
     */
    public static Subscription logChanges(Outbox outbox, UnaryOperator<String> masker) {
        return OutboxStateLog.attach(Objects.requireNonNull(outbox, "outbox"), Objects.requireNonNull(masker, "masker"));
    }
}
