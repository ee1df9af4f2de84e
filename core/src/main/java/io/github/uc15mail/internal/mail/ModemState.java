package io.github.uc15mail.internal.mail;

import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.module.ModuleProfile;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the SDK knows of one modem between operations: which SMTP/SSL settings were written last (and before
 * which restart), the PDP context last seen active, the RAM files of ours that may still be there, and the
 * outcome of recent sends, and the module's profile (probed once, and again after a restart). Shared by every mailer of one {@link io.github.uc15mail.Modem}; thread-safe.
 */
public final class ModemState {

    private String settingsKey;
    private long settingsRestart = -1;
    private int activeContext;
    private final Set<String> ourFiles = new TreeSet<>();
    private int consecutiveFailures;
    private String lastError;
    private ModuleProfile profile;
    private long profileRestart = -1;

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

    /** Forgets the settings, so the next send writes them again. */
    public synchronized void invalidateSettings() {
        settingsKey = null;
        settingsRestart = -1;
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
}
