package io.github.uc15mail.gateway.internal.smtp;

import java.io.IOException;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.internal.server.CommandException;
import org.subethamail.smtp.internal.server.HelpMessage;
import org.subethamail.smtp.server.Session;

/**
 * Wraps each of the library's commands: a command line that arrived is a whole line for the
 * {@link LineDeadlines}, and so is the answer to it (the next line's deadline starts then); after
 * {@code AUTH}, a session from an address the {@link AuthThrottle} locked out is closed.
 */
final class GuardedCommand implements Command {

    private final Command inner;
    private final LineDeadlines deadlines;
    private final AuthThrottle throttle;

    GuardedCommand(Command inner, LineDeadlines deadlines, AuthThrottle throttle) {
        this.inner = inner;
        this.deadlines = deadlines;
        this.throttle = throttle;
    }

    @Override
    public void execute(String commandString, Session sess) throws IOException, DropConnectionException {
        deadlines.lineDone(sess.getRealRemoteAddress());
        if (inner.getName().equals("STARTTLS")) {
            deadlines.encrypted(sess.getRealRemoteAddress());
        }
        try {
            inner.execute(commandString, sess);
        } finally {
            deadlines.lineDone(sess.getRealRemoteAddress());
        }
        if (throttle != null && inner.getName().equals("AUTH")
                && throttle.lockedUntil(sess.getRemoteAddress().getAddress()).isPresent()) {
            sess.quit();
        }
    }

    @Override
    public HelpMessage getHelp() throws CommandException {
        return inner.getHelp();
    }

    @Override
    public String getName() {
        return inner.getName();
    }
}
