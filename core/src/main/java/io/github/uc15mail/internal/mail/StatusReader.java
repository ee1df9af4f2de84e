package io.github.uc15mail.internal.mail;

import io.github.uc15mail.at.AtCommand;
import io.github.uc15mail.at.AtSession;
import io.github.uc15mail.at.Commands;
import io.github.uc15mail.error.TransportClosedException;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.mail.ModemStatus;
import io.github.uc15mail.module.ModuleProfile;
import io.github.uc15mail.module.ModuleProfile.UnsupportedModuleException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the health view of {@code io.github.uc15mail.Modem#status()}: {@code AT}, {@code ATI} once per modem, the
 * module's profile, {@code AT+CPIN?}, {@code AT+CSQ}, {@code AT+CGREG?}, {@code AT+QIACT?}. A query that fails
 * leaves its field unknown and is named as a problem; a lost link is thrown. The caller holds the modem.
 */
public final class StatusReader {

    private StatusReader() {}

    /** The status of the modem on {@code session}. */
    public static ModemStatus read(AtSession session, ModemState state) {
        SessionRunner runner = new SessionRunner(session, null);
        List<String> problems = new ArrayList<>();
        boolean responding = ask(runner, Commands.at(), problems) != null;
        if (!responding) {
            // A modem that does not answer AT would time out on every query: report it as it is.
            return new ModemStatus(false, state.identity(), "unknown", ModemStatus.Registration.UNKNOWN,
                    ModemStatus.Signal.UNKNOWN, List.of(), state.lastError(), state.consecutiveFailures(),
                    session.restartCount(), problems, session.options().clock().instant(), state.lastProfile());
        }
        if (state.identity().isEmpty()) {
            List<String> lines = ask(runner, Commands.identify(), problems);
            state.identity(lines == null ? List.of() : lines);
        }
        ModuleProfile profile = null;
        try {
            profile = Sends.profile(session, state, false);
        } catch (TransportClosedException e) {
            throw e;
        } catch (Uc15Exception e) {
            problems.add(e instanceof UnsupportedModuleException ? e.getMessage()
                    : "module identification: " + e.getMessage());
        }
        String sim = ask(runner, Replies.simStatus(), problems);
        ModemStatus.Signal signal = ask(runner, Replies.signal(), problems);
        ModemStatus.Registration registration = ask(runner, Replies.registration(), problems);
        List<ModemStatus.PdpContext> contexts = ask(runner, Replies.activeContexts(), problems);
        return new ModemStatus(true, state.identity(), sim == null ? "unknown" : sim,
                registration == null ? ModemStatus.Registration.UNKNOWN : registration,
                signal == null ? ModemStatus.Signal.UNKNOWN : signal, contexts == null ? List.of() : contexts,
                state.lastError(), state.consecutiveFailures(), session.restartCount(), problems, session.options().clock().instant(),
                Optional.ofNullable(profile));
    }

    private static <R> R ask(SessionRunner runner, AtCommand<R> command, List<String> problems) {
        try {
            return command.parse(runner.run(command));
        } catch (TransportClosedException e) {
            throw e;
        } catch (Uc15Exception e) {
            problems.add(command.loggable() + ": " + e.getMessage());
            return null;
        }
    }
}
