package io.github.uc15mail.cli;

import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.at.AtSession.Subscription;
import io.github.uc15mail.gateway.GatewayMetrics;
import io.github.uc15mail.gateway.GatewayServer;
import io.github.uc15mail.gateway.GatewaySettings;
import io.github.uc15mail.gateway.ModemHealth;
import io.github.uc15mail.gateway.OutboxBridge;
import io.github.uc15mail.gateway.QueueView;
import io.github.uc15mail.gateway.StatusServer;
import io.github.uc15mail.outbox.Dispatcher;
import io.github.uc15mail.outbox.DispatcherOptions;
import io.github.uc15mail.outbox.Outbox;
import io.github.uc15mail.outbox.OutboxException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a running {@code gateway} holds: the modems and their dispatcher, the SMTP front door into the outbox,
 * the status page, the state-change log and the metrics feed. The listeners (front door, status page) are bound
 * first, so a port in use stops the gateway before any modem is opened or any message claimed; mail the front
 * door takes before the modems are up waits in the outbox. {@link #close} stops the front door first, so
 * nothing is accepted while the sends are handed back.
 */
final class GatewayServices implements AutoCloseable {

    private final List<ModemLink> links = new ArrayList<>();
    private final List<ModemMailer> mailers = new ArrayList<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private volatile Dispatcher dispatcher;
    private volatile ModemReadings readings;
    private GatewayServer frontDoor;
    private SmsGatewayOptions sms = new SmsGatewayOptions();
    private java.util.concurrent.ScheduledExecutorService fallbackTicks;
    private StatusServer status;

    /**
     * Starts everything; on failure closes what was started and throws a {@link CliFailure}.
     *
     * @param frontDoorSettings null for no front door
     * @param http null for no status page
     */
    static GatewayServices start(Outbox outbox, List<ModemAddress> modems, int baud, SmtpConfig config,
            DispatcherOptions dispatch, GatewaySettings frontDoorSettings, InetSocketAddress http, boolean admin,
            StatusServer.Login login, SecretMasker masker, CliContext context, TraceOptions trace) {
        return start(outbox, modems, baud, config, dispatch, frontDoorSettings, http, admin, login, masker, context,
                trace, new SmsGatewayOptions());
    }

    /** As above, with the SMS flags: mail-to-SMS at the front door, and the fallback SMS. */
    static GatewayServices start(Outbox outbox, List<ModemAddress> modems, int baud, SmtpConfig config,
            DispatcherOptions dispatch, GatewaySettings frontDoorSettings, InetSocketAddress http, boolean admin,
            StatusServer.Login login, SecretMasker masker, CliContext context, TraceOptions trace,
            SmsGatewayOptions sms) {
        GatewayServices g = new GatewayServices();
        g.sms = sms;
        try {
            g.startAll(outbox, modems, baud, config, dispatch, frontDoorSettings, http, admin, login, masker, context, trace);
            return g;
        } catch (RuntimeException e) {
            g.close();
            throw e;
        }
    }

    private void startAll(Outbox outbox, List<ModemAddress> modems, int baud, SmtpConfig config,
            DispatcherOptions dispatch, GatewaySettings frontDoorSettings, InetSocketAddress http, boolean admin,
            StatusServer.Login login, SecretMasker masker, CliContext context, TraceOptions trace) {
        // Listeners first: a port in use must stop the gateway before it opens a modem or claims a message.
        QueueView queue = OutboxBridge.queueView(outbox);
        Supplier<List<ModemHealth>> health = () -> dispatcher == null || readings == null ? List.of()
                : OutboxBridge.modemHealth(dispatcher.poolStatus(), readings::last);
        GatewayMetrics metrics = new GatewayMetrics(queue, health);
        metrics.watchStore(() -> outbox.storeDamage().isPresent());
        if (frontDoorSettings != null) {
            try {
                frontDoor = GatewayServer.start(frontDoorSettings, sms.sink(outbox, OutboxBridge.sink(outbox)));
                metrics.watchFrontDoor(frontDoor);
            } catch (IOException | RuntimeException e) {
                throw CliFailure.badInput("listen: cannot start the SMTP front door on " + hostPort(frontDoorSettings.listen())
                        + ": " + e.getMessage() + " (choose another --listen, or --listen off)");
            }
        }
        if (http != null) {
            try {
                status = StatusServer.start(http, Set.of(), admin, login, queue, health, metrics);
                status.watchStore(() -> outbox.storeDamage().isPresent());
            } catch (IOException | IllegalArgumentException e) {
                throw CliFailure.badInput("http: cannot start the status page on " + hostPort(http) + ": "
                        + e.getMessage() + " (choose another --http, or --http off)");
            }
        }
        Map<String, ModemMailer> pool = new LinkedHashMap<>();
        for (ModemAddress address : modems) {
            int index = modems.size() > 1 ? pool.size() + 1 : 0;
            ModemLink link = ModemLink.open(address, baud, null, context.modemAnswerBudget(), trace, masker, index);
            links.add(link);
            ModemMailer mailer = ModemMailer.create(link.modem(), config);
            mailers.add(mailer);
            pool.put(address.spec(), mailer);
        }
        subscriptions.add(OutboxBridge.logChanges(outbox, masker::mask));
        subscriptions.add(OutboxBridge.feedMetrics(outbox, metrics));
        io.github.uc15mail.outbox.ModemReopener reopener = name -> reopen(name, modems, pool, baud, config, context, trace,
                masker);
        try {
            dispatcher = Dispatcher.start(outbox, pool, dispatch, reopener);
        } catch (OutboxException e) {
            throw new CliFailure(ExitCodes.MODEM_UNREACHABLE, e.getMessage(), e);
        }
        Dispatcher d = dispatcher;
        readings = new ModemReadings(pool, d::poolStatus);
        OutboxBridge.watchPause(d, metrics);
        io.github.uc15mail.gateway.sms.SmsFallback fallback = sms.fallback(outbox, java.time.Clock.systemUTC());
        if (fallback != null) {
            fallbackTicks = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "uc15mail-sms-fallback");
                t.setDaemon(true);
                return t;
            });
            fallbackTicks.scheduleWithFixedDelay(() -> {
                try {
                    fallback.tick();
                } catch (RuntimeException e) {
                    context.err().println("uc15mail: SMS fallback check failed: " + masker.mask(String.valueOf(e.getMessage())));
                }
            }, 30, 30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /**
     * Opens the modem {@code name} again after its link was lost: the address is resolved anew (a path, or a
     * USB serial number), the old link closed and replaced.
     */
    private synchronized ModemMailer reopen(String name, List<ModemAddress> modems, Map<String, ModemMailer> pool,
            int baud, SmtpConfig config, CliContext context, TraceOptions trace, SecretMasker masker) {
        for (int i = 0; i < modems.size(); i++) {
            ModemAddress address = modems.get(i);
            if (!address.spec().equals(name)) {
                continue;
            }
            ModemLink link = ModemLink.open(address, baud, null, context.modemAnswerBudget(), trace, masker,
                    modems.size() > 1 ? i + 1 : 0);
            ModemMailer mailer = ModemMailer.create(link.modem(), config);
            mailers.get(i).close();
            links.get(i).close();
            mailers.set(i, mailer);
            links.set(i, link);
            pool.put(name, mailer);
            return mailer;
        }
        throw new IllegalArgumentException("modem: no modem named " + name + " in this gateway");
    }

    static String hostPort(InetSocketAddress a) {
        String host = a.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /** The front door's address, or null when it is off. */
    InetSocketAddress frontDoor() {
        return frontDoor == null ? null : frontDoor.address();
    }

    /** The status page's address, such as {@code http://127.0.0.1:8025/}, or null when it is off. */
    String statusPage() {
        return status == null ? null : status.uri().toString();
    }

    int modemCount() {
        return mailers.size();
    }

    /** Stops taking mail, then hands back or finishes the running sends, then closes the modems. */
    @Override
    public void close() {
        if (fallbackTicks != null) {
            fallbackTicks.shutdownNow();
        }
        if (frontDoor != null) {
            frontDoor.close();
        }
        if (dispatcher != null) {
            dispatcher.close();
        }
        if (status != null) {
            status.close();
        }
        if (readings != null) {
            readings.close();
        }
        subscriptions.forEach(Subscription::cancel);
        mailers.forEach(ModemMailer::close);
        links.forEach(ModemLink::close);
    }
}
