package io.github.uc15mail.cli;

import io.github.uc15mail.CmeErrorException;
import io.github.uc15mail.CommandTimeoutException;
import io.github.uc15mail.ModemErrorException;
import io.github.uc15mail.ModemNotReadyException;
import io.github.uc15mail.SmtpServiceException;
import io.github.uc15mail.TransportClosedException;
import io.github.uc15mail.Uc15Exception;
import io.github.uc15mail.UnsupportedModuleException;

/** Turns the SDK's typed failures into an exit code and one line that says what happened and what to do. */
final class Failures {

    private Failures() {}

    /** The CLI failure for a send (or probe) that failed at run time. */
    static CliFailure of(Uc15Exception e, ModemAddress address) {
        if (e instanceof TransportClosedException) {
            return new CliFailure(ExitCodes.MODEM_UNREACHABLE, "lost the link to the modem on " + address + ": "
                    + e.getMessage(), e);
        }
        if (e instanceof ModemNotReadyException notReady) {
            if (notReady.reason() == ModemNotReadyException.Reason.NO_RESPONSE) {
                return new CliFailure(ExitCodes.MODEM_UNREACHABLE, "the modem on " + address + " stopped answering: "
                        + e.getMessage(), e);
            }
            return new CliFailure(ExitCodes.REFUSED, "the modem is not ready: " + e.getMessage() + advice(notReady), e);
        }
        if (e instanceof UnsupportedModuleException) {
            // Its message is already the one line that names the module and what it lacks.
            return new CliFailure(ExitCodes.REFUSED, e.getMessage(), e);
        }
        if (e instanceof SmtpServiceException smtp) {
            return new CliFailure(ExitCodes.REFUSED, "not sent: " + smtp.summary() + " — " + advice(smtp), e);
        }
        if (e instanceof CommandTimeoutException timeout) {
            return new CliFailure(ExitCodes.REFUSED, "not confirmed: " + timeout.getMessage()
                    + " (the email may have been sent; check before sending again)", e);
        }
        if (e instanceof CmeErrorException || e instanceof ModemErrorException) {
            return new CliFailure(ExitCodes.REFUSED, "the modem refused: " + e.getMessage(), e);
        }
        return new CliFailure(ExitCodes.REFUSED, "not sent: " + e.getMessage(), e);
    }

    private static String advice(ModemNotReadyException e) {
        return switch (e.reason()) {
            case SIM_NOT_READY -> " (insert the SIM, or unlock its PIN)";
            case NOT_REGISTERED -> " (check the antenna and the coverage; see 'uc15mail probe')";
            case PDP_NOT_ACTIVE -> " (check --apn and its credentials with your provider)";
            case NO_RESPONSE -> "";
        };
    }

    /** What to do about an SMTP service error, by its group. */
    static String advice(SmtpServiceException e) {
        return switch (e.category()) {
            case AUTHENTICATION -> "check --user and the password; many providers need an app password";
            case RECIPIENT, NO_RECIPIENT -> "check the recipient addresses";
            case DNS -> "check --server and that the PDP context has DNS (try 'uc15mail probe')";
            case NETWORK -> "check the signal and the PDP context, then try again";
            case TIMEOUT -> "the server or the network is slow; try again or raise --timeout";
            case BUSY -> "the modem is still sending an earlier email; try again in a few minutes";
            case ATTACHMENT -> "attachments too big for the modem's RAM; send fewer or smaller files";
            case INVALID_PARAMETER -> "the modem rejected a setting; run with --verbose to see which";
            case TLS -> "TLS failed; check --security and --server-port (465 ssl, 587 starttls)";
            case SEND_FAILED, UNKNOWN -> "the server refused the email; try again later or ask its operator";
        };
    }
}
