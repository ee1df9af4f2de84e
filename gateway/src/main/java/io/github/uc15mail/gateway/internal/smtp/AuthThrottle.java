package io.github.uc15mail.gateway.internal.smtp;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Slows down password guessing. Each failed login from an address, or for a user name, within
 * {@code window} adds a delay that doubles from {@code firstDelay} up to {@code maxDelay} (the larger of the
 * two counts decides); the {@code maxFailures}th failure from one address locks that address out for
 * {@code lockout}: its login is answered {@code 421 4.7.0}, the connection closed, and new connections from
 * it are refused until the lockout ends. A success clears the user's count, not the address's.
 *
 * <p>Time comes from the clock, delays go through the pause (tests observe both). Thread-safe. What it does
 * not do: lock a user name (that would let anyone lock a real user out), or remember anything across restarts.
 */
public final class AuthThrottle {

    private final Clock clock;
    private final Consumer<Duration> pause;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;
    private final Map<InetAddress, Failures> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Failures> byUser = new ConcurrentHashMap<>();
    private static final int MAX_TRACKED = 10_000;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong lockouts = new AtomicLong();

    private static final class Failures {
        int count;
        Instant last = Instant.EPOCH;
        Instant lockedUntil = Instant.EPOCH;
    }

    public AuthThrottle(Clock clock, Consumer<Duration> pause, Duration firstDelay, Duration maxDelay, int maxFailures,
            Duration window, Duration lockout) {
        this.clock = clock;
        this.pause = pause;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
    }

    /** The default pause: sleeps, and keeps the thread's interrupt. */
    public static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Until when {@code address} is locked out, or empty. */
    public java.util.Optional<Instant> lockedUntil(InetAddress address) {
        Failures f = byAddress.get(address);
        if (f == null) {
            return java.util.Optional.empty();
        }
        synchronized (f) {
            return f.lockedUntil.isAfter(clock.instant()) ? java.util.Optional.of(f.lockedUntil)
                    : java.util.Optional.empty();
        }
    }

    /**
     * Records a failed login, pauses for its delay, and says whether the address is now locked out.
     *
     * @return true when the connection must be closed
     */
    public boolean failed(InetAddress address, String user) {
        java.util.Optional<Duration> delay = record(address, user);
        delay.ifPresent(pause);
        return delay.isEmpty();
    }

    /**
     * Records a failed login without pausing (for a server that answers later instead of holding a thread).
     *
     * @return the delay before answering, or empty when the address is now locked out
     */
    public java.util.Optional<Duration> record(InetAddress address, String user) {
        failures.incrementAndGet();
        Instant now = clock.instant();
        if (byAddress.size() + byUser.size() > MAX_TRACKED) {
            forgetOld(now);
        }
        int fromAddress = count(byAddress.computeIfAbsent(address, a -> new Failures()), now);
        int forUser = user == null ? 0 : count(byUser.computeIfAbsent(key(user), u -> new Failures()), now);
        if (fromAddress >= maxFailures) {
            Failures f = byAddress.get(address);
            synchronized (f) {
                f.lockedUntil = now.plus(lockout);
                f.count = 0;
            }
            lockouts.incrementAndGet();
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(delay(Math.max(fromAddress, forUser)));
    }

    /** Clears the user's failures after a good login. */
    public void succeeded(String user) {
        if (user != null) {
            byUser.remove(key(user));
        }
    }

    /** The delay after the {@code n}th failure: {@code firstDelay} doubled {@code n - 1} times, at most {@code maxDelay}. */
    public Duration delay(int n) {
        Duration d = firstDelay;
        for (int i = 1; i < n && d.compareTo(maxDelay) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    /** Failed logins since start. */
    public long failures() {
        return failures.get();
    }

    /** Address lockouts since start. */
    public long lockouts() {
        return lockouts.get();
    }

    /** How long a lockout lasts. */
    public Duration lockout() {
        return lockout;
    }

    /** Drops counts older than the window, so guessing with random names cannot fill the memory. */
    private void forgetOld(Instant now) {
        for (Map<?, Failures> m : List.of(byAddress, byUser)) {
            m.values().removeIf(f -> {
                synchronized (f) {
                    return Duration.between(f.last, now).compareTo(window) > 0 && !f.lockedUntil.isAfter(now);
                }
            });
        }
    }

    private int count(Failures f, Instant now) {
        synchronized (f) {
            if (Duration.between(f.last, now).compareTo(window) > 0) {
                f.count = 0;
            }
            f.last = now;
            return ++f.count;
        }
    }

    private static String key(String user) {
        return user.toLowerCase(Locale.ROOT);
    }
}
