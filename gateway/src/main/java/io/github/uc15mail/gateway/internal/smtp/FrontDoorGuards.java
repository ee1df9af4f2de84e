package io.github.uc15mail.gateway.internal.smtp;

import io.github.uc15mail.gateway.GatewaySettings;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.internal.server.CommandHandler;
import org.subethamail.smtp.internal.server.RequireAuthCommandWrapper;
import org.subethamail.smtp.internal.server.RequireTLSCommandWrapper;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

/**
 * The front door's protections against clients that hold on or guess: {@link LineDeadlines} on every
 * socket, a cap per address and a refusal for locked-out addresses when a session starts, the
 * {@link AuthThrottle}, and a {@code BDAT} that needs every chunk whole. {@link #install} puts them into a
 * built server before it starts.
 */
public final class FrontDoorGuards implements SessionHandler {

    private final LineDeadlines deadlines;
    private final AuthThrottle throttle;
    private final GatewaySettings.Limits limits;

    public FrontDoorGuards(GatewaySettings settings) {
        this.limits = settings.limits();
        this.deadlines = new LineDeadlines(settings.clock(), limits.lineDeadline(), limits.stressedLineDeadline(),
                limits.maxConnections(), limits.maxConnectionsPerAddress());
        this.throttle = new AuthThrottle(settings.clock(), settings.authPause(), limits.authFirstDelay(),
                limits.authMaxDelay(), limits.authFailuresBeforeLockout(), limits.authWindow(), limits.authLockout());
    }

    public LineDeadlines deadlines() {
        return deadlines;
    }

    public AuthThrottle throttle() {
        return throttle;
    }

    /** Replaces {@code BDAT} and wraps every command of the built server. */
    public void install(SMTPServer server) {
        CommandHandler handler = server.getCommandHandler();
        for (String verb : List.copyOf(handler.getVerbs())) {
            Command command = handler.getCommand(verb);
            if (verb.equals("BDAT")) {
                command = new RequireAuthCommandWrapper(new RequireTLSCommandWrapper(new WholeBdatCommand(deadlines)));
            }
            handler.addCommand(new GuardedCommand(command, deadlines, throttle));
        }
    }

    @Override
    public SessionAcceptance accept(Session session) {
        InetAddress from = session.getRealRemoteAddress().getAddress();
        Optional<Instant> locked = throttle.lockedUntil(from);
        if (locked.isPresent()) {
            return SessionAcceptance.failure(421, PasswordLogin.lockedOut(locked.get(), Instant.now()).getMessage());
        }
        if (deadlines.overAddressCap(from)) {
            return SessionAcceptance.failure(421, "4.7.0 Too many connections from your address (at most "
                    + limits.maxConnectionsPerAddress() + "); try again later");
        }
        return SessionAcceptance.success();
    }

    @Override
    public void onSessionEnd(Session session) {
        // the socket's close does the counting
    }
}
