package io.github.uc15mail.error;

/** The network failed (654), the server closed the connection (656) or the PDP context went down (657). Often temporary. */
public class SmtpNetworkException extends SmtpServiceException {

    public SmtpNetworkException(String command, int errorCode, int protocolError) {
        super(command, errorCode, protocolError);
    }
}
