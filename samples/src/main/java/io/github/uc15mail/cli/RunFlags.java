package io.github.uc15mail.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config FILE} and {@code --verbose}, for every command that takes the flags of {@code send}. A picocli mixin: a command shows only the groups it takes. */
public final class RunFlags {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with the same settings, keys named like the flags without '--' "
                    + "(lists comma-separated, password-env not password). Flags override it.")
    Path config;

    @Option(names = "--verbose", description = "Print the AT traffic (passwords masked) and stack traces.")
    boolean verbose;
}
