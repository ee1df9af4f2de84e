package io.github.uc15mail.outbox.internal;

import io.github.uc15mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.SendPhase;
import io.github.uc15mail.SendProgressListener;
import io.github.uc15mail.SendReceipt;
import io.github.uc15mail.SubmitGate;
import io.github.uc15mail.at.AtCommands;
import io.github.uc15mail.at.AtSession;
import io.github.uc15mail.internal.mail.SendFlow;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's only contact with a modem: one {@link ModemMailer} under a name. Everything modem-facing
 * the dispatcher needs is here (recover, send with a submit gate, phase times), so that moving to the
 * core's {@code Modem} type later changes this class alone.
 */
public final class ModemLane {

    private static final Logger log = LoggerFactory.getLogger(ModemLane.class);
    private static final Pattern QFLST = Pattern.compile("\\+QFLST:\\s*\"([^\"]*)\"");
    private static final Duration STEP = Duration.ofSeconds(5);

    private final String name;
    private final ModemMailer mailer;
    private final Map<SendPhase, Long> phaseStarts = new EnumMap<>(SendPhase.class);

    public ModemLane(String name, ModemMailer mailer) {
        this.name = name;
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

    /**
     * Brings the modem to a clean state before it takes work, as a crashed predecessor may have left it:
     * answers {@code AT} (the session resynchronises, leaving a data mode), email content cleared
     * ({@code AT+QSMTPCLR}), and the RAM files this SDK marked as its own deleted. Best effort: a failure
     * is logged, and the first send repeats what is needed.
     */
    public void recover() {
        AtSession s = mailer.session();
        boolean answered = false;
        for (int i = 0; i < 3 && !answered; i++) {
            try {
                s.execute(AtCommands.at().withTimeout(Duration.ofSeconds(2))).get(STEP.toMillis(), TimeUnit.MILLISECONDS);
                answered = true;
            } catch (Exception e) {
                log.debug("modem {} did not answer AT yet: {}", name, e.toString());
            }
        }
        if (!answered) {
            log.warn("modem {} does not answer AT; its first send will try again", name);
            return;
        }
        try {
            s.execute(AtCommands.clearContent()).get(STEP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.info("modem {}: clearing the email content failed ({}); the first send clears it", name, e.toString());
        }
        try {
            var listing = s.execute(AtCommands.listFiles("RAM:*")).get(STEP.toMillis(), TimeUnit.MILLISECONDS);
            for (String line : listing.lines()) {
                Matcher m = QFLST.matcher(line);
                if (!m.find()) {
                    continue;
                }
                String file = m.group(1).startsWith("RAM:") ? m.group(1) : "RAM:" + m.group(1);
                if (file.startsWith(SendFlow.MARKER_PREFIX)) {
                    String own = "RAM:" + file.substring(SendFlow.MARKER_PREFIX.length());
                    delete(s, own);
                    delete(s, file);
                }
            }
        } catch (Exception e) {
            log.info("modem {}: listing RAM files failed ({}); the first send cleans up", name, e.toString());
        }
    }

    private void delete(AtSession s, String file) {
        try {
            s.execute(AtCommands.deleteFile(file)).get(STEP.toMillis(), TimeUnit.MILLISECONDS);
            log.info("modem {}: removed {} left by an earlier run", name, file);
        } catch (Exception e) {
            log.debug("modem {}: {} not deleted ({})", name, file, e.toString());
        }
    }

    /** Starts a send through the modem; {@code gate} runs right before {@code AT+QSMTPPUT}. */
    public CompletableFuture<SendReceipt> send(EmailDraft draft, SubmitGate gate) {
        synchronized (phaseStarts) {
            phaseStarts.clear();
        }
        return mailer.sendAsync(draft, gate);
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
