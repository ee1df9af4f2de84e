package io.github.uc15mail.error;

import java.time.Duration;

/**
 * A command got no final result within its deadline. The deadline is fixed when the command is written
 * and is not extended by other traffic. After a timeout the session resynchronises with the modem before
 * the next command, so a late reply is never taken for the next command's reply.
 *
 * <p>A timeout does not say whether the modem acted on the command: when it was {@code AT+QSMTPPUT} or came
 * after it, the email may have been sent (the send marks it {@link #isOutcomeUnknown()} then).
 */
public class CommandTimeoutException extends Uc15Exception {

    private final String command;
    private final Duration timeout;

    public CommandTimeoutException(String command, Duration timeout) {
        super("no reply to " + command + " within " + timeout.toMillis() + " ms");
        this.command = command;
        this.timeout = timeout;
    }

    /** The command, with secrets masked. */
    public String command() {
        return command;
    }

    /** The deadline that passed. */
    public Duration timeout() {
        return timeout;
    }
}
