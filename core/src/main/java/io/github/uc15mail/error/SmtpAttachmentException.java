package io.github.uc15mail.error;

/** An attachment could not be opened, fit in memory or be saved (661-663). */
public class SmtpAttachmentException extends SmtpServiceException {

    public SmtpAttachmentException(String command, int errorCode, int protocolError) {
        super(command, errorCode, protocolError);
    }
}
