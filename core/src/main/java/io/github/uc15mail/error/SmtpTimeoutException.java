package io.github.uc15mail.error;

/** The modem timed out talking to the server (658). The email may or may not have been accepted by the server. */
public class SmtpTimeoutException extends SmtpServiceException {

    public SmtpTimeoutException(String command, int errorCode, int protocolError) {
        super(command, errorCode, protocolError);
    }
}
