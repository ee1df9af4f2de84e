package io.github.uc15mail.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Dispatcher} drains the outbox. Immutable; start from {@link #defaults()}.
 *
 * <p>Why the defaults are what they are:
 * <ul>
 *   <li><b>Set a modem aside after 3 failures of its own in a row</b> (no registration, timeouts, a lost
 *       link, network errors 654/656/657), as SMS Server Tools does: one failure is often a passing
 *       cell hand-over, three in a row rarely are, and a modem that keeps failing would burn the attempts of
 *       messages another modem could send.</li>
 *   <li><b>Probe it again every minute</b> while it keeps failing (the probe is the next message's send).
 *       Most outages behind a cellular link (coverage, a restarting modem, a dropped PDP context) last
 *       minutes, and a modem that is present but unhealthy should come back as soon as it can send, not
 *       after 5 and 15 minutes. A modem whose link is lost (the port vanished) is not probed but reopened, when
 *       the dispatcher has a {@link ModemReopener}: after 0, 5, 10, 20, 40 s, then every 60 s.</li>
 *   <li><b>Retry after 30 s, doubling up to 1 hour, ±20 % jitter, at most 12 attempts</b> (about 5 hours
 *       in all): long enough to outlast a typical outage, spread so a fleet that comes back does not
 *       retry in lockstep.</li>
 *   <li><b>A 30 s lease renewed every 10 s</b>: a dead gateway's messages are reclaimed within a minute
 *       (lease plus one sweep), while a live one survives two missed heartbeats.</li>
 *   <li><b>At most once</b>: a message whose gateway died after {@code AT+QSMTPPUT} becomes UNKNOWN;
 *       {@link #withAtLeastOnce(boolean) at-least-once} requeues it instead, accepting duplicates.</li>
 * </ul>
 *
 * @param node this gateway's name, shown in attempts and logs; leases are held by the node name and an
 *     instance id made at each start, so two dispatchers under one name work alongside each other safely
 * @param maxAttempts attempts before a retryable failure becomes FAILED (counted since enqueue or retry)
 * @param backoffBase delay after the first failed attempt
 * @param backoffMax longest delay between attempts
 * @param jitter fraction by which a delay is varied at random, 0-1
 * @param setAsideAfter consecutive failures of its own that set a modem aside
 * @param probeAfter how long a modem is set aside the first time
 * @param probeMax longest a modem is set aside
 * @param lease how long a claim holds without a heartbeat
 * @param pollInterval how often an idle modem looks for work (an enqueue in this process wakes it sooner)
 * @param atLeastOnce whether messages of a dead gateway that may have reached the server are sent again
 * @param shutdownGrace how long {@link Dispatcher#close()} waits for sends already submitted
 * @param accountProbe while sending is paused because the SMTP account or configuration was refused, how
 *     often one message is tried to see whether it is accepted again (default 10 minutes: a provider that
 *     counts failed logins sees six an hour at most, instead of one per queued message)
 */
public record DispatcherOptions(String node, int maxAttempts, Duration backoffBase, Duration backoffMax, double jitter,
        int setAsideAfter, Duration probeAfter, Duration probeMax, Duration lease, Duration pollInterval,
        boolean atLeastOnce, Duration shutdownGrace, Duration accountProbe) {

    /** As the canonical constructor, with the default account probe (10 minutes). */
    public DispatcherOptions(String node, int maxAttempts, Duration backoffBase, Duration backoffMax, double jitter,
            int setAsideAfter, Duration probeAfter, Duration probeMax, Duration lease, Duration pollInterval,
            boolean atLeastOnce, Duration shutdownGrace) {
        this(node, maxAttempts, backoffBase, backoffMax, jitter, setAsideAfter, probeAfter, probeMax, lease,
                pollInterval, atLeastOnce, shutdownGrace, Duration.ofMinutes(10));
    }

    public DispatcherOptions {
        Objects.requireNonNull(node, "node");
        if (node.isBlank() || node.length() > 100) {
            throw new IllegalArgumentException("node: must be 1-100 characters, was \"" + node + "\"");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts: must be at least 1, was " + maxAttempts);
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter: must be 0-1, was " + jitter);
        }
        if (setAsideAfter < 1) {
            throw new IllegalArgumentException("setAsideAfter: must be at least 1, was " + setAsideAfter);
        }
        Objects.requireNonNull(accountProbe, "accountProbe");
        if (accountProbe.toMillis() < 10) {
            throw new IllegalArgumentException("accountProbe: must be at least 10 ms, was " + accountProbe);
        }
        if (lease.toMillis() < 300) {
            throw new IllegalArgumentException("lease: must be at least 300 ms, was " + lease);
        }
    }

    /** The defaults described above, with the host name as node. */
    public static DispatcherOptions defaults() {
        return new DispatcherOptions(hostName(), 12, Duration.ofSeconds(30), Duration.ofHours(1), 0.2, 3,
                Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofMillis(500), false,
                Duration.ofMinutes(6), Duration.ofMinutes(10));
    }

    /** This host's name, or {@code localhost} when it cannot be told. */
    public static String hostName() {
        try {
            String h = java.net.InetAddress.getLocalHost().getHostName();
            return h == null || h.isBlank() ? "localhost" : h;
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    public DispatcherOptions withNode(String n) {
        return new DispatcherOptions(n, maxAttempts, backoffBase, backoffMax, jitter, setAsideAfter, probeAfter, probeMax,
                lease, pollInterval, atLeastOnce, shutdownGrace, accountProbe);
    }

    public DispatcherOptions withMaxAttempts(int n) {
        return new DispatcherOptions(node, n, backoffBase, backoffMax, jitter, setAsideAfter, probeAfter, probeMax,
                lease, pollInterval, atLeastOnce, shutdownGrace, accountProbe);
    }

    public DispatcherOptions withBackoff(Duration base, Duration max) {
        return new DispatcherOptions(node, maxAttempts, base, max, jitter, setAsideAfter, probeAfter, probeMax,
                lease, pollInterval, atLeastOnce, shutdownGrace, accountProbe);
    }

    public DispatcherOptions withJitter(double j) {
        return new DispatcherOptions(node, maxAttempts, backoffBase, backoffMax, j, setAsideAfter, probeAfter, probeMax,
                lease, pollInterval, atLeastOnce, shutdownGrace, accountProbe);
    }

    public DispatcherOptions withSetAside(int after, Duration probe, Duration max) {
        return new DispatcherOptions(node, maxAttempts, backoffBase, backoffMax, jitter, after, probe, max,
                lease, pollInterval, atLeastOnce, shutdownGrace, accountProbe);
    }

    public DispatcherOptions withLease(Duration l) {
        return new DispatcherOptions(node, maxAttempts, backoffBase, backoffMax, jitter, setAsideAfter, probeAfter,
                probeMax, l, pollInterval, atLeastOnce, shutdownGrace, accountProbe);
    }

    public DispatcherOptions withPollInterval(Duration p) {
        return new DispatcherOptions(node, maxAttempts, backoffBase, backoffMax, jitter, setAsideAfter, probeAfter,
                probeMax, lease, p, atLeastOnce, shutdownGrace, accountProbe);
    }

    public DispatcherOptions withAtLeastOnce(boolean on) {
        return new DispatcherOptions(node, maxAttempts, backoffBase, backoffMax, jitter, setAsideAfter, probeAfter,
                probeMax, lease, pollInterval, on, shutdownGrace, accountProbe);
    }

    public DispatcherOptions withShutdownGrace(Duration g) {
        return new DispatcherOptions(node, maxAttempts, backoffBase, backoffMax, jitter, setAsideAfter, probeAfter,
                probeMax, lease, pollInterval, atLeastOnce, g, accountProbe);
    }

    public DispatcherOptions withAccountProbe(Duration every) {
        return new DispatcherOptions(node, maxAttempts, backoffBase, backoffMax, jitter, setAsideAfter, probeAfter,
                probeMax, lease, pollInterval, atLeastOnce, shutdownGrace, every);
    }
}
