package io.github.uc15mail.cli;

import io.github.uc15mail.error.ModemErrorException.CmeErrorException;
import io.github.uc15mail.error.CommandTimeoutException;
import io.github.uc15mail.error.Fault.FaultKind;
import io.github.uc15mail.error.SmtpServiceException.ModemErrorCode;
import io.github.uc15mail.error.ModemErrorException;
import io.github.uc15mail.error.ModemFileException;
import io.github.uc15mail.error.ModemNotReadyException;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.error.SmtpServiceException;
import io.github.uc15mail.error.TransportClosedException;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.module.ModuleProfile.UnsupportedModuleException;

/** Turns the SDK's typed failures into an exit code and one line that says what happened and what to do. */
final class Failures {

    private Failures() {}

    /** The CLI failure for a probe that failed at run time. */
    static CliFailure of(Uc15Exception e, ModemAddress address) {
        return of(e, address, null);
    }

    /** The CLI failure for a send with {@code config} (null for a probe) that failed at run time. */
    static CliFailure of(Uc15Exception e, ModemAddress address, SmtpConfig config) {
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
            return new CliFailure(ExitCodes.REFUSED, "not sent: " + smtp.summary() + ", " + whose(smtp.kind()) + " — "
                    + advice(smtp, config), e);
        }
        if (e instanceof ModemFileException file) {
            return new CliFailure(ExitCodes.REFUSED, "not sent: the modem's file system refused " + commandName(file)
                    + ": " + file.summary() + " — " + file.hint(), e);
        }
        if (e instanceof CommandTimeoutException timeout) {
            return new CliFailure(ExitCodes.REFUSED, "not confirmed: " + timeout.getMessage()
                    + (config == null ? "" : "; " + worstCase(config))
                    + " (the email may have been sent; check before sending again)", e);
        }
        if (e instanceof CmeErrorException || e instanceof ModemErrorException) {
            return new CliFailure(ExitCodes.REFUSED, "the modem refused: " + e.getMessage(), e);
        }
        return new CliFailure(ExitCodes.REFUSED, "not sent: " + e.getMessage(), e);
    }

    /**
     * What {@code --timeout} bounds and what the whole send can take: the modem's SMTP session is given
     * {@code --timeout}, its result is awaited 30 s past that, and before it the send may wait for a module
     * that is starting up and, twice, for a busy SMTP service.
     */
    static String worstCase(SmtpConfig config) {
        long total = config.readyWait().toSeconds() + 2 * config.busyWait().toSeconds()
                + config.sendResultTimeout().toSeconds();
        return "--timeout " + config.sendTimeoutSeconds() + " s is the modem's SMTP session alone; a send can take up to "
                + total + " s in all (" + config.readyWait().toSeconds() + " s for a starting module, 2 x "
                + config.busyWait().toSeconds() + " s for a busy SMTP service, " + config.sendResultTimeout().toSeconds()
                + " s for the result)";
    }

    private static String advice(ModemNotReadyException e) {
        return switch (e.reason()) {
            case SIM_NOT_READY -> " (insert the SIM, or unlock its PIN)";
            case NOT_REGISTERED -> " (check the antenna and the coverage; see 'uc15mail probe')";
            case PDP_NOT_ACTIVE -> " (check --apn and its credentials with your provider)";
            case NO_RESPONSE -> "";
        };
    }

    /** {@code AT+QFUPL} of {@code AT+QFUPL="RAM:a.bin",5,5,1}. */
    private static String commandName(ModemFileException e) {
        String command = String.valueOf(e.command());
        int end = command.indexOf('=');
        return end > 0 ? command.substring(0, end) : command;
    }

    /**
     * What to do about an SMTP service error, by its group. A network error (654) with {@code config} known names
     * the server and port first: a wrong {@code --server-port} is the likelier cause than signal or PDP context.
     */
    static String advice(SmtpServiceException e, SmtpConfig config) {
        if (config != null && e.errorCode() == ModemErrorCode.NETWORK_ERROR.code()) {
            return "the modem could not connect to " + config.host() + ":" + config.port()
                    + ": check --server and --server-port first, then the signal and the PDP context";
        }
        return advice(e);
    }

    /** Whose trouble an SMTP service error is, in words. */
    static String whose(FaultKind kind) {
        return switch (kind) {
            case MESSAGE -> "refused for this message";
            case ACCOUNT -> "refused for the account or its settings";
            case NETWORK -> "a network or server failure";
            case MODEM -> "a failure of the modem";
            case HOST -> "a failure of this host";
            case UNKNOWN_OUTCOME -> "the outcome is unknown";
        };
    }

    /** What to do about an SMTP service error, by its code. */
    static String advice(SmtpServiceException e) {
        return switch (e.errorCode()) {
            case 655, 676, 677 -> "check --user and the password; many providers need an app password";
            case 659, 667, 678, 679, 680, 681 -> "check the recipient addresses";
            case 653 -> "check --server and that the PDP context has DNS (try 'uc15mail probe')";
            case 654, 656, 657 -> "check the signal and the PDP context, then try again";
            case 658 -> "the server or the network is slow; try again or raise --timeout";
            case 652 -> "the modem is still sending an earlier email; try again in a few minutes";
            case 661, 662, 663 -> "attachments too big for the modem's RAM; send fewer or smaller files";
            case 664 -> "the modem rejected a setting; run with --verbose to see which";
            case 665 -> "TLS failed; check --security and --server-port (465 ssl, 587 starttls)";
            default -> "the server refused the email; try again later or ask its operator";
        };
    }
}
