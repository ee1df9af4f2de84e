package io.github.uc15mail.gateway;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Prints a line for the gateway's auth file ({@link PasswordFile}):
 * {@code java -cp uc15mail.jar io.github.uc15mail.gateway.HashPassword USER [ITERATIONS]}. The password is
 * asked twice without echo on a terminal, or read as the first line of standard input otherwise (for
 * scripts); it is never taken from the command line, where other users could see it. Exit codes: 0 the
 * line was printed, 2 bad input.
 */
public final class HashPassword {

    private HashPassword() {}

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.console(), new BufferedReader(new InputStreamReader(System.in,
                StandardCharsets.UTF_8)), System.out, System.err));
    }

    static int run(String[] args, Console console, BufferedReader stdin, PrintStream out, PrintStream err)
            throws IOException {
        if (args.length < 1 || args.length > 2) {
            err.println("usage: HashPassword USER [ITERATIONS]  (the password is read from the terminal or stdin)");
            return 2;
        }
        char[] password;
        if (console != null) {
            password = console.readPassword("Password for %s: ", args[0]);
            char[] again = console.readPassword("Again: ");
            if (password == null || again == null || !Arrays.equals(password, again)) {
                err.println("the passwords differ; nothing written");
                return 2;
            }
            Arrays.fill(again, '\0');
        } else {
            String line = stdin.readLine();
            password = line == null ? new char[0] : line.toCharArray();
        }
        try {
            int iterations = args.length == 2 ? Integer.parseInt(args[1]) : PasswordFile.DEFAULT_ITERATIONS;
            out.println(PasswordFile.line(args[0], password, iterations));
            return 0;
        } catch (NumberFormatException e) {
            err.println("iterations: must be a number, was \"" + args[1] + "\"");
            return 2;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
