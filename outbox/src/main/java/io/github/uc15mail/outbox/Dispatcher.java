package io.github.uc15mail.outbox;

import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.outbox.internal.AccountPause;
import io.github.uc15mail.outbox.internal.LaneWorker;
import io.github.uc15mail.outbox.internal.ModemLane;
import io.github.uc15mail.outbox.internal.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains an {@link Outbox} through a pool of modems: one worker per modem takes the next message due
 * (priority, then age), so any healthy modem takes the next message and each message goes through one
 * modem at a time.
 *
 * <h2>What it guarantees</h2>
 * <ul>
 *   <li>Before a modem takes work it is brought to a clean state (data mode left, email content cleared,
 *       the RAM files a crashed predecessor left deleted).</li>
 *   <li>Before {@code AT+QSMTPPUT} is written the message is durably marked as submitting; if that
 *       cannot be recorded (store unreachable, lease lost) the send stops before it and the message goes
 *       back to the queue.</li>
 *   <li>Its leases are held by {@link #owner()}: the node name and an instance id made at each start, so a
 *       restarted gateway, or a twin started under the same node name, never mistakes another's live lease
 *       for its own. Twins work alongside each other safely. On start, and every few seconds, it applies
 *       the crash rule (QUEUED if never submitted, UNKNOWN if it was) to leases that have expired by the
 *       store's clock (the database's on PostgreSQL), never to a live one. It renews the leases of its own
 *       sends, for their attempt only, on a connection of its own.</li>
 *   <li>Whose fault a failure is comes from the core's {@link io.github.uc15mail.error.Fault#of(Throwable) fault classifier}. A modem
 *       whose failures are its own is set aside and probed later (see {@link DispatcherOptions}); a
 *       message's own failure (a refused recipient), the network's or this host's does not count against
 *       the modem.</li>
 *   <li>A refused SMTP account or configuration pauses the whole dispatcher, not the modem (see
 *       {@link SendingPause}): the message goes back to the queue, and nothing more is submitted until
 *       {@link #resume()} or a probe every {@link DispatcherOptions#accountProbe()} is accepted. At most
 *       one submission per modem already past its claim when the first refusal came.</li>
 *   <li>{@link #close()} stops claiming, stops sends that have not reached their submit point (they go back
 *       to the queue) and waits for those that have.</li>
 * </ul>
 *
 * <p>What it does not do: close the modems or the outbox (their owner does), or share health between
 * gateways. When the store is unreachable, workers pause and resume on their own.
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Outbox outbox;
    private final DispatcherOptions options;
    private final List<LaneWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Map<MessageId, Integer> inFlight = new ConcurrentHashMap<>();
    private final String owner;
    private final AccountPause accountPause;
    private final Object wakeup = new Object();
    private final Thread keeper;
    private final Thread sweeper;
    private final io.github.uc15mail.at.AtSession.Subscription enqueueWakeup;
    private volatile boolean stopping;

    private Dispatcher(Outbox outbox, Map<String, ModemMailer> modems, DispatcherOptions options,
            ModemReopener reopener) {
        this.outbox = outbox;
        this.options = options;
        this.owner = options.node() + "/" + java.util.UUID.randomUUID().toString().substring(0, 8);
        this.accountPause = new AccountPause(options.accountProbe());
        Store store = outbox.store();
        var moved = store.reclaim(options.atLeastOnce());
        publishMoved(moved);
        if (!moved.isEmpty()) {
            log.info("{}: {} message(s) whose gateway stopped settled by the crash rule", owner, moved.size());
        }
        modems.forEach((name, mailer) -> workers.add(new LaneWorker(new ModemLane(name, mailer), store, options,
                outbox::publish, inFlight, wakeup, outbox.clock(), owner, accountPause, reopener)));
        enqueueWakeup = outbox.addListener(change -> {
            if (change.to() == MessageState.QUEUED) {
                synchronized (wakeup) {
                    wakeup.notifyAll();
                }
            }
        });
        for (LaneWorker w : workers) {
            Thread t = new Thread(w, "uc15mail-outbox-" + w.status().name());
            t.setDaemon(true);
            threads.add(t);
        }
        keeper = new Thread(this::keep, "uc15mail-outbox-heartbeat");
        keeper.setDaemon(true);
        sweeper = new Thread(this::sweep, "uc15mail-outbox-sweeper");
        sweeper.setDaemon(true);
    }

    /**
     * Starts draining {@code outbox} through {@code modems} (name, usually the port, to mailer).
     *
     * @throws OutboxException when the store cannot be reached to settle this node's earlier leases
     */
    public static Dispatcher start(Outbox outbox, Map<String, ModemMailer> modems, DispatcherOptions options) {
        return start(outbox, modems, options, null);
    }

    /**
     * As {@link #start(Outbox, Map, DispatcherOptions)}, and a modem whose link is lost is reopened with
     * {@code reopener} (null: it stays lost): state {@link PoolModemStatus.Health#RECONNECTING}, tries after
     * 0, 5, 10, 20, 40 and then every 60 s; once open it is recovered and takes work again.
     *
     * @throws OutboxException when the store cannot be reached to settle this node's earlier leases
     */
    public static Dispatcher start(Outbox outbox, Map<String, ModemMailer> modems, DispatcherOptions options,
            ModemReopener reopener) {
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(options, "options");
        if (modems.isEmpty()) {
            throw new IllegalArgumentException("modems: at least 1, was 0");
        }
        Dispatcher d = new Dispatcher(outbox, new LinkedHashMap<>(modems), options, reopener);
        d.threads.forEach(Thread::start);
        d.keeper.start();
        d.sweeper.start();
        log.info("dispatcher {} draining {} through {} modem(s)", d.owner, outbox.storeDescription(), modems.size());
        return d;
    }

    /** How each modem of the pool is doing, in the order given. */
    public List<PoolModemStatus> poolStatus() {
        return workers.stream().map(LaneWorker::status).toList();
    }

    public DispatcherOptions options() {
        return options;
    }

    /**
     * Why nothing is being submitted, when the SMTP server refused the account or configuration; empty
     * while sending normally. See {@link SendingPause}.
     */
    public Optional<SendingPause> pause() {
        return accountPause.status();
    }

    /** How many times the SMTP server refused the account or configuration since this dispatcher started. */
    public long accountRefusals() {
        return accountPause.refusals();
    }

    /**
     * Ends a pause because the configuration changed (the gateway re-read it, or its mailers were rebuilt):
     * the queue is sent again at once. Does nothing when not paused.
     */
    public void resume() {
        accountPause.resume();
        synchronized (wakeup) {
            wakeup.notifyAll();
        }
    }

    /** Who holds this dispatcher's leases: {@code node/instance}, the instance id new at each start. */
    public String owner() {
        return owner;
    }

    /** Renews the leases of running sends, on the store's heartbeat connection (never behind its write queue). */
    private void keep() {
        long beat = Math.max(100, options.lease().toMillis() / 3);
        Store store = outbox.store();
        while (!stopping || !inFlight.isEmpty()) {
            try {
                Set<MessageId> lost = store.heartbeat(owner, Map.copyOf(inFlight), options.lease().toMillis());
                lost.retainAll(inFlight.keySet());
                if (!lost.isEmpty()) {
                    log.warn("{}: the lease of {} is no longer ours; its send will not be submitted", owner, lost);
                }
            } catch (OutboxException e) {
                log.warn("lease renewal failed ({}); trying again", e.getMessage());
            }
            try {
                TimeUnit.MILLISECONDS.sleep(beat);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Reclaims leases that expired (by the store's clock) and fails expired messages, every few seconds. */
    private void sweep() {
        long every = Math.max(100, options.lease().toMillis() / 3);
        Store store = outbox.store();
        while (!stopping) {
            try {
                publishMoved(store.reclaim(options.atLeastOnce()));
                publishMoved(store.expire());
            } catch (OutboxException e) {
                log.warn("outbox housekeeping failed ({}); trying again", e.getMessage());
            }
            try {
                TimeUnit.MILLISECONDS.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void publishMoved(List<Store.Moved> moved) {
        Instant now = outbox.clock().instant();
        for (Store.Moved m : moved) {
            outbox.publish(new StateChange(m.id(), m.from(), m.to(), now, m.detail()));
        }
    }

    /** As {@link #close()}, waiting at most {@code grace} for submitted sends. */
    public void stop(Duration grace) {
        stopping = true;
        workers.forEach(LaneWorker::stop);
        synchronized (wakeup) {
            wakeup.notifyAll();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Thread t : threads) {
            if (t.isAlive()) {
                log.warn("{} still sending after the grace period; its message is settled by the crash rule", t.getName());
            }
        }
        enqueueWakeup.cancel();
        keeper.interrupt();
        sweeper.interrupt();
        try {
            keeper.join(5000);
            sweeper.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops claiming, hands back unsubmitted sends, waits (up to the shutdown grace) for submitted ones. */
    @Override
    public void close() {
        stop(options.shutdownGrace());
    }
}
