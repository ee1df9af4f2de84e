package io.github.uc15mail.error;

import io.github.uc15mail.error.ModemErrorException.CmsErrorException;
import io.github.uc15mail.error.ModemErrorException.CmeErrorException;
import io.github.uc15mail.error.SmtpServiceException.ModemErrorCode;
import io.github.uc15mail.error.Fault.FaultKind;
import io.github.uc15mail.error.ModemFileException.AttachmentRefusedException;
import io.github.uc15mail.error.ModemFileException.ModemFileError;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one decision of whose trouble a failure is ({@link FaultKind}) and whether trying the same send again
 * later can help. {@link Uc15Exception#isModemFault()} and {@link Uc15Exception#isRetryable()} answer from
 * here, and so do the mailer's {@link io.github.uc15mail.mail.RetryPolicy}, a pool's choice of modem and the outbox.
 *
 * <p>The order of the questions: an outcome that is unknown (after {@code AT+QSMTPPUT}) wins over everything
 * else; then the modem's SMTP error code with the server's reply; then the kind of exception. Wrappers
 * ({@link CompletionException}, {@link ExecutionException}) are looked through. It never throws and never
 * returns null.
 *
 * <p>Package-private: users ask {@link Fault#of(Throwable)}, {@link Uc15Exception#isModemFault()} or
 * {@link SmtpServiceException#fault()}.
 *
 * <p>It does not know the caller's context: whether a send was stopped on purpose (a shutdown, a lost lease)
 * is for the caller to decide before asking.
 */
final class FaultClassifier {

    private static final int MAX_SUMMARY = 500;

    private FaultClassifier() {
    }

    /** Classifies {@code failure}; null is taken as a failure of this host with no detail. */
    static Fault classify(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t == null) {
            return new Fault(FaultKind.HOST, true, 0, 0, "unknown failure");
        }
        if (t instanceof Uc15Exception u && u.isOutcomeUnknown()) {
            Fault cause = classifyIgnoringOutcome(t);
            return new Fault(FaultKind.UNKNOWN_OUTCOME, false, cause.errorCode(), cause.smtpReply(), cause.summary());
        }
        return classifyIgnoringOutcome(t);
    }

    /**
     * What the failure itself says, as if no {@code AT+QSMTPPUT} had been given: a timeout after the submit
     * is still the modem's trouble, though its outcome is unknown. For counting faults against a modem; never
     * for deciding whether to send again (use {@link #classify}).
     */
    static Fault classifyIgnoringOutcome(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t == null) {
            return new Fault(FaultKind.HOST, true, 0, 0, "unknown failure");
        }
        String summary = oneLine(t);
        if (t instanceof SmtpServiceException s) {
            Fault byCode = classifyCode(s.errorCode(), s.protocolError(), s.command());
            return new Fault(byCode.kind(), byCode.retryable(), byCode.errorCode(), byCode.smtpReply(), summary);
        }
        if (t instanceof ModemFileException f) {
            boolean tooLarge = f.fileError() == ModemFileError.FILE_TOO_LARGE;
            return new Fault(tooLarge ? FaultKind.MESSAGE : FaultKind.MODEM, !tooLarge && f.fileError().isRetryable(),
                    f.code(), 0, summary);
        }
        if (t instanceof CmsErrorException cms) {
            Fault byCode = classifyCmsCode(cms.code());
            return new Fault(byCode.kind(), byCode.retryable(), byCode.errorCode(), 0, summary);
        }
        if (t instanceof CmeErrorException c) {
            return new Fault(FaultKind.MODEM, false, Math.max(c.code(), 0), 0, summary);
        }
        if (t instanceof ModemNotReadyException n) {
            return new Fault(FaultKind.MODEM, n.waitingMayHelp(), 0, 0, summary);
        }
        if (t instanceof CommandTimeoutException || t instanceof ModemRestartedException) {
            return new Fault(FaultKind.MODEM, true, 0, 0, summary);
        }
        if (t instanceof TransportClosedException || t instanceof ModemErrorException) {
            return new Fault(FaultKind.MODEM, false, 0, 0, summary);
        }
        if (t instanceof AttachmentRefusedException a) {
            boolean never = a.reason() == AttachmentRefusedException.Reason.TOO_BIG_FOR_RAM;
            return new Fault(never ? FaultKind.MESSAGE : FaultKind.MODEM, false, 0, 0, summary);
        }
        if (t instanceof Uc15Exception u && u.declaredKind() != null) {
            return new Fault(u.declaredKind(), false, 0, 0, summary); // e.g. an unsupported module: MODEM
        }
        if (t instanceof IllegalArgumentException) {
            return new Fault(FaultKind.MESSAGE, false, 0, 0, summary);
        }
        return new Fault(FaultKind.HOST, !(t instanceof Uc15Exception), 0, 0, summary);
    }

    /**
     * Classifies an SMTP service error code of the modem (651-682, or another number the modem reported)
     * with the server's reply, as {@code +CME ERROR: <err>} to {@code command} or as
     * {@code +QSMTPPUT: <err>,<reply>}. A code outside the known table is the modem's, not retryable.
     *
     * @param command the command that failed, or null when unknown; 664 to a settings command
     *     ({@code AT+QSMTPCFG}, {@code AT+QICSGP}, {@code AT+QSSLCFG}) is a configuration fault
     */
    static Fault classifyCode(int errorCode, int smtpReply, String command) {
        String summary = errorCode + " " + ModemErrorCode.describe(errorCode)
                + (smtpReply != 0 ? " (SMTP " + smtpReply + ")" : "");
        return switch (errorCode) {
            case 652, 657 -> new Fault(FaultKind.MODEM, true, errorCode, smtpReply, summary);
            case 651, 661, 662, 663 -> new Fault(FaultKind.MODEM, false, errorCode, smtpReply, summary);
            case 653 -> new Fault(FaultKind.NETWORK, false, errorCode, smtpReply, summary);
            case 654, 656, 658, 660, 666, 667, 668, 669 ->
                    new Fault(FaultKind.NETWORK, true, errorCode, smtpReply, summary);
            case 655, 665, 676, 677 -> new Fault(FaultKind.ACCOUNT, false, errorCode, smtpReply, summary);
            case 664 -> new Fault(isSettingsCommand(command) ? FaultKind.ACCOUNT : FaultKind.MESSAGE, false,
                    errorCode, smtpReply, summary);
            case 659, 670, 671, 672, 673, 674, 675, 678, 679, 680, 681, 682 ->
                    new Fault(FaultKind.MESSAGE, false, errorCode, smtpReply, summary);
            default -> byReplyAlone(errorCode, smtpReply, summary);
        };
    }

    /**
     * Classifies a {@code +CMS ERROR: <code>} of an SMS command (3GPP TS 27.005, 3.2.5, and the relay causes
     * 0-255 a module passes through): the network's temporary trouble (331 no network service, 332 network
     * timeout, 38/41/42/47) is {@link FaultKind#NETWORK}, retryable; a refusal of this message or number (304/305
     * invalid PDU or text parameter, 1 unassigned number, 21 transfer rejected, 128-255 TP failure causes …) is
     * {@link FaultKind#MESSAGE}; the rest is {@link FaultKind#MODEM}, retryable for 300, 314, 320 and 500.
     */
    static Fault classifyCmsCode(int code) {
        return new Fault(io.github.uc15mail.error.CmsCodes.kind(code),
                io.github.uc15mail.error.CmsCodes.retryable(code), Math.max(code, 0), 0,
                "+CMS ERROR: " + code + " " + io.github.uc15mail.error.CmsCodes.describe(code));
    }

    /** A code the SDK does not know: the server's reply still tells a refused account or a temporary refusal. */
    private static Fault byReplyAlone(int errorCode, int smtpReply, String summary) {
        if (smtpReply == 530 || smtpReply == 534 || smtpReply == 535) {
            return new Fault(FaultKind.ACCOUNT, false, errorCode, smtpReply, summary);
        }
        if (smtpReply >= 400 && smtpReply < 500) {
            return new Fault(FaultKind.NETWORK, true, errorCode, smtpReply, summary);
        }
        if (smtpReply >= 500 && smtpReply < 600) {
            return new Fault(FaultKind.MESSAGE, false, errorCode, smtpReply, summary);
        }
        return new Fault(FaultKind.MODEM, false, errorCode, smtpReply, summary);
    }

    private static boolean isSettingsCommand(String command) {
        return command != null && (command.startsWith("AT+QSMTPCFG") || command.startsWith("AT+QICSGP")
                || command.startsWith("AT+QSSLCFG"));
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String oneLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        m = m.replace('\r', ' ').replace('\n', ' ');
        return m.length() > MAX_SUMMARY ? m.substring(0, MAX_SUMMARY) : m;
    }
}
