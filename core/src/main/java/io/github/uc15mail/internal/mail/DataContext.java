package io.github.uc15mail.internal.mail;

import io.github.uc15mail.error.ModemErrorException.CmeErrorException;
import io.github.uc15mail.error.CommandTimeoutException;
import io.github.uc15mail.error.ModemErrorException;
import io.github.uc15mail.error.ModemNotReadyException;
import io.github.uc15mail.error.ModemNotReadyException.Reason;
import io.github.uc15mail.mail.SendProgressListener.SendPhase;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.error.SmtpServiceException;
import io.github.uc15mail.at.Commands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the PDP context the SMTP service uses is active: configures it with the APN when one is set,
 * activates it, and deactivates and activates once more a context the network dropped. Left active after
 * the send (the manual deactivates only after long idleness).
 */
final class DataContext implements SendStep {

    private static final Logger log = LoggerFactory.getLogger(DataContext.class);

    @Override
    public SendPhase phase() {
        return SendPhase.NETWORK;
    }

    @Override
    public void run(SendContext c) {
        SmtpConfig config = c.config;
        StepRunner x = c.exchange;
        int cid = config.contextId();
        if (c.warm && c.state.activeContext() == cid) {
            return; // the last send used it a moment ago; a drop since would have cooled the modem (URC)
        }
        try {
            if (x.query(Replies.activeContexts()).stream().anyMatch(p -> p.id() == cid && p.active())) {
                c.state.contextActive(cid);
                return;
            }
            c.state.contextActive(0);
            config.apn().ifPresent(apn -> x.run(Commands.configureContext(cid, 1, apn.name(), apn.user(),
                    apn.password(), apn.authentication().ordinal())));
            try {
                x.run(Commands.activateContext(cid));
            } catch (ModemErrorException | CmeErrorException | SmtpServiceException e) {
                // A context the network dropped (+QIURC: "pdpdeact") must be deactivated before it can be
                // activated again (manual 1.4.2 and 1.4.4): deactivate, whatever that answers, and try once more.
                log.info("activating PDP context {} failed ({}); deactivating it and trying again", cid, e.getMessage());
                try {
                    x.run(Commands.deactivateContext(cid));
                } catch (ModemErrorException | CmeErrorException | SmtpServiceException ignored) {
                    log.debug("deactivating PDP context {} answered {}", cid, ignored.getMessage());
                }
                x.run(Commands.activateContext(cid));
            }
            c.state.contextActive(cid);
        } catch (ModemErrorException | CmeErrorException | SmtpServiceException | CommandTimeoutException e) {
            throw new ModemNotReadyException(Reason.PDP_NOT_ACTIVE, "could not activate PDP context " + cid
                    + (config.apn().isPresent() ? "" : " (no APN configured)") + ": " + e.getMessage(), e);
        }
    }
}
