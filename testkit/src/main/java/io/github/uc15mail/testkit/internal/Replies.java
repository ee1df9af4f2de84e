package io.github.uc15mail.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How the modem answers: the framing {@code \r\n<line>\r\n}, {@code +CME ERROR} as {@code AT+CMEE} asks,
 * URCs, and the reply faults (garbage, URC noise, silence) from the {@link FaultGate}. While a command runs its
 * output is held and released once the command is recorded, so a test sees the command before its reply.
 * Used on the modem thread only.
 */
public final class Replies {

    /** Where the modem's bytes go ({@link OutputPump#send} in the emulator). */
    @FunctionalInterface
    public interface Sink {
        void send(byte[] bytes, boolean reply);
    }

    private record Held(byte[] bytes, boolean reply) {}

    private final Sink out;
    private final FaultGate gate;
    private final List<Held> held = new ArrayList<>();
    private boolean holding;
    private boolean silent;
    private int cmee = 1;

    public Replies(Sink out, FaultGate gate) {
        this.out = out;
        this.gate = gate;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    public int cmee() {
        return cmee;
    }

    public void cmee(int mode) {
        cmee = mode;
    }

    public boolean silent() {
        return silent;
    }

    /** While silent, echo and replies are swallowed (URCs are not). */
    public void silent(boolean on) {
        silent = on;
    }

    public void hold() {
        holding = true;
    }

    public void release() {
        holding = false;
        for (Held h : held) {
            out.send(h.bytes(), h.reply());
        }
        held.clear();
    }

    private void emit(byte[] b, boolean reply) {
        if (holding) {
            held.add(new Held(b, reply));
        } else {
            out.send(b, reply);
        }
    }

    /** The echo of a command line. */
    public void echo(String raw) {
        if (!silent) {
            emit(bytes(raw + "\r"), false);
        }
    }

    /** Information lines and a final (or {@code CONNECT}) line as one reply. */
    public void reply(List<String> info, String fin) {
        if (silent) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        byte[] garbage = gate.garbageBeforeReply();
        if (garbage != null) {
            sb.append(new String(garbage, StandardCharsets.ISO_8859_1));
        }
        boolean noise = gate.noise();
        if (!info.isEmpty()) {
            sb.append("\r\n");
            for (String line : info) {
                sb.append(line).append("\r\n");
                if (noise) {
                    sb.append(gate.nextNoise());
                }
            }
        }
        if (fin != null) {
            sb.append("\r\n").append(fin).append("\r\n");
            if (noise && !fin.equals("CONNECT")) {
                sb.append(gate.nextNoise());
            }
        }
        emit(bytes(sb.toString()), true);
    }

    public void ok() {
        reply(List.of(), "OK");
    }

    public void ok(String... info) {
        reply(List.of(info), "OK");
    }

    public void lines(List<String> info) {
        reply(info, "OK");
    }

    public void error() {
        reply(List.of(), "ERROR");
    }

    public void connect() {
        reply(List.of(), "CONNECT");
    }

    /** {@code +CME ERROR: code}, or {@code ERROR} under {@code AT+CMEE=0}, or the text under {@code AT+CMEE=2}. */
    public void cme(int code) {
        switch (cmee) {
            case 0 -> reply(List.of(), "ERROR");
            case 2 -> reply(List.of(), "+CME ERROR: " + ErrorTexts.text(code));
            default -> reply(List.of(), "+CME ERROR: " + code);
        }
    }

    /** The {@code > } prompt of {@code AT+CMGS}: no line end follows (held with the command's output). */
    public void prompt() {
        emit(bytes("\r\n> "), true);
    }

    /** An unsolicited result code (held with the command's output when one is running). */
    public void urc(String text) {
        emit(bytes("\r\n" + text + "\r\n"), false);
    }

    /** Bytes written as they are, not held (garbage, ACK bytes, {@code RDY}). */
    public void raw(byte[] b) {
        out.send(b, false);
    }
}
