package io.github.uc15mail.testkit.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * PDP contexts 1-16: their {@code AT+QICSGP} configuration and which are active. At most three are active at
 * once (as on the UC15). Activation needs network registration, which the caller passes in.
 */
public final class PdpService {

    /** One context's {@code AT+QICSGP} configuration. */
    public record Config(int type, String apn, String user, String password, int auth) {
        static final Config DEFAULT = new Config(1, "", "", "", 0);
    }

    public static final int MAX_ACTIVE = 3;

    private final Map<Integer, Config> configs = new TreeMap<>();
    private final TreeSet<Integer> active = new TreeSet<>();

    /** Power-on: no configuration, nothing active. */
    public void reset() {
        configs.clear();
        active.clear();
    }

    public Config config(int cid) {
        return configs.getOrDefault(cid, Config.DEFAULT);
    }

    public void configure(int cid, Config c) {
        configs.put(cid, c);
    }

    /** Activates {@code cid}; false (nothing changes) when not registered, already active, or three are active. */
    public boolean activate(int cid, boolean registered) {
        if (!registered || active.contains(cid) || active.size() >= MAX_ACTIVE) {
            return false;
        }
        active.add(cid);
        return true;
    }

    public void deactivate(int cid) {
        active.remove(cid);
    }

    /** The network drops {@code cid}; true when it was active (a {@code "pdpdeact"} URC is due). */
    public boolean dropByNetwork(int cid) {
        return active.remove(cid);
    }

    public boolean isActive(int cid) {
        return active.contains(cid);
    }

    /** Active context ids, ascending (a copy). */
    public TreeSet<Integer> active() {
        return new TreeSet<>(active);
    }
}
