package io.github.uc15mail.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a CLI command needs from its surroundings, injected so tests can capture it: where to print for
 * people ({@code out} for results, {@code err} for errors, progress and traffic), how to look up
 * environment variables (passwords come only from there), whether a person is watching a terminal
 * (progress bars only then), and how long to wait for a modem to answer {@code AT}.
 *
 * @param out results
 * @param err errors, progress, verbose traffic
 * @param env environment lookup; returns null for an unset variable
 * @param interactive whether a console is attached ({@code System.console() != null})
 * @param modemAnswerBudget how long to keep trying {@code AT} before giving up on a silent modem
 */
public record CliContext(PrintStream out, PrintStream err, Function<String, String> env, boolean interactive,
        Duration modemAnswerBudget) {

    /**
     * How long the CLI keeps trying {@code AT} on a silent modem before it gives up (exit 4); the message names it.
     * The system property {@code uc15mail.modemAnswerBudgetMillis} overrides it (for tests of the real process).
     */
    public static final Duration DEFAULT_MODEM_ANSWER_BUDGET = Duration.ofSeconds(15);

    public CliContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(modemAnswerBudget, "modemAnswerBudget");
    }

    /** The real process: standard streams, the real environment, a console if there is one. */
    public static CliContext system() {
        return new CliContext(System.out, System.err, System::getenv, System.console() != null,
                Duration.ofMillis(Long.getLong("uc15mail.modemAnswerBudgetMillis",
                        DEFAULT_MODEM_ANSWER_BUDGET.toMillis())));
    }
}
