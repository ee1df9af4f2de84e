package io.github.uc15mail.internal.mail;

import io.github.uc15mail.error.ModemRestartedException;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.at.AtCommand;
import io.github.uc15mail.at.AtResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Runs the commands of one operation (a send, a recovery) on a {@link CommandRunner}: stops at the next
 * command when the caller cancelled, and fails when the module restarted since the operation began.
 */
class StepRunner {

    /** Thrown at a safe point when the caller cancelled. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("send cancelled", null, false, false);
        }
    }

    final CommandRunner runner;
    private final BooleanSupplier cancelled;
    private long restartCount;

    StepRunner(CommandRunner runner, BooleanSupplier cancelled) {
        this.runner = runner;
        this.cancelled = cancelled;
        this.restartCount = runner.restartCount();
    }

    AtResponse run(AtCommand<?> command) {
        checkCancelled();
        AtResponse response = runner.run(command);
        checkRestart();
        return response;
    }

    <R> R query(AtCommand<R> query) {
        checkCancelled();
        R value = runner.query(query);
        checkRestart();
        return value;
    }

    boolean isLive() {
        return runner.isLive();
    }

    /** Takes the module's current restart count as the operation's (after a restart it may start over). */
    void acceptRestarts() {
        restartCount = runner.restartCount();
    }

    long restartCount() {
        return restartCount;
    }

    void checkRestart() {
        if (runner.restartCount() != restartCount) {
            throw new ModemRestartedException("the modem restarted (RDY) during the send; its settings, email"
                    + " content and RAM files are gone");
        }
    }

    boolean isCancelled() {
        return cancelled.getAsBoolean();
    }

    void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new Cancelled();
        }
    }

    void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Uc15Exception("interrupted", e);
        }
        checkCancelled();
    }
}
