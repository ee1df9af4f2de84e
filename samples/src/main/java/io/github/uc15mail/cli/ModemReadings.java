package io.github.uc15mail.cli;

import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.mail.ModemStatus;
import io.github.uc15mail.outbox.PoolModemStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Reads each pool modem's health view ({@code AT+CSQ}, {@code AT+CGREG?}, ...) every 30 s on a thread of its
 * own, for the status page and the metrics, so a scrape never waits for the modem. A modem that is sending
 * is skipped until the next round (its reading would wait for the send); a reading that fails keeps the last.
 */
final class ModemReadings implements AutoCloseable {

    private static final long PERIOD_SECONDS = 30;

    private final Map<String, ModemMailer> modems;
    private final Supplier<List<PoolModemStatus>> pool;
    private final Map<String, ModemStatus> last = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "uc15mail-gateway-readings");
        t.setDaemon(true);
        return t;
    });

    ModemReadings(Map<String, ModemMailer> modems, Supplier<List<PoolModemStatus>> pool) {
        this.modems = Map.copyOf(modems);
        this.pool = pool;
        timer.scheduleWithFixedDelay(this::readAll, 1, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    private void readAll() {
        for (PoolModemStatus p : pool.get()) {
            ModemMailer m = modems.get(p.name());
            if (m == null || p.health() != PoolModemStatus.Health.READY) {
                continue;
            }
            try {
                last.put(p.name(), m.modem().status());
            } catch (RuntimeException e) {
                // the link is gone or the modem is busy: keep the last reading; the pool reports the failure
            }
        }
    }

    /** The last reading of the modem named {@code name} in the pool, or null when none yet. */
    ModemStatus last(String name) {
        return last.get(name);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
