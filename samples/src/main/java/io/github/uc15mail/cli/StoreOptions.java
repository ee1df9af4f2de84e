package io.github.uc15mail.cli;

import io.github.uc15mail.outbox.Outbox;
import io.github.uc15mail.outbox.OutboxException;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The outbox store flags shared by {@code queue}, {@code outbox} and {@code gateway}: the store URL, the
 * database user, and the environment variable that holds its password (never the password itself).
 */
public final class StoreOptions {

    @Option(names = "--store", paramLabel = "URL",
            description = "The outbox: sqlite:PATH (one file on this host) or jdbc:postgresql://HOST:PORT/DB (shared).")
    String store;

    @Option(names = "--store-user", paramLabel = "U", description = "Database user (PostgreSQL).")
    String user;

    @Option(names = "--store-password-env", paramLabel = "VAR",
            description = "Environment variable holding the database password (never given on the command line).")
    String passwordEnv;

    @Option(names = "--store-password", hidden = true, paramLabel = "SECRET",
            description = "Refused: a password on the command line is visible to every user of the machine.")
    String passwordOnCommandLine;

    boolean isSet() {
        return store != null;
    }

    /** This or {@code other}, whichever names a store (a subcommand's own flags win). */
    StoreOptions or(StoreOptions other) {
        StoreOptions chosen = isSet() || other == null ? this : other;
        // A refused --store-password stays refused on whichever level it was given.
        if (chosen.passwordOnCommandLine == null) {
            chosen.passwordOnCommandLine = passwordOnCommandLine != null ? passwordOnCommandLine
                    : other == null ? null : other.passwordOnCommandLine;
        }
        return chosen;
    }

    /**
     * Opens the outbox.
     *
     * @throws CliFailure exit 2 for missing or bad flags, 4 when the store cannot be reached
     */
    Outbox open(Function<String, String> env) {
        if (passwordOnCommandLine != null) {
            throw CliFailure.badInput("store-password: is not accepted on the command line (other users can see it); "
                    + "put it in an environment variable and name that with --store-password-env VAR");
        }
        if (store == null) {
            throw CliFailure.badInput("store: is required (--store sqlite:PATH or --store jdbc:postgresql://HOST:PORT/DB), "
                    + "was not given");
        }
        String password = null;
        if (passwordEnv != null) {
            password = env.apply(passwordEnv);
            if (password == null || password.isEmpty()) {
                throw CliFailure.badInput("store-password-env: the environment variable " + passwordEnv
                        + " must hold the database password, was unset or empty");
            }
        }
        SecretMasker masker = new SecretMasker();
        masker.add(password);
        try {
            return Outbox.open(store, user, password);
        } catch (IllegalArgumentException e) {
            throw CliFailure.badInput(masker.mask(e.getMessage()));
        } catch (OutboxException e) {
            throw new CliFailure(ExitCodes.MODEM_UNREACHABLE, masker.mask(e.getMessage()), e);
        }
    }
}
