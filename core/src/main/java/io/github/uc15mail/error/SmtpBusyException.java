package io.github.uc15mail.error;

/** The SMTP service is busy with an earlier body upload or send (652); wait for it to end. */
public class SmtpBusyException extends SmtpServiceException {

    public SmtpBusyException(String command, int errorCode, int protocolError) {
        super(command, errorCode, protocolError);
    }
}
