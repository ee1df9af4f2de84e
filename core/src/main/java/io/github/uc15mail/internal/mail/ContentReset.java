package io.github.uc15mail.internal.mail;

import io.github.uc15mail.mail.SendProgressListener.SendPhase;
import java.util.List;

/**
 * The modem's one email content buffer, cleared once per send: afterwards, always (waiting while the modem
 * still sends), so a send leaves the modem clean; before, only when the modem is not warm or the last send's
 * clear is not known to have worked (a crash, a failure, another process), waiting while an earlier send runs.
 */
final class ContentReset implements SendStep {

    @Override
    public SendPhase phase() {
        return SendPhase.CONFIGURE;
    }

    @Override
    public void run(SendContext c) {
        boolean clean = c.warm && c.state.contentCleared();
        c.state.contentInUse();
        if (!clean) {
            c.content.clearBefore(c.exchange);
        }
    }

    @Override
    public void cleanup(SendContext c, List<RuntimeException> problems) {
        int before = problems.size();
        if (c.content.clearAfter(c.exchange, problems) && problems.size() == before) {
            c.state.contentCleared(true);
        }
    }
}
