package io.github.uc15mail.internal.mail;

import io.github.uc15mail.SendPhase;
import java.util.List;

/**
 * Clears the email content an earlier send left (waiting while it still sends) before this send writes its
 * own; afterwards clears it again only when the send failed (a failed send leaves the modem clean) or when
 * attachments were uploaded (their files may be deleted only once the service is idle). A successful send
 * without attachments leaves its content for the next send's clear: one {@code AT+QSMTPCLR} per send.
 */
final class ContentReset implements SendStep {

    @Override
    public SendPhase phase() {
        return SendPhase.CONFIGURE;
    }

    @Override
    public void run(SendContext c) {
        c.content.clearBefore(c.exchange);
        c.stopIfCooled();
    }

    @Override
    public void cleanup(SendContext c, List<RuntimeException> problems) {
        if (c.failed || c.files.uploadedAny()) {
            c.content.clearAfter(c.exchange, problems);
        }
    }
}
