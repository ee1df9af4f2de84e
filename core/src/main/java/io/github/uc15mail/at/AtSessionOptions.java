package io.github.uc15mail.at;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of an {@link AtSession}: deadlines per {@link CommandKind}, the slowest line rate assumed
 * when giving a payload time to cross the line, resynchronisation and health limits. Immutable.
 */
public final class AtSessionOptions {

    private final Map<CommandKind, Duration> timeouts;
    private final long minLineBytesPerSecond;
    private final int unhealthyAfterTimeouts;
    private final Duration resyncReplyTimeout;
    private final int resyncAttempts;
    private final Duration guardTime;
    private final int maxLineLength;
    private final Duration fullPreflightAfter;
    private final Clock clock;

    private AtSessionOptions(Builder b) {
        this.timeouts = Map.copyOf(b.timeouts);
        this.minLineBytesPerSecond = b.minLineBytesPerSecond;
        this.unhealthyAfterTimeouts = b.unhealthyAfterTimeouts;
        this.resyncReplyTimeout = b.resyncReplyTimeout;
        this.resyncAttempts = b.resyncAttempts;
        this.guardTime = b.guardTime;
        this.maxLineLength = b.maxLineLength;
        this.fullPreflightAfter = b.fullPreflightAfter;
        this.clock = b.clock;
    }

    public static AtSessionOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The deadline for a command of this kind (without payload time). */
    public Duration timeout(CommandKind kind) {
        return timeouts.getOrDefault(kind, kind.defaultTimeout());
    }

    /**
     * The deadline of {@code command}: its own {@link AtCommand#timeout()} if it has one, else {@code base}
     * (the deadline of its kind) plus the time its payload takes at {@link #minLineBytesPerSecond()}. The one
     * formula for payload deadlines.
     */
    public Duration deadline(AtCommand<?> command, Duration base) {
        if (command.timeout().isPresent()) {
            return command.timeout().get();
        }
        long payload = command.payload().map(DataPayload::length).orElse(0L);
        return base.plusMillis(payload * 1000 / minLineBytesPerSecond);
    }

    /** The deadline of {@code command} with this configuration's deadline for its kind. */
    public Duration deadline(AtCommand<?> command) {
        return deadline(command, timeout(command.kind()));
    }

    /** Payload bytes per second assumed at worst; a payload of n bytes adds n / rate to the deadline. */
    public long minLineBytesPerSecond() {
        return minLineBytesPerSecond;
    }

    public int unhealthyAfterTimeouts() {
        return unhealthyAfterTimeouts;
    }

    public Duration resyncReplyTimeout() {
        return resyncReplyTimeout;
    }

    public int resyncAttempts() {
        return resyncAttempts;
    }

    /** The silence before and after {@code +++} when leaving data mode (1 s on the UC15). */
    public Duration guardTime() {
        return guardTime;
    }

    public int maxLineLength() {
        return maxLineLength;
    }

    /**
     * How long after the modem's last good send the next send still skips the preflight (a warm send); after
     * that silence, a failure, a restart or a URC that announces a lost SIM, registration or PDP context, the
     * next send runs the full preflight. Zero: every send runs it. Default 60 s.
     */
    public Duration fullPreflightAfter() {
        return fullPreflightAfter;
    }

    /** The clock the silence of {@link #fullPreflightAfter()} is measured with (the system's by default). */
    public Clock clock() {
        return clock;
    }

    /** Builds {@link AtSessionOptions}. */
    public static final class Builder {
        private final Map<CommandKind, Duration> timeouts = new EnumMap<>(CommandKind.class);
        private long minLineBytesPerSecond = 960;
        private int unhealthyAfterTimeouts = 10;
        private Duration resyncReplyTimeout = Duration.ofSeconds(1);
        private int resyncAttempts = 5;
        private Duration guardTime = Duration.ofMillis(1100);
        private int maxLineLength = 4096;
        private Duration fullPreflightAfter = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        public Builder timeout(CommandKind kind, Duration timeout) {
            Objects.requireNonNull(kind, "kind");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout for " + kind + ": must be positive, was " + timeout);
            }
            timeouts.put(kind, timeout);
            return this;
        }

        public Builder minLineBytesPerSecond(long rate) {
            if (rate < 1) {
                throw new IllegalArgumentException("minLineBytesPerSecond: must be at least 1, was " + rate);
            }
            this.minLineBytesPerSecond = rate;
            return this;
        }

        public Builder unhealthyAfterTimeouts(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("unhealthyAfterTimeouts: must be at least 1, was " + n);
            }
            this.unhealthyAfterTimeouts = n;
            return this;
        }

        public Builder resyncReplyTimeout(Duration d) {
            this.resyncReplyTimeout = Objects.requireNonNull(d);
            return this;
        }

        public Builder resyncAttempts(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("resyncAttempts: must be at least 1, was " + n);
            }
            this.resyncAttempts = n;
            return this;
        }

        public Builder guardTime(Duration d) {
            this.guardTime = Objects.requireNonNull(d);
            return this;
        }

        public Builder maxLineLength(int n) {
            if (n < 64) {
                throw new IllegalArgumentException("maxLineLength: must be at least 64, was " + n);
            }
            this.maxLineLength = n;
            return this;
        }

        /** See {@link AtSessionOptions#fullPreflightAfter()}; zero makes every send run the full preflight. */
        public Builder fullPreflightAfter(Duration silence) {
            Objects.requireNonNull(silence, "fullPreflightAfter");
            if (silence.isNegative()) {
                throw new IllegalArgumentException("fullPreflightAfter: must not be negative, was " + silence);
            }
            this.fullPreflightAfter = silence;
            return this;
        }

        /** The clock for {@link AtSessionOptions#fullPreflightAfter()} (tests move a fixed one). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public AtSessionOptions build() {
            return new AtSessionOptions(this);
        }
    }
}
