package io.github.uc15mail.error;

/** The server refused a recipient or mailbox (667, 678-681), or the email had none (659). */
public class SmtpRecipientException extends SmtpServiceException {

    public SmtpRecipientException(String command, int errorCode, int protocolError) {
        super(command, errorCode, protocolError);
    }
}
