package io.github.uc15mail.internal.mail;

import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.module.ModuleProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the SDK knows of one modem between operations: which SMTP/SSL settings were written last (and before
 * which restart), the PDP context last seen active, the RAM files of ours that may still be there, and the
 * outcome of recent sends, the module's profile (probed once, and again after a restart), and whether the
 * modem is warm: its last send went well, since the current restart, recently (by the injected clock), and
 * no URC since announced a lost SIM, registration or PDP context. A warm modem's next send skips the
 * preflight: the modem's last answer is its health. Shared by every mailer of one
 * {@link io.github.uc15mail.Modem}; thread-safe.
 */
public final class ModemState {

    private String settingsKey;
    private long settingsRestart = -1;
    private String sender;
    private long senderRestart = -1;
    private int activeContext;
    private final Set<String> ourFiles = new TreeSet<>();
    private int consecutiveFailures;
    private String lastError;
    private ModuleProfile profile;
    private long profileRestart = -1;
    private final Clock clock;
    private Instant goodAt;
    private long goodRestart = -1;
    private long coolings;
    private boolean contentCleared;
    private List<String> identity = List.of();

    /** A state measuring the modem's silence with the system clock. */
    public ModemState() {
        this(Clock.systemUTC());
    }

    /** A state measuring the modem's silence with {@code clock}. */
    public ModemState(Clock clock) {
        this.clock = clock;
    }

    /**
     * Whether the next send may skip the preflight: the last send since restart number {@code restart} went
     * well less than {@code window} ago (zero: never), no failure or warning URC came since, and a PDP context
     * is known active.
     */
    public synchronized boolean isWarm(long restart, Duration window) {
        return goodAt != null && goodRestart == restart && activeContext != 0 && !window.isZero()
                && clock.instant().isBefore(goodAt.plus(window));
    }

    /** Records a send that went well after restart number {@code restart}: the modem is warm from now. */
    public synchronized void sentWell(long restart) {
        goodAt = clock.instant();
        goodRestart = restart;
    }

    /** Makes the next send run the full preflight (a failure, or a URC about the SIM, network or PDP). */
    public synchronized void cool() {
        goodAt = null;
        goodRestart = -1;
        coolings++;
    }

    /** A send begins to use the email content buffer. */
    public synchronized void contentInUse() {
        contentCleared = false;
    }

    /** Records that a send's {@code AT+QSMTPCLR} after it worked: the buffer is empty. */
    public synchronized void contentCleared(boolean cleared) {
        contentCleared = cleared;
    }

    /** Whether the last send cleared the content buffer after itself (and nothing used it since). */
    public synchronized boolean contentCleared() {
        return contentCleared;
    }

    /** How often the state was cooled: a warm send that sees it change stops before {@code AT+QSMTPPUT}. */
    public synchronized long coolings() {
        return coolings;
    }

    /**
     * Whether a line from the modem (a URC or a reply) says the SIM, the registration or a PDP context may be
     * gone, so the next send must run the full preflight: {@code +QIURC: "pdpdeact"}, {@code +CPIN:} other than
     * {@code READY}, {@code +CGREG:}, {@code +CREG:} or {@code +CEREG:} with a state other than registered (1
     * home, 5 roaming). The state is the second field of a reply ({@code <n>,<stat>}) and the first of a URC
     * ({@code <stat>} or {@code <stat>,"<lac>",...}).
     */
    public static boolean coolsDown(String line) {
        String u = line.strip().toUpperCase(java.util.Locale.ROOT);
        if (u.startsWith("+QIURC:")) {
            return u.replace(" ", "").startsWith("+QIURC:\"PDPDEACT\"");
        }
        if (u.startsWith("+CPIN:")) {
            return !u.substring(6).strip().equals("READY");
        }
        for (String prefix : new String[] {"+CGREG:", "+CREG:", "+CEREG:"}) {
            if (u.startsWith(prefix)) {
                String[] f = u.substring(prefix.length()).split(",");
                String stat = f.length > 1 && f[1].strip().matches("\\d+") ? f[1].strip() : f[0].strip();
                return !(stat.equals("1") || stat.equals("5"));
            }
        }
        return false;
    }

    /** The profile probed since restart number {@code restart}, if any. */
    public synchronized Optional<ModuleProfile> profile(long restart) {
        return profileRestart == restart ? Optional.ofNullable(profile) : Optional.empty();
    }

    /** The profile probed last, whatever restarts came since (for status views). */
    public synchronized Optional<ModuleProfile> lastProfile() {
        return Optional.ofNullable(profile);
    }

    /** Records the profile probed after restart number {@code restart}. */
    public synchronized void profileProbed(ModuleProfile probed, long restart) {
        profile = probed;
        profileRestart = restart;
    }

    /** Whether the settings identified by {@code key} were written since restart number {@code restart}. */
    public synchronized boolean hasSettings(String key, long restart) {
        return key.equals(settingsKey) && settingsRestart == restart;
    }

    /** Records that the settings {@code key} were written (replacing whatever another mailer wrote). */
    public synchronized void settingsWritten(String key, long restart) {
        settingsKey = key;
        settingsRestart = restart;
    }

    /** Forgets the settings (the sender with them), so the next send writes them again. */
    public synchronized void invalidateSettings() {
        settingsKey = null;
        settingsRestart = -1;
        sender = null;
        senderRestart = -1;
    }

    /** Whether the sender {@code name <address>} was written since restart number {@code restart}. */
    public synchronized boolean hasSender(String name, String address, long restart) {
        return sender != null && sender.equals(name + "\n" + address) && senderRestart == restart;
    }

    /** Records the sender written after restart number {@code restart} (a null name: unknown, written next time). */
    public synchronized void senderWritten(String name, String address, long restart) {
        sender = name == null ? null : name + "\n" + address;
        senderRestart = restart;
    }

    /** Records that PDP context {@code cid} was found or made active (0: none known). */
    public synchronized void contextActive(int cid) {
        activeContext = cid;
    }

    /** The PDP context last found or made active, 0 if none is known. */
    public synchronized int activeContext() {
        return activeContext;
    }

    /** Records a RAM file (or marker) this SDK wrote and has not yet deleted. */
    public synchronized void fileWritten(String file) {
        ourFiles.add(file);
    }

    /** Records a RAM file as deleted. */
    public synchronized void fileDeleted(String file) {
        ourFiles.remove(file);
    }

    /** The RAM files this SDK wrote on this modem and has not seen deleted. */
    public synchronized Set<String> ourFiles() {
        return Set.copyOf(ourFiles);
    }

    /** Records a successful send, or one the server refused for the message's sake: the modem works. */
    public synchronized void modemWorked() {
        consecutiveFailures = 0;
    }

    /** Records a failure; one that is the modem's fault counts towards {@link #consecutiveFailures()}. */
    public synchronized void failed(Uc15Exception failure) {
        lastError = failure.getMessage();
        if (failure.isModemFault()) {
            consecutiveFailures++;
        }
    }

    /** Records a failure outside a send (a raw command, a recovery). */
    public synchronized void error(String message) {
        lastError = message;
    }

    public synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    public synchronized Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** The {@code ATI} lines read once per modem; empty before. */
    public synchronized List<String> identity() {
        return identity;
    }

    public synchronized void identity(List<String> lines) {
        identity = List.copyOf(lines);
    }
}
