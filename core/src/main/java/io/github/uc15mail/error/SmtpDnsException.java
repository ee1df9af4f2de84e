package io.github.uc15mail.error;

/** The SMTP server name did not resolve (653): check the host name and that the PDP context is active. */
public class SmtpDnsException extends SmtpServiceException {

    public SmtpDnsException(String command, int errorCode, int protocolError) {
        super(command, errorCode, protocolError);
    }
}
