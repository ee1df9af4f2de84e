package io.github.uc15mail.outbox.internal;

import io.github.uc15mail.outbox.SendingPause;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The whole gateway's pause after the SMTP account or configuration was refused, shared by all its modem
 * workers. While paused, no worker claims work except one probe per interval, and no send passes the
 * submit gate except that probe's. Thread-safe; times come from the caller's clock.
 */
public final class AccountPause {

    /** What a worker may do now. */
    public enum Permit { GO, PROBE, WAIT }

    private final Duration probeEvery;
    private String reason;
    private long since;
    private long nextProbe;
    private boolean probing;
    private long refusals;

    public AccountPause(Duration probeEvery) {
        this.probeEvery = probeEvery;
    }

    /** Whether a worker may claim a message now; PROBE once per interval while paused. */
    public synchronized Permit mayClaim(long now) {
        if (reason == null) {
            return Permit.GO;
        }
        if (!probing && now >= nextProbe) {
            probing = true;
            return Permit.PROBE;
        }
        return Permit.WAIT;
    }

    /** Whether a claimed send may go past the submit point; a probe may. */
    public synchronized boolean maySubmit(boolean probe) {
        return reason == null || probe;
    }

    /** The account was refused: pause (or stay paused) until the next probe. */
    public synchronized void refused(String why, long now) {
        if (reason == null) {
            since = now;
        }
        reason = why;
        refusals++;
        probing = false;
        nextProbe = now + probeEvery.toMillis();
    }

    /** The server took a login (a send went through, or it refused the message itself): no pause. */
    public synchronized void accepted() {
        reason = null;
        probing = false;
    }

    /** A probe ended without reaching the login (network, modem, stopped): the next worker may probe. */
    public synchronized void probeInconclusive() {
        probing = false;
    }

    /** The configuration changed: send again at once. */
    public synchronized void resume() {
        reason = null;
        probing = false;
    }

    /** Millis until the next probe while paused, 0 when not paused. */
    public synchronized long waitMillis(long now) {
        return reason == null ? 0 : Math.max(0, nextProbe - now);
    }

    public synchronized Optional<SendingPause> status() {
        if (reason == null) {
            return Optional.empty();
        }
        return Optional.of(new SendingPause(reason, Instant.ofEpochMilli(since), Instant.ofEpochMilli(nextProbe),
                refusals));
    }

    public synchronized long refusals() {
        return refusals;
    }
}
