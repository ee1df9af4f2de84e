package io.github.uc15mail.internal.mail;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.mail.SendProgressListener;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.mail.SendProgressListener.SubmitGate;
import io.github.uc15mail.module.ModuleProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the steps of one send share: the configuration, the draft, the exchange and the modem's state. */
final class SendContext {

    private static final Logger log = LoggerFactory.getLogger(SendContext.class);

    final SmtpConfig config;
    final EmailDraft draft;
    final StepRunner exchange;
    final ModemState state;
    final SubmitGate gate;
    final RamFiles files;
    final SmtpContent content;
    private final SendProgressListener progress;
    /**
     * Whether this send skips the preflight and the PDP check (the modem is warm: {@link ModemState#isWarm}).
     */
    final boolean warm;
    /** The module's profile, set by the preflight. */
    ModuleProfile profile;
    /** {@link ModemState#coolings()} when this send began. */
    final long coolings;

    SendContext(SmtpConfig config, EmailDraft draft, StepRunner exchange, ModemState state, SubmitGate gate,
            SendProgressListener progress, boolean warm) {
        this.warm = warm;
        this.coolings = state.coolings();
        this.config = config;
        this.draft = draft;
        this.exchange = exchange;
        this.state = state;
        this.gate = gate;
        this.progress = progress;
        this.files = new RamFiles(exchange, state);
        this.content = new SmtpContent(config.busyWait());
    }

    /**
     * A warm send checks this before {@code AT+QSMTPPUT}: a line since it began (seen before the last
     * command's reply) said the SIM, registration or PDP context may be gone.
     */
    void stopIfCooled() {
        if (warm && state.coolings() != coolings) {
            throw new Cooled();
        }
    }

    /** A warm send learnt that the modem may be unwell; it starts over with the full preflight. */
    static final class Cooled extends RuntimeException {
        Cooled() {
            super("the modem reported a lost SIM, registration or PDP context", null, false, false);
        }
    }

    /** The same send on a fresh exchange of the same runner, running the full preflight. */
    SendContext cold() {
        return new SendContext(config, draft, new StepRunner(exchange.runner, exchange::isCancelled), state, gate,
                progress, false);
    }

    void progress(String item, long written, long total) {
        try {
            progress.onBytes(item, written, total);
        } catch (RuntimeException e) {
            log.warn("progress listener threw", e);
        }
    }
}
