package io.github.uc15mail.testkit.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The SMS side of the emulated modem (3GPP TS 27.005 in PDU mode): {@code AT+CMGF}, {@code AT+CSCA},
 * {@code AT+CMGS=<length>} whose PDU the engine collects after the {@code > } prompt. Each PDU is read with
 * {@link SmsPduReader}; parts are put together by number and concatenation reference, and a whole SMS is
 * reported once. Answers {@code +CMS ERROR: 331} while registration is lost, {@code 304} for a PDU it cannot
 * read or whose length differs from the one announced, and any code injected for the n-th PDU. Text mode
 * ({@code AT+CMGF=1}) is accepted but {@code AT+CMGS} then answers {@code +CMS ERROR: 303}: not emulated.
 */
public final class SmsService {

    /** A whole SMS: number, text, parts, UCS2, reference (-1 single). */
    public record Whole(String number, String text, int parts, boolean ucs2, int reference) {}

    private final Replies replies;
    private final Network network;
    private final FaultState faults;
    private final Consumer<Whole> completed;
    private final Map<Integer, Integer> failures = new HashMap<>();
    private final Map<String, String[]> pending = new HashMap<>();
    private int mode;
    private int submitted;
    private int messageReference;

    public SmsService(Replies replies, Network network, FaultState faults, Consumer<Whole> completed) {
        this.replies = replies;
        this.network = network;
        this.faults = faults;
        this.completed = completed;
    }

    /** Back to power-on: PDU mode, parts not yet complete forgotten. */
    public void powerOn() {
        mode = 0;
        pending.clear();
    }

    /** The {@code nth} PDU from now (1-based) is answered {@code +CMS ERROR: code} instead of being sent. */
    public void failNth(int nth, int code) {
        failures.put(submitted + nth, code);
    }

    /** Enters the commands; {@code prompt} starts the PDU input of {@code AT+CMGS=<length>}. */
    public void register(CommandTable t, Consumer<Integer> prompt) {
        t.on("CMGF", Form.WRITE, a -> {
            mode = a.intValue(0, 0, 1);
            replies.ok();
        });
        t.on("CMGF", Form.READ, a -> replies.ok("+CMGF: " + mode));
        t.on("CMGF", Form.TEST, a -> replies.ok("+CMGF: (0,1)"));
        t.on("CSCA", Form.READ, a -> replies.ok("+CSCA: \"+491720000000\",145"));
        t.on("CSCA", Form.WRITE, a -> replies.ok());
        t.on("CMGS", Form.TEST, a -> replies.ok());
        t.on("CMGS", Form.WRITE, a -> {
            if (mode != 0) {
                cms(303);
                return;
            }
            prompt.accept(a.intValue(0, 7, 176));
        });
        t.onBadArgs("CMGS", why -> cms(304));
        t.onBadArgs("CMGF", why -> cms(304));
    }

    /** The PDU of {@code AT+CMGS=<length>} came, ended by Ctrl-Z. Answers it. */
    public void submit(int length, String hex) {
        submitted++;
        Integer injected = failures.remove(submitted);
        if (injected != null) {
            faults.count(FaultState.Injected.CMS_ERROR);
            cms(injected);
            return;
        }
        if (!network.registered()) {
            cms(331);
            return;
        }
        SmsPduReader.Pdu pdu;
        try {
            pdu = SmsPduReader.read(hex);
        } catch (IllegalArgumentException e) {
            cms(304);
            return;
        }
        if (pdu.tpduOctets() != length) {
            cms(304);
            return;
        }
        messageReference = (messageReference + 1) & 0xFF;
        replies.ok("+CMGS: " + messageReference);
        if (pdu.total() <= 1) {
            completed.accept(new Whole(pdu.number(), pdu.text(), 1, pdu.ucs2(), -1));
            return;
        }
        String key = pdu.number() + "/" + pdu.reference() + "/" + pdu.total();
        String[] parts = pending.computeIfAbsent(key, k -> new String[pdu.total()]);
        if (pdu.seq() >= 1 && pdu.seq() <= parts.length) {
            parts[pdu.seq() - 1] = pdu.text();
        }
        for (String p : parts) {
            if (p == null) {
                return;
            }
        }
        pending.remove(key);
        completed.accept(new Whole(pdu.number(), String.join("", parts), parts.length, pdu.ucs2(), pdu.reference()));
    }

    /** {@code +CMS ERROR: <code>}, or {@code ERROR} under {@code AT+CMEE=0}. */
    public void cms(int code) {
        if (replies.cmee() == 0) {
            replies.error();
        } else {
            replies.reply(java.util.List.of(), "+CMS ERROR: " + code);
        }
    }
}
