package io.github.uc15mail.internal.mail;

import io.github.uc15mail.error.ModemErrorException.CmeErrorException;
import io.github.uc15mail.error.ModemErrorException;
import io.github.uc15mail.mail.SendProgressListener.SendPhase;
import io.github.uc15mail.error.SmtpServiceException;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.at.Commands;
import io.github.uc15mail.at.AtResponse;
import io.github.uc15mail.at.Urc;

/**
 * Calls the {@link io.github.uc15mail.mail.SendProgressListener.SubmitGate}, writes {@code AT+QSMTPPUT} and waits for its result URC.
 * Records whether the command was written and not refused ({@link #submitted()}): a failure after that with
 * no result hides the outcome.
 */
final class Submit implements SendStep {

    private boolean submitted;
    private Replies.PutResult result;

    @Override
    public SendPhase phase() {
        return SendPhase.SMTP;
    }

    /** {@code AT+QSMTPPUT} was written and the modem did not refuse it. */
    boolean submitted() {
        return submitted;
    }

    /** The result URC, if it came. */
    Replies.PutResult result() {
        return result;
    }

    @Override
    public void run(SendContext c) {
        StepRunner x = c.exchange;
        x.checkCancelled();
        x.checkRestart();
        c.stopIfCooled();
        try {
            c.gate.beforeSubmit();
        } catch (Uc15Exception e) {
            throw e;
        } catch (RuntimeException e) {
            throw new Uc15Exception("the send was stopped before AT+QSMTPPUT: " + e.getMessage(), e);
        }
        try (CommandRunner.SendResultWait wait = x.runner.expectSendResult()) {
            // Not x.run(): a restart noticed after the OK must not hide that the modem accepted the send
            // (the wait reports it, and such a failure's outcome is unknown).
            AtResponse ok;
            submitted = true;
            try {
                ok = x.runner.run(Commands.send(c.config.sendTimeoutSeconds()));
            } catch (ModemErrorException | CmeErrorException | SmtpServiceException refused) {
                submitted = false; // the modem answered ERROR: it will not send
                throw refused;
            }
            Urc urc = wait.await(ok, c.config.sendResultTimeout());
            result = Replies.putResult(urc.line());
        }
    }
}
