package io.github.uc15mail.testkit.internal;

/**
 * The SIM and the network registration. Registration can be lost for a while (an outage) and comes back;
 * the report modes of {@code AT+CREG}/{@code AT+CGREG} decide whether the change is announced by URC.
 */
public final class Network {

    private final boolean simReady;
    private final boolean registeredAtPowerOn;
    private boolean lost;
    private boolean simRemoved;
    private int cregMode;
    private int cgregMode;

    public Network(boolean simReady, boolean registeredAtPowerOn) {
        this.simReady = simReady;
        this.registeredAtPowerOn = registeredAtPowerOn;
    }

    /** Back to power-on: report modes 0; an outage in progress goes on (it is the network's, not the module's). */
    public void powerOn() {
        cregMode = 0;
        cgregMode = 0;
    }

    public boolean simReady() {
        return simReady && !simRemoved;
    }

    /** The SIM is taken out (it stays out through power cycles). */
    public void removeSim() {
        simRemoved = true;
    }

    public boolean registered() {
        return simReady() && registeredAtPowerOn && !lost;
    }

    /** {@code <stat>} of {@code +CGREG}/{@code +CREG}: 1 registered, 2 searching, 0 not searching (no SIM). */
    public int stat() {
        return registered() ? 1 : simReady() ? 2 : 0;
    }

    /** Registration lost. Returns the URC to announce it, or null when the report mode is 0. */
    public String lose() {
        lost = true;
        return cgregMode > 0 ? "+CGREG: " + stat() : null;
    }

    /** Registration back (when it was there at power-on). Returns the URC to announce it, or null. */
    public String regain() {
        lost = false;
        return cgregMode > 0 ? "+CGREG: " + stat() : null;
    }

    public boolean inOutage() {
        return lost;
    }

    /** The report mode of {@code name} ({@code "CREG"} or {@code "CGREG"}). */
    public int mode(String name) {
        return name.equals("CREG") ? cregMode : cgregMode;
    }

    public void mode(String name, int mode) {
        if (mode < 0 || mode > 2) {
            throw new IllegalArgumentException("mode 0-2");
        }
        if (name.equals("CREG")) {
            cregMode = mode;
        } else {
            cgregMode = mode;
        }
    }
}
