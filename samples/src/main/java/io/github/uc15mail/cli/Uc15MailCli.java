package io.github.uc15mail.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
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
    public static final String VERSION = "uc15mail 0.1.0-SNAPSHOT";

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

    /** The command line wired to {@code context}; run it with {@link CommandLine#execute}. */
    public static CommandLine commandLine(CliContext context) {
        CommandLine cl = new CommandLine(new Uc15MailCli(context));
        cl.addSubcommand("send", new SendCommand(context));
        cl.addSubcommand("sms", new SmsCommand(context));
        cl.addSubcommand("demo", new DemoCommand(context));
        cl.addSubcommand("probe", new ProbeCommand(context));
        cl.addSubcommand("ports", new PortsCommand(context));
        cl.addSubcommand("emulate", new EmulateCommand(context));
        cl.addSubcommand("queue", new QueueCommand(context));
        cl.addSubcommand("outbox", new OutboxCommand(context));
        cl.addSubcommand("gateway", new GatewayCommand(context));
        cl.addSubcommand("sendmail", new SendmailCommand(context, System.in));
        cl.addSubcommand("mailq", new MailqCommand(context));
        cl.addSubcommand("qualify", new QualifyCommand(context));
        cl.setOut(new PrintWriter(context.out(), true));
        cl.setErr(new PrintWriter(context.err(), true));
        cl.setParameterExceptionHandler((e, args) -> {
            String command = e.getCommandLine().getCommandName();
            context.err().println("uc15mail: " + e.getMessage() + " (see 'uc15mail"
                    + (command.equals("uc15mail") ? "" : " " + command) + " --help')");
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

    /** Runs {@code args} in {@code context} and returns the exit code. */
    public static int run(CliContext context, String... args) {
        return commandLine(context).execute(args);
    }

    public static void main(String[] args) {
        System.exit(run(CliContext.system(), args));
    }
}
