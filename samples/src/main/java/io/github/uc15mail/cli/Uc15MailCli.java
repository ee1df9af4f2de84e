package io.github.uc15mail.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code uc15mail}: send email through a Quectel module (UC15, EC25, …) from the command line, try the SDK without
 * hardware, and look at a modem. Subcommands: {@code send}, {@code demo}, {@code probe}, {@code ports},
 * {@code emulate}, and the outbox's {@code queue}, {@code outbox}, {@code gateway}, {@code sendmail} and
 * {@code mailq}.
 *
 * <p>Output for people goes to the context's streams (results on {@code out}; errors, progress and
 * traffic on {@code err}); commands that talk to a modem turn SDK logs off unless {@code --verbose}. Every failure is one line
 * {@code uc15mail: <what happened>} and an exit code from {@link ExitCodes}.
 */
@Command(name = "uc15mail", mixinStandardHelpOptions = true, version = Uc15MailCli.VERSION,
        description = "Send email through a Quectel cellular module (UC15, EC25, EG25-G, ...) over a serial line.",
        commandListHeading = "%nCommands:%n",
        footer = {"", "Start with 'uc15mail demo' (no hardware needed), then 'uc15mail ports' and 'uc15mail probe'."})
public final class Uc15MailCli implements Callable<Integer> {

    /** What {@code --version} prints. */
    public static final String VERSION = "uc15mail 0.2.0-SNAPSHOT";

    private final CliContext context;

    @Spec
    CommandSpec spec;

    Uc15MailCli(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(context.err());
        return ExitCodes.BAD_INPUT;
    }

    /** The commands a short run may leave quiet: they print one line and turn the SDK's logs off unless verbose. */
    private static final Set<String> QUIET = Set.of("send", "probe", "ports", "--version", "-V", "--help", "-h");

    /** The command line wired to {@code context}, with every subcommand; run it with {@link CommandLine#execute}. */
    public static CommandLine commandLine(CliContext context) {
        return commandLine(context, new String[0]);
    }

    /**
     * The command line for {@code args}: when {@code args} names a subcommand only that one is built (picocli
     * reflects over every subcommand it is given, which loads their classes: the outbox, JDBC, the gateway);
     * {@code --version} builds none; anything else (help, a mistake) builds them all.
     */
    static CommandLine commandLine(CliContext context, String[] arguments) {
        return commandLine(context, arguments, System.in);
    }

    /** As {@link #commandLine(CliContext)}, with {@code stdin} as the standard input of {@code sendmail}. */
    static CommandLine commandLine(CliContext context, java.io.InputStream stdin) {
        return commandLine(context, new String[0], stdin);
    }

    /** As {@link #commandLine(CliContext, String[])}, with {@code stdin} as the standard input of {@code sendmail}. */
    static CommandLine commandLine(CliContext context, String[] arguments, java.io.InputStream stdin) {
        Map<String, Supplier<Object>> all = new LinkedHashMap<>();
        all.put("send", () -> new SendCommand(context));
        all.put("sms", () -> new SmsCommand(context));
        all.put("demo", () -> new DemoCommand(context));
        all.put("probe", () -> new ProbeCommand(context));
        all.put("ports", () -> new PortsCommand(context));
        all.put("emulate", () -> new EmulateCommand(context));
        all.put("queue", () -> new QueueCommand(context));
        all.put("outbox", () -> new OutboxCommand(context));
        all.put("gateway", () -> new GatewayCommand(context));
        all.put("sendmail", () -> new SendmailCommand(context, stdin));
        all.put("mailq", () -> new MailqCommand(context));
        all.put("qualify", () -> new QualifyCommand(context));
        CommandLine cl = new CommandLine(new Uc15MailCli(context));
        String first = arguments.length == 0 ? "" : arguments[0];
        if (all.containsKey(first)) {
            cl.addSubcommand(first, all.get(first).get());
        } else if (!(arguments.length == 1 && (first.equals("--version") || first.equals("-V")))) {
            all.forEach((name, command) -> cl.addSubcommand(name, command.get()));
        }
        cl.setOut(new PrintWriter(context.out(), true));
        cl.setErr(new PrintWriter(context.err(), true));
        cl.setParameterExceptionHandler((e, args) -> {
            // the full name, as typed: 'uc15mail outbox purge --help', not 'uc15mail purge --help'
            String command = e.getCommandLine().getCommandSpec().qualifiedName(" ");
            context.err().println("uc15mail: " + withoutValues(e) + " (see '" + command + " --help')");
            return ExitCodes.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean verbose = commandLine.getCommand() instanceof VerboseCommand v && v.verbose();
            if (e instanceof CliFailure failure) {
                context.err().println("uc15mail: " + failure.getMessage());
                if (verbose && failure.getCause() != null) {
                    failure.getCause().printStackTrace(context.err());
                }
                return failure.exitCode();
            }
            context.err().println("uc15mail: unexpected failure: " + e
                    + (verbose ? "" : " (run with --verbose for details)"));
            if (verbose) {
                e.printStackTrace(context.err());
            }
            return ExitCodes.INTERNAL_ERROR;
        });
        return cl;
    }

    /**
     * picocli's message, except that for unknown options only their names are shown: the word after an unknown
     * option may be a secret (a password given to a command that does not take it), and is never echoed.
     */
    static String withoutValues(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException u)) {
            return e.getMessage();
        }
        java.util.List<String> names = u.getUnmatched().stream().filter(a -> a.startsWith("-"))
                .map(a -> a.contains("=") ? a.substring(0, a.indexOf('=')) : a).toList();
        if (names.isEmpty()) {
            return "unexpected argument" + (u.getUnmatched().size() == 1 ? "" : "s") + " (not shown)";
        }
        String text = "unknown option" + (names.size() == 1 ? "" : "s") + ": " + String.join(", ", names)
                + " (values not shown)";
        for (String name : names) {
            if (name.endsWith("password")) {
                text += "; a password is never taken on the command line: put it in an environment variable and name "
                        + "it with " + name + "-env VAR where the command takes one";
            }
        }
        return text;
    }

    /** Runs {@code args} in {@code context} and returns the exit code. */
    public static int run(CliContext context, String... args) {
        return commandLine(context, args).execute(args);
    }

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // What picocli would print, without loading it: its classes (class file version 49) are verified
            // the old, slow way and cannot go into the class-data-sharing archive.
            System.out.println(VERSION);
            System.exit(ExitCodes.OK);
        }
        quietLogging(args);
        System.exit(run(CliContext.system(), args));
    }

    /**
     * For a short command without {@code --verbose} (they turn the SDK's logs off anyway): SLF4J's no-operation
     * provider instead of logback, so logback and its configuration are never loaded. Only in a process of
     * its own ({@link #main}), and only when no provider was chosen ({@code -Dslf4j.provider}).
     */
    static void quietLogging(String[] args) {
        boolean quiet = args.length == 0 || QUIET.contains(args[0]);
        if (quiet && !List.of(args).contains("--verbose") && System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", Logging.NOP_PROVIDER);
            System.setProperty(Logging.SLF4J_VERBOSITY, "WARN");
            System.setProperty(Logging.QUIET_PROPERTY, "true");
        }
    }
}
