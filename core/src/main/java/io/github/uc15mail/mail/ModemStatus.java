package io.github.uc15mail.mail;

import io.github.uc15mail.module.ModuleProfile;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A health view of one modem, read by {@link Modem#status()}: what the modem answered to {@code ATI},
 * {@code AT+CPIN?}, {@code AT+CSQ}, {@code AT+CGREG?} and {@code AT+QIACT?} at {@link #readAt()}, the module's
 * {@link ModuleProfile} (from {@code ATI} and {@code AT+QSMTPCFG=?}), and what the SDK knows from its own use of the modem (the last failure, consecutive failures, restarts).
 *
 * <p>It is a snapshot: it does not change when the modem does. A query the modem refused or did not answer
 * leaves its field unknown ({@code sim} is {@code "unknown"}, {@link Registration#state()} is
 * {@link RegistrationState#UNKNOWN}, {@link Signal#UNKNOWN}) and is named in {@link #problems()}.
 * It never contains a password.
 *
 * @param responding whether the modem answered {@code AT}
 * @param identity the lines of {@code ATI} (manufacturer, model, revision), empty if not read
 * @param sim the {@code +CPIN:} value, {@code READY} when the SIM is usable
 * @param registration the packet-domain registration ({@code +CGREG:})
 * @param signal the signal quality ({@code +CSQ:})
 * @param activeContexts the PDP contexts {@code AT+QIACT?} listed
 * @param lastError the message of the last failed operation the SDK saw on this modem, if any
 * @param consecutiveFailures failed sends in a row that were the modem's fault ({@link Uc15Exception#isModemFault()})
 * @param restartCount how often the module announced a restart ({@code RDY}) on this link
 * @param problems one line per query that failed, naming the command and why
 * @param readAt when the view was read
 * @param profile the module's profile, empty when the module was refused (the reason is in {@link #problems()})
 *        or did not answer
 */
public record ModemStatus(boolean responding, List<String> identity, String sim, Registration registration,
        Signal signal, List<PdpContext> activeContexts, Optional<String> lastError, int consecutiveFailures,
        long restartCount, List<String> problems, Instant readAt, Optional<ModuleProfile> profile) {

    public ModemStatus {
        identity = List.copyOf(identity);
        Objects.requireNonNull(sim, "sim");
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(signal, "signal");
        activeContexts = List.copyOf(activeContexts);
        Objects.requireNonNull(lastError, "lastError");
        problems = List.copyOf(problems);
        Objects.requireNonNull(readAt, "readAt");
        Objects.requireNonNull(profile, "profile");
    }

    /** A view without a profile (for callers written before the profile was read). */
    public ModemStatus(boolean responding, List<String> identity, String sim, Registration registration,
            Signal signal, List<PdpContext> activeContexts, Optional<String> lastError, int consecutiveFailures,
            long restartCount, List<String> problems, Instant readAt) {
        this(responding, identity, sim, registration, signal, activeContexts, lastError, consecutiveFailures,
                restartCount, problems, readAt, Optional.empty());
    }

    /** The model from {@code ATI} (its second line, e.g. {@code UC15} or {@code EG25}), if read. */
    public Optional<String> model() {
        if (profile.isPresent() && !profile.get().identity().model().isEmpty()) {
            return Optional.of(profile.get().identity().model());
        }
        return identity.size() >= 2 ? Optional.of(identity.get(1)) : Optional.empty();
    }

    /** The firmware revision from {@code ATI} ({@code Revision: ...}), if read. */
    public Optional<String> revision() {
        return identity.stream().filter(l -> l.startsWith("Revision:"))
                .map(l -> l.substring("Revision:".length()).strip()).findFirst()
                .or(() -> profile.map(p -> p.identity().revision()).filter(r -> !r.isEmpty()));
    }

    /** Whether the SIM is ready ({@code +CPIN: READY}). */
    public boolean simReady() {
        return sim.equalsIgnoreCase("READY");
    }

    /** Whether PDP context {@code contextId} is listed as active. */
    public boolean isContextActive(int contextId) {
        return activeContexts.stream().anyMatch(c -> c.id() == contextId && c.active());
    }

    /**
     * Whether the modem looks able to send: it answers, the SIM is ready and it is registered (home or
     * roaming). Says nothing about the PDP context (a send activates it) or the SMTP server.
     */
    public boolean readyToSend() {
        return responding && simReady() && registration.state().isRegistered();
    }

    /** The {@code <stat>} of {@code +CGREG}. */
    public enum RegistrationState {
        NOT_REGISTERED("not registered, not searching"), HOME("registered, home network"),
        SEARCHING("not registered, searching"), DENIED("registration denied"), UNKNOWN("unknown"),
        ROAMING("registered, roaming");

        private final String text;

        RegistrationState(String text) {
            this.text = text;
        }

        /** The state for a {@code <stat>} code; {@link #UNKNOWN} for codes outside 0-5. */
        public static RegistrationState of(int stat) {
            RegistrationState[] all = values();
            return stat >= 0 && stat < all.length ? all[stat] : UNKNOWN;
        }

        /** Home or roaming. */
        public boolean isRegistered() {
            return this == HOME || this == ROAMING;
        }

        /** A short text such as {@code registered, home network}. */
        public String text() {
            return text;
        }
    }

    /**
     * {@code +CGREG: <n>,<stat>}.
     *
     * @param raw the value as the modem gave it ({@code 0,1}); empty when unknown
     * @param state the registration state
     */
    public record Registration(String raw, RegistrationState state) {
        /** Not read. */
        public static final Registration UNKNOWN = new Registration("", RegistrationState.UNKNOWN);

        public Registration {
            Objects.requireNonNull(raw, "raw");
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * {@code +CSQ: <rssi>,<ber>}: rssi 0-31 (99 unknown), ber 0-7 (99 unknown).
     *
     * @param rssi the received signal strength indication
     * @param ber the bit error rate class
     */
    public record Signal(int rssi, int ber) {
        /** Not read, or no signal. */
        public static final Signal UNKNOWN = new Signal(99, 99);

        /** The signal in dBm ({@code -113 + 2 * rssi}); empty when the modem does not know it (99). */
        public OptionalInt dbm() {
            return rssi >= 0 && rssi <= 31 ? OptionalInt.of(-113 + 2 * rssi) : OptionalInt.empty();
        }

        /** Below rssi 10 (-93 dBm) sends often fail. */
        public boolean weak() {
            return rssi < 10;
        }
    }

    /**
     * One line of {@code +QIACT: <cid>,<state>,<type>,"<address>"}.
     *
     * @param id the context id (1-16)
     * @param active whether its state is 1 (activated)
     * @param type 1 IPv4, 2 IPv6 (0 when not given)
     * @param address the local address, empty when not given
     */
    public record PdpContext(int id, boolean active, int type, String address) {
        public PdpContext {
            Objects.requireNonNull(address, "address");
        }
    }
}
