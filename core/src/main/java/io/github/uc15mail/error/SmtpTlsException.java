package io.github.uc15mail.error;

/** TLS negotiation or certificate verification failed (665): check the security level, TLS version and CA certificate. */
public class SmtpTlsException extends SmtpServiceException {

    public SmtpTlsException(String command, int errorCode, int protocolError) {
        super(command, errorCode, protocolError);
    }
}
