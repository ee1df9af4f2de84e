package io.github.uc15mail.error;

/** Authentication failed or is not supported: 655, 676, 677. Fix the account user or password (many providers need an app password); retrying will not help. */
public class SmtpAuthenticationException extends SmtpServiceException {

    public SmtpAuthenticationException(String command, int errorCode, int protocolError) {
        super(command, errorCode, protocolError);
    }
}
