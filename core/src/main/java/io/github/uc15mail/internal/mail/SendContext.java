package io.github.uc15mail.internal.mail;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.mail.SendProgressListener;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.mail.SubmitGate;
import io.github.uc15mail.module.ModuleProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the steps of one send share: the configuration, the draft, the exchange and the modem's state. */
final class SendContext {

    private static final Logger log = LoggerFactory.getLogger(SendContext.class);

    final SmtpConfig config;
    final EmailDraft draft;
    final Exchange exchange;
    final ModemState state;
    final SubmitGate gate;
    final RamFiles files;
    final SmtpContent content;
    private final SendProgressListener progress;
    /** The module's profile, set by the preflight. */
    ModuleProfile profile;

    SendContext(SmtpConfig config, EmailDraft draft, Exchange exchange, ModemState state, SubmitGate gate,
            SendProgressListener progress) {
        this.config = config;
        this.draft = draft;
        this.exchange = exchange;
        this.state = state;
        this.gate = gate;
        this.progress = progress;
        this.files = new RamFiles(exchange, state);
        this.content = new SmtpContent(config.busyWait());
    }

    void progress(String item, long written, long total) {
        try {
            progress.onBytes(item, written, total);
        } catch (RuntimeException e) {
            log.warn("progress listener threw", e);
        }
    }
}
