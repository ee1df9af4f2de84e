package io.github.uc15mail.error;

/** The modem rejected a parameter (664). The SDK validates input first, so this usually means the modem's limits differ from the manual's. */
public class SmtpInvalidParameterException extends SmtpServiceException {

    public SmtpInvalidParameterException(String command, int errorCode, int protocolError) {
        super(command, errorCode, protocolError);
    }
}
