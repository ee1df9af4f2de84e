package io.github.uc15mail.outbox.internal;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.SmsDraft;
import io.github.uc15mail.mail.SmsReceipt;
import io.github.uc15mail.Modem;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.mail.SendProgressListener.SendPhase;
import io.github.uc15mail.mail.SendProgressListener;
import io.github.uc15mail.SendReceipt;
import io.github.uc15mail.mail.SendProgressListener.SubmitGate;
import io.github.uc15mail.error.Uc15Exception;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's only contact with a modem: one {@link ModemMailer} under a name. Everything modem-facing
 * the dispatcher needs is here (recover, send with a submit gate, phase times), so that moving to the
 * core's {@code Modem} type (already used for recovery) changes this class alone.
 */
public final class ModemLane {

    private static final Logger log = LoggerFactory.getLogger(ModemLane.class);
    private static final Duration BUSY_WAIT = Duration.ofSeconds(60);

    private final String name;
    private volatile ModemMailer mailer;
    private final Map<SendPhase, Long> phaseStarts = new EnumMap<>(SendPhase.class);

    public ModemLane(String name, ModemMailer mailer) {
        this.name = name;
        use(mailer);
    }

    private void use(ModemMailer mailer) {
        this.mailer = mailer;
        mailer.addProgressListener(new SendProgressListener() {
            @Override
            public void onPhase(SendPhase phase) {
                synchronized (phaseStarts) {
                    phaseStarts.putIfAbsent(phase, System.nanoTime());
                }
            }
        });
    }

    public String name() {
        return name;
    }

    /** Whether the modem's link is gone (its session closed: the port vanished or failed). */
    public boolean linkLost() {
        return !mailer.session().isOpen();
    }

    /** Takes {@code fresh} in place of the mailer whose link was lost. */
    public void replace(ModemMailer fresh) {
        use(fresh);
    }

    /**
     * Brings the modem to a clean state before it takes work, as a crashed predecessor may have left it:
     * {@link Modem#recover(Duration)} ends a data mode, clears the email content ({@code AT+QSMTPCLR}) and
     * deletes the RAM files this SDK marked as its own. Best effort: a failure is logged, and the first send
     * repeats what is needed.
     */
    public void recover() {
        try {
            List<String> removed = mailer.modem().recover(BUSY_WAIT);
            if (!removed.isEmpty()) {
                log.info("modem {}: removed {} left by an earlier run", name, removed);
            }
        } catch (Uc15Exception e) {
            log.warn("modem {} could not be recovered before taking work ({}); its first send tries again", name,
                    e.getMessage());
        }
    }

    /** Starts a send through the modem; {@code gate} runs right before {@code AT+QSMTPPUT}. */
    public CompletableFuture<SendReceipt> send(EmailDraft draft, SubmitGate gate) {
        synchronized (phaseStarts) {
            phaseStarts.clear();
        }
        return mailer.sendAsync(draft, gate);
    }

    /**
     * Sends an SMS through the modem, on the caller's thread, under the modem's lock (so never between a mail's
     * commands); {@code gate} runs right before the first {@code AT+CMGS}.
     */
    public SmsReceipt sendSms(SmsDraft draft, SubmitGate gate) {
        synchronized (phaseStarts) {
            phaseStarts.clear();
        }
        return mailer.modem().sendSms(draft, gate);
    }

    /** How long each phase of the last send took, as far as it got. */
    public Map<SendPhase, Duration> phaseTimes(SendReceipt receipt) {
        if (receipt != null && !receipt.phaseTimes().isEmpty()) {
            return receipt.phaseTimes();
        }
        Map<SendPhase, Duration> out = new EnumMap<>(SendPhase.class);
        long end = System.nanoTime();
        synchronized (phaseStarts) {
            SendPhase prev = null;
            for (Map.Entry<SendPhase, Long> e : phaseStarts.entrySet()) {
                if (prev != null) {
                    out.put(prev, Duration.ofNanos(e.getValue() - phaseStarts.get(prev)));
                }
                prev = e.getKey();
            }
            if (prev != null) {
                out.put(prev, Duration.ofNanos(end - phaseStarts.get(prev)));
            }
        }
        return out;
    }
}
