package io.github.uc15mail.cli;

/** A command with {@code --verbose}: the CLI prints stack traces of failures only when it is on. */
interface VerboseCommand {

    /** Whether {@code --verbose} was given. */
    boolean verbose();
}
