package io.github.uc15mail.internal.mail;

import io.github.uc15mail.mail.SendPhase;
import java.util.List;

/**
 * Clears the email content an earlier send left (waiting while it still sends) before this send writes its
 * own, and clears this send's content afterwards.
 */
final class ContentReset implements SendStep {

    @Override
    public SendPhase phase() {
        return SendPhase.CONFIGURE;
    }

    @Override
    public void run(SendContext c) {
        c.content.clearBefore(c.exchange);
    }

    @Override
    public void cleanup(SendContext c, List<RuntimeException> problems) {
        c.content.clearAfter(c.exchange, problems);
    }
}
