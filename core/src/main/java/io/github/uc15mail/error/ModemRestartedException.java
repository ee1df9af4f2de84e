package io.github.uc15mail.error;

/**
 * The module restarted (it sent {@code RDY}) while an operation was under way. Its state (PDP context,
 * SMTP settings, email content, RAM files) is gone; the SDK re-initialises it before the next command.
 * The interrupted operation did not complete.
 */
public class ModemRestartedException extends Uc15Exception {

    public ModemRestartedException(String message) {
        super(message);
    }
}
