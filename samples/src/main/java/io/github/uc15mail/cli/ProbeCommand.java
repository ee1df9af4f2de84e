package io.github.uc15mail.cli;

import io.github.uc15mail.TransportClosedException;
import io.github.uc15mail.Uc15Exception;
import io.github.uc15mail.at.AtCommand;
import io.github.uc15mail.at.AtCommands;
import io.github.uc15mail.at.AtResponse;
import io.github.uc15mail.at.AtSession;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code uc15mail probe}: reads what matters for sending mail from a modem without changing anything:
 * identity, SIM, signal, registration, active PDP contexts and the current SMTP settings (password
 * masked). Only queries are written.
 */
@Command(name = "probe", mixinStandardHelpOptions = true, version = Uc15MailCli.VERSION,
        description = {"Ask the modem what matters for sending mail; changes nothing.",
                "Module and firmware (ATI), SIM (CPIN), signal (CSQ), registration (CGREG), PDP contexts (QIACT?),",
                "and the current SMTP settings (AT+QSMTPCFG queries, password masked)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the modem answered", "2:bad flags", "4:the modem cannot be reached"})
public final class ProbeCommand implements Callable<Integer>, VerboseCommand {

    private static final List<String> SMTP_SETTINGS =
            List.of("smtpserver", "ssltype", "sslctxid", "contextid", "account", "sender");

    private final CliContext context;

    @Option(names = "--port", required = true, paramLabel = "PATH",
            description = "Serial port of the AT interface, or tcp:HOST:PORT.")
    String port;

    @Option(names = "--baud", paramLabel = "N", defaultValue = "115200", description = "Serial speed (default ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--verbose", description = "Print the AT traffic (passwords masked) and stack traces.")
    boolean verbose;

    public ProbeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public boolean verbose() {
        return verbose;
    }

    @Override
    public Integer call() {
        ModemAddress address = ModemAddress.parse(port);
        if (baud < 1) {
            throw CliFailure.badInput("baud: must be positive, was " + baud);
        }
        SecretMasker masker = new SecretMasker();
        AutoCloseable sdk = Logging.sdk(verbose);
        try (ModemLink link = ModemLink.open(address, baud, verbose ? new TrafficPrinter(context.err(), masker) : null,
                context.modemAnswerBudget())) {
            AtSession session = link.session();
            context.out().println("Modem on " + address + ":");
            List<String> identity = query(session, AtCommands.identify(), address);
            show("module", identity == null ? null : String.join(" / ", identity), masker);
            show("SIM", value(query(session, AtCommands.simStatus(), address), "+CPIN"), masker);
            show("signal", signal(value(query(session, AtCommands.signalQuality(), address), "+CSQ")), masker);
            show("registration", registration(value(query(session, AtCommands.registrationStatus(), address), "+CGREG")),
                    masker);
            List<String> contexts = query(session, AtCommands.activeContexts(), address);
            show("PDP contexts", contexts == null ? null : contexts.isEmpty() ? "none active (AT+QIACT? listed none)"
                    : String.join("; ", contexts), masker);
            context.out().println("SMTP settings:");
            for (String setting : SMTP_SETTINGS) {
                List<String> lines = query(session, AtCommands.smtpQuery(setting), address);
                show("  " + setting, lines == null ? null : settingValue(setting, lines), masker);
            }
            return ExitCodes.OK;
        } finally {
            Logging.restore(sdk);
        }
    }

    /** The information lines, or null after printing why the modem refused. */
    private List<String> query(AtSession session, AtCommand command, ModemAddress address) {
        try {
            AtResponse response = session.execute(command).get();
            return response.lines();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TransportClosedException closed) {
                throw Failures.of(closed, address);
            }
            String why = e.getCause() instanceof Uc15Exception u ? u.getMessage() : String.valueOf(e.getCause());
            context.out().println("  (" + SecretMasker.maskPasswordField(command.loggable()) + ": " + why + ")");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCodes.MODEM_UNREACHABLE, "interrupted while probing " + address, e);
        }
    }

    private void show(String label, String value, SecretMasker masker) {
        if (value != null) {
            context.out().println(String.format("  %-14s %s", label + ":", masker.mask(value)));
        }
    }

    private static String value(List<String> lines, String prefix) {
        if (lines == null) {
            return null;
        }
        for (String line : lines) {
            if (line.startsWith(prefix + ":")) {
                return line.substring(prefix.length() + 1).strip();
            }
        }
        return "(no " + prefix + " line)";
    }

    /** {@code +QSMTPCFG: "ssltype",0} becomes {@code 0}; anything unexpected is shown whole. */
    static String settingValue(String setting, List<String> lines) {
        String prefix = "+QSMTPCFG: \"" + setting + "\",";
        if (lines.size() == 1 && lines.get(0).startsWith(prefix)) {
            return SecretMasker.maskPasswordField(lines.get(0)).substring(prefix.length());
        }
        return lines.isEmpty() ? "(no reply line)" : SecretMasker.maskPasswordField(String.join("; ", lines));
    }

    /** {@code 20,99} becomes {@code 20,99 (-73 dBm)}; 99 means unknown. */
    static String signal(String csq) {
        if (csq == null) {
            return null;
        }
        try {
            int rssi = Integer.parseInt(csq.split(",")[0].strip());
            if (rssi == 99) {
                return csq + " (no signal or unknown)";
            }
            return csq + " (" + (-113 + 2 * rssi) + " dBm" + (rssi < 10 ? ", weak" : "") + ")";
        } catch (NumberFormatException e) {
            return csq;
        }
    }

    /** {@code 0,1} becomes {@code 0,1 (registered, home network)}. */
    static String registration(String cgreg) {
        if (cgreg == null) {
            return null;
        }
        String[] fields = cgreg.split(",");
        String stat = (fields.length >= 2 ? fields[1] : fields[0]).strip();
        String meaning = switch (stat) {
            case "0" -> "not registered, not searching";
            case "1" -> "registered, home network";
            case "2" -> "not registered, searching";
            case "3" -> "registration denied";
            case "5" -> "registered, roaming";
            default -> "unknown";
        };
        return cgreg + " (" + meaning + ")";
    }
}
