package io.github.uc15mail.internal.mail;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.error.ModemRestartedException;
import io.github.uc15mail.mail.SendProgressListener;
import io.github.uc15mail.mail.SendProgressListener.SendPhase;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.mail.SendProgressListener.SubmitGate;
import io.github.uc15mail.at.AtSession;
import io.github.uc15mail.module.ModuleProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The entry points of the mail engine for {@link io.github.uc15mail.ModemMailer} and {@link io.github.uc15mail.Modem}. */
public final class Sends {

    private Sends() {}

    /**
     * What a successful send reports: recipients, the server's reply code in {@code +QSMTPPUT: 0,<code>},
     * the time of each phase.
     */
    public record Sent(int recipients, int protocolError, Map<SendPhase, Duration> phaseTimes) {
        public Sent {
            phaseTimes = Map.copyOf(phaseTimes);
        }
    }

    /** Whether {@code e} is the signal that the caller cancelled the send (thrown at a safe point). */
    public static boolean isCancellation(RuntimeException e) {
        return e instanceof StepRunner.Cancelled;
    }

    /**
     * One send of {@code draft} on {@code session}; the caller holds the modem's lock. Throws the typed
     * failure after cleaning up, or the cancellation signal ({@link #isCancellation}).
     */
    public static Sent send(SmtpConfig config, EmailDraft draft, AtSession session, ModemState state,
            SendProgressListener progress, BooleanSupplier cancelled, SubmitGate gate) {
        StepRunner exchange = new StepRunner(new SessionRunner(session, config), cancelled);
        boolean warm = state.isWarm(exchange.restartCount(), session.options().fullPreflightAfter());
        SendContext c = new SendContext(config, draft, exchange, state, gate == null ? SubmitGate.OPEN : gate, progress,
                warm);
        return new SendFlow(c, progress).send();
    }

    /** The AT script a send of {@code draft} would write to a fresh, ready modem (secrets masked). */
    public static List<String> plan(SmtpConfig config, EmailDraft draft) {
        PlanningRunner paper = new PlanningRunner();
        StepRunner exchange = new StepRunner(paper, () -> false);
        SendProgressListener quiet = new SendProgressListener() {};
        new SendFlow(new SendContext(config, draft, exchange, new ModemState(), SubmitGate.OPEN, quiet, false), quiet).send();
        return paper.script();
    }

    /**
     * The profile of the module on {@code session}: the one {@code state} holds since the last restart, or a
     * new probe (see {@link ModuleCheck}). The caller holds the modem's lock.
     *
     * @throws io.github.uc15mail.module.ModuleProfile.UnsupportedModuleException when the module cannot send the way uc15mail drives it
     */
    public static ModuleProfile profile(AtSession session, ModemState state, boolean sslWanted) {
        StepRunner x = new StepRunner(new SessionRunner(session, null), () -> false);
        return ModuleCheck.ensure(x, state, sslWanted);
    }

    /**
     * What a program does on start after a crash, on a modem nobody else uses: syncs (ending a data mode left
     * open), clears the email content (waiting up to {@code busyWait} while an earlier send still runs), and
     * deletes the RAM files this SDK left (marked) with their markers. The caller holds the modem's lock.
     *
     * @return the files deleted
     */
    public static List<String> recover(AtSession session, ModemState state, Duration busyWait) {
        for (int attempt = 1; ; attempt++) {
            StepRunner x = new StepRunner(new SessionRunner(session, null), () -> false);
            try {
                Preflight.sync(x);
                new SmtpContent(busyWait).clearBefore(x);
                List<String> deleted = new RamFiles(x, state).removeLeftovers();
                state.invalidateSettings();
                state.cool();
                return deleted;
            } catch (ModemRestartedException e) {
                state.invalidateSettings();
                state.cool();
                if (attempt > Preflight.RESTARTS) {
                    throw e;
                }
            }
        }
    }

}
