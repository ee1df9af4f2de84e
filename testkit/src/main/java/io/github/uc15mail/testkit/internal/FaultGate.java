package io.github.uc15mail.testkit.internal;

import java.util.List;

/**
 * The one place where armed faults change what the modem does with a command or a reply: it decides, per
 * command, whether it is executed, answered with an error, silenced, turned into a restart or a dropped link;
 * and per reply, which garbage or URC noise goes with it. Every injection is counted in {@link FaultState}.
 */
public final class FaultGate {

    private static final String[] NOISE = {"+CMTI: \"SM\",3", "+QIND: \"csq\",20,99", "+CGREG: 1"};

    /** What happens to one command. */
    public enum Verdict { RUN, ERROR, CME_ERROR, SILENCE, RESET, CLOSE_LINK }

    /** The verdict for a command; {@code code} is the {@code +CME ERROR} code for {@link Verdict#CME_ERROR}. */
    public record Decision(Verdict verdict, int code, boolean silent) {}

    private final FaultState state;
    private int noiseIndex;

    public FaultGate(FaultState state) {
        this.state = state;
    }

    public FaultState state() {
        return state;
    }

    /**
     * Counts {@code cmd} against the armed rules; runs the hooks of those that fire, then decides. A restart or
     * a dropped link wins over an error reply; silence applies together with an error reply.
     */
    public Decision onCommand(String cmd) {
        List<FaultState.Rule> fired = state.matchAll(cmd);
        for (FaultState.Rule r : fired) {
            if (r.action() == FaultState.Action.HOOK) {
                state.count(FaultState.Injected.HOOK);
                r.hook().run();
            }
        }
        boolean silent = false;
        FaultState.Rule err = null;
        for (FaultState.Rule r : fired) {
            switch (r.action()) {
                case RESET -> {
                    state.count(FaultState.Injected.RESET);
                    return new Decision(Verdict.RESET, 0, false);
                }
                case CLOSE_LINK -> {
                    state.count(FaultState.Injected.CLOSE_LINK);
                    return new Decision(Verdict.CLOSE_LINK, 0, false);
                }
                case SILENCE -> silent = true;
                case ERROR, CME_ERROR -> err = err == null ? r : err;
                default -> { }
            }
        }
        if (silent) {
            state.count(FaultState.Injected.SILENCE);
        }
        if (err != null) {
            boolean cme = err.action() == FaultState.Action.CME_ERROR;
            state.count(cme ? FaultState.Injected.CME_ERROR : FaultState.Injected.ERROR);
            return new Decision(cme ? Verdict.CME_ERROR : Verdict.ERROR, err.code(), silent);
        }
        return new Decision(silent ? Verdict.SILENCE : Verdict.RUN, 0, silent);
    }

    /** Garbage armed to go before the next reply (then disarmed), or null. */
    public byte[] garbageBeforeReply() {
        byte[] g = state.takeGarbageBeforeReply();
        if (g != null) {
            state.count(FaultState.Injected.GARBAGE);
        }
        return g;
    }

    /** Whether URC noise goes with replies now. */
    public boolean noise() {
        return state.urcNoise();
    }

    /** The next noise URC, framed. */
    public String nextNoise() {
        state.count(FaultState.Injected.URC_NOISE);
        String n = NOISE[noiseIndex % NOISE.length];
        noiseIndex++;
        return "\r\n" + n + "\r\n";
    }

    /** Garbage written at once on the test's request. */
    public void countGarbage() {
        state.count(FaultState.Injected.GARBAGE);
    }
}
