package io.github.uc15mail.cli;

/**
 * Ends a command with an exit code and one line for the person running it. The line is printed as
 * {@code uc15mail: <message>}; the cause is printed only with {@code --verbose}.
 */
public final class CliFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CliFailure(int exitCode, String message) {
        this(exitCode, message, null);
    }

    public CliFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** One of {@link ExitCodes}. */
    public int exitCode() {
        return exitCode;
    }

    /** A failure of the input, exit code {@link ExitCodes#BAD_INPUT}. */
    public static CliFailure badInput(String message) {
        return new CliFailure(ExitCodes.BAD_INPUT, message);
    }
}
