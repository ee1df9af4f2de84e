package io.github.uc15mail.outbox.internal;

import io.github.uc15mail.error.ModemErrorException.CmeErrorException;
import io.github.uc15mail.error.SmtpServiceException.ModemErrorCode;
import io.github.uc15mail.error.ModemErrorException;
import io.github.uc15mail.error.SmtpServiceException;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.error.ModemErrorException.CmsErrorException;
import io.github.uc15mail.error.Fault;
import io.github.uc15mail.error.Fault.FaultKind;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What a failed attempt means for the message, for the modem and for the gateway, decided by the core's
 * {@link Fault#of(Throwable) fault classifier} (the same decision the mailer, its retry policy and the pool make). The outbox
 * adds only what the classifier cannot know: whether the send was stopped on purpose, and whether the
 * submit gate had let {@code AT+QSMTPPUT} through.
 *
 * <ul>
 *   <li>UNKNOWN: {@code AT+QSMTPPUT} was written and no result came (or the failure after it is not one
 *       the modem reported): the server may have the mail.</li>
 *   <li>FAILED: the message itself cannot succeed ({@link FaultKind#MESSAGE}: a 5xx reply to it, a refused
 *       recipient, content or an attachment the modem cannot carry).</li>
 *   <li>PAUSE: the account or the configuration was refused ({@link FaultKind#ACCOUNT}: 535/677, 676,
 *       655, TLS verification 665, 664 to a settings command). Every message would fail the same way:
 *       the message goes back to the queue, its attempt budget untouched, and the gateway stops
 *       submitting until its configuration changes or a slow probe succeeds. Not the modem's fault.</li>
 *   <li>RETRY: try again later. Counts against the modem only when the fault is the modem's
 *       ({@link FaultKind#MODEM}); the network's or server's ({@link FaultKind#NETWORK}) and this host's
 *       ({@link FaultKind#HOST}, a store read error included) count against nobody on the line.</li>
 *   <li>HANDED_BACK: the send was stopped before {@code AT+QSMTPPUT} (shutdown, a lost lease, a pause,
 *       the store unreachable): back to the queue at once, nobody blamed.</li>
 * </ul>
 *
 * @param kind what happens to the message
 * @param fault whose fault it was, or null for a send stopped on purpose
 * @param modemsFault whether the failure counts against the modem
 * @param errorCode the modem's code 651-682, or 0
 * @param meaning the code's meaning, or null
 * @param smtpReply the SMTP reply the modem reported, or 0
 * @param text the failure in one line
 */
public record Verdict(Kind kind, FaultKind fault, boolean modemsFault, int errorCode, String meaning, int smtpReply,
        String text) {

    /** What happens to the message. */
    public enum Kind { RETRY, FAILED, UNKNOWN, HANDED_BACK, PAUSE }

    /** Thrown by the submit gate (or before it) when the send must not go ahead. */
    public static final class GateClosed extends RuntimeException {
        public GateClosed(String why, Throwable cause) {
            super(why, cause);
        }
    }

    /** Classifies {@code failure}; {@code submitted} says whether the gate let {@code AT+QSMTPPUT} through. */
    public static Verdict of(Throwable failure, boolean submitted) {
        Throwable t = unwrap(failure);
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof GateClosed g) {
                return new Verdict(Kind.HANDED_BACK, null, false, 0, null, 0, "stopped before submitting: "
                        + g.getMessage());
            }
        }
        if (t instanceof CancellationException) {
            return new Verdict(Kind.HANDED_BACK, null, false, 0, null, 0,
                    "stopped before submitting: the gateway is stopping");
        }
        Fault f = Fault.of(t);
        String text = f.summary();
        boolean modems = Fault.ofIgnoringOutcome(t).isModemFault();
        if (f.kind() == FaultKind.UNKNOWN_OUTCOME || (submitted && !(t instanceof SmtpServiceException
                || t instanceof ModemErrorException || t instanceof CmeErrorException || t instanceof CmsErrorException))) {
            // After the point of no return, anything the modem did not report as a result is ambiguous.
            return new Verdict(Kind.UNKNOWN, FaultKind.UNKNOWN_OUTCOME, modems, f.errorCode(), meaning(f), f.smtpReply(),
                    text);
        }
        return switch (f.kind()) {
            case ACCOUNT -> new Verdict(Kind.PAUSE, f.kind(), false, f.errorCode(), meaning(f), f.smtpReply(), text);
            case MESSAGE -> new Verdict(f.retryable() ? Kind.RETRY : Kind.FAILED, f.kind(), false, f.errorCode(),
                    meaning(f), f.smtpReply(), text);
            default -> new Verdict(Kind.RETRY, f.kind(), f.isModemFault(), f.errorCode(), meaning(f), f.smtpReply(),
                    text);
        };
    }

    private static String meaning(Fault f) {
        return f.errorCode() >= 651 && f.errorCode() <= 682 ? ModemErrorCode.describe(f.errorCode()) : null;
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        m = m.replace('\r', ' ').replace('\n', ' ');
        return m.length() > 500 ? m.substring(0, 500) : m;
    }
}
