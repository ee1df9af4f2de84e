package io.github.uc15mail.gateway.internal.smtp;

import io.github.uc15mail.error.InvalidDraftException.DraftViolation;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.error.InvalidDraftException;
import org.subethamail.smtp.RejectException;

/**
 * The front door's refusals as SMTP replies: a basic code from RFC 5321 and an enhanced status code from
 * RFC 3463, with a reason a person can act on. Reply text is one line of at most 400 characters.
 */
public final class SmtpReplies {

    private static final int TEXT_MAX = 400;

    private SmtpReplies() {}

    /** {@code 452 4.5.3}: the 21st recipient (RFC 5321 4.5.3.1.10: the client sends the rest later). */
    public static RejectException tooManyRecipients() {
        return new RejectException(452, "4.5.3 Too many recipients: the modem sends one message to at most "
                + EmailDraft.MAX_RECIPIENTS + "; send the others in another message");
    }

    /** {@code 553 5.1.3}: an address the modem cannot put in {@code AT+QSMTPDST}. */
    public static RejectException badRecipient(String address, String why) {
        return new RejectException(553, line("5.1.3 <" + address + "> cannot be sent to through the modem: " + why));
    }

    /** {@code 552 5.3.4}: more bytes than advertised with {@code SIZE}. */
    public static RejectException tooBig(int max) {
        return new RejectException(552, "5.3.4 Message too big: this gateway takes at most " + max + " bytes");
    }

    /** {@code 554}: content the modem can never carry; 5.3.4 for too many attachments, else 5.6.0. */
    public static RejectException cannotCarry(IllegalArgumentException e) {
        boolean attachments = e instanceof InvalidDraftException d
                && d.violations().stream().map(DraftViolation::field).anyMatch("attachments"::equals);
        String enhanced = attachments ? "5.3.4" : "5.6.0";
        return new RejectException(554, line(enhanced + " The modem cannot send this message: " + e.getMessage()));
    }

    /** {@code 554 5.6.0}: not readable as a MIME message. */
    public static RejectException unreadable(Exception e) {
        return new RejectException(554, line("5.6.0 The message cannot be read as MIME: " + e.getMessage()));
    }

    /** {@code 451 4.3.0}: the message could not be stored now; the client keeps it and tries again. */
    public static RejectException notStored() {
        return new RejectException(451, "4.3.0 The message could not be stored; nothing was kept, try again later");
    }

    /** The success text after {@code 250}. */
    public static String queued(String id) {
        return line("2.0.0 Ok: queued as " + id);
    }

    static String line(String text) {
        String one = text.replaceAll("[\\r\\n]+", " ");
        return one.length() <= TEXT_MAX ? one : one.substring(0, TEXT_MAX - 3) + "...";
    }
}
