package io.github.uc15mail.outbox.internal;

import io.github.uc15mail.error.CmeErrorException;
import io.github.uc15mail.error.ErrorCategory;
import io.github.uc15mail.error.ModemErrorCode;
import io.github.uc15mail.error.ModemErrorException;
import io.github.uc15mail.error.SmtpServiceException;
import io.github.uc15mail.error.Uc15Exception;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What a failed attempt means for the message and for the modem.
 *
 * <ul>
 *   <li>UNKNOWN: {@code AT+QSMTPPUT} was written and no result came (or the failure after it is not one
 *       the modem reported): the server may have the mail.</li>
 *   <li>FAILED: the message itself cannot succeed (a 5xx reply, a refused recipient, an attachment the
 *       modem cannot hold); the modem is not blamed.</li>
 *   <li>RETRY: try again later. Blamed on the modem when the failure is its own (registration, timeouts,
 *       lost link, network 654/656/657, DNS/TLS/authentication of its connection); on nobody for a
 *       server's temporary reply (4xx).</li>
 *   <li>HANDED_BACK: the send was stopped before {@code AT+QSMTPPUT} (shutdown, a lost lease, the store
 *       unreachable at the submit point): back to the queue at once, nobody blamed.</li>
 * </ul>
 *
 * @param kind what happens to the message
 * @param modemsFault whether the failure counts against the modem
 * @param errorCode the modem's code 651-682, or 0
 * @param meaning the code's meaning, or null
 * @param smtpReply the SMTP reply the modem reported, or 0
 * @param text the failure in one line
 */
public record Verdict(Kind kind, boolean modemsFault, int errorCode, String meaning, int smtpReply, String text) {

    /** What happens to the message. */
    public enum Kind { RETRY, FAILED, UNKNOWN, HANDED_BACK }

    /** Thrown by the submit gate when the send must not go ahead. */
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
                return new Verdict(Kind.HANDED_BACK, false, 0, null, 0, "stopped before submitting: " + g.getMessage());
            }
        }
        if (t instanceof CancellationException) {
            return new Verdict(Kind.HANDED_BACK, false, 0, null, 0, "stopped before submitting: the gateway is stopping");
        }
        String text = oneLine(t);
        if (t instanceof Uc15Exception u && u.isOutcomeUnknown()) {
            return new Verdict(Kind.UNKNOWN, true, code(u), meaning(u), reply(u), text);
        }
        if (submitted && !(t instanceof SmtpServiceException || t instanceof ModemErrorException
                || t instanceof CmeErrorException)) {
            // After the point of no return, anything the modem did not report as a result is ambiguous.
            return new Verdict(Kind.UNKNOWN, true, 0, null, 0, text);
        }
        if (t instanceof SmtpServiceException s) {
            int code = s.errorCode();
            ErrorCategory cat = s.category();
            boolean retryable = s.isRetryable();
            boolean messages = cat == ErrorCategory.RECIPIENT || cat == ErrorCategory.NO_RECIPIENT
                    || cat == ErrorCategory.ATTACHMENT || cat == ErrorCategory.INVALID_PARAMETER
                    || cat == ErrorCategory.SEND_FAILED;
            if (messages) {
                return new Verdict(retryable ? Kind.RETRY : Kind.FAILED, false, code, meaning(s), s.protocolError(), text);
            }
            return new Verdict(Kind.RETRY, true, code, meaning(s), s.protocolError(), text);
        }
        if (t instanceof IllegalArgumentException) {
            return new Verdict(Kind.FAILED, false, 0, null, 0, text);
        }
        return new Verdict(Kind.RETRY, true, 0, null, 0, text);
    }

    private static int code(Uc15Exception u) {
        return u instanceof SmtpServiceException s ? s.errorCode() : 0;
    }

    private static int reply(Uc15Exception u) {
        return u instanceof SmtpServiceException s ? s.protocolError() : 0;
    }

    private static String meaning(Uc15Exception u) {
        return u instanceof SmtpServiceException s ? ModemErrorCode.describe(s.errorCode()) : null;
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
