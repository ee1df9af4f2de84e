package io.github.uc15mail.cli;

/** The exit codes of {@code uc15mail}; scripts may rely on them. */
public final class ExitCodes {

    /** The email was sent (or the command did what it was asked). */
    public static final int OK = 0;
    /** An unexpected failure inside the tool itself. */
    public static final int INTERNAL_ERROR = 1;
    /** Refused before anything was written to the modem: bad flags, configuration or email content. */
    public static final int BAD_INPUT = 2;
    /** The modem or the mail server refused: the modem's error code and the SMTP reply say why. */
    public static final int REFUSED = 3;
    /** The modem cannot be reached: the port cannot be opened, or nothing answers {@code AT}. */
    public static final int MODEM_UNREACHABLE = 4;

    private ExitCodes() {}
}
