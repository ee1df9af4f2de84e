package io.github.uc15mail.cli;

import io.github.uc15mail.Modem;
import io.github.uc15mail.mail.ModemStatus;
import io.github.uc15mail.error.TransportClosedException;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.module.ModuleProfile.UnsupportedModuleException;
import io.github.uc15mail.at.AtCommand;
import io.github.uc15mail.at.Commands;
import io.github.uc15mail.at.AtResponse;
import io.github.uc15mail.module.ModuleLimit;
import io.github.uc15mail.module.ModuleProfile;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code uc15mail probe}: reads what matters for sending mail from a modem without changing anything:
 * identity, the module's profile (model, revision, limits and which of them are inferred, SSL options), SIM,
 * signal, registration, active PDP contexts and the current SMTP settings (password masked). Only queries and
 * test commands are written.
 */
@Command(name = "probe", mixinStandardHelpOptions = true, version = Uc15MailCli.VERSION,
        description = {"Ask the modem what matters for sending mail; changes nothing.",
                "Module, firmware and profile (ATI, AT+QSMTPCFG=?, AT+QSSLCFG=?), SIM (CPIN), signal (CSQ), registration (CGREG), PDP contexts (QIACT?),",
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

    @picocli.CommandLine.Mixin
    TraceOptions trace = new TraceOptions();

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
                context.modemAnswerBudget(), trace, masker, 0)) {
            Modem modem = link.modem();
            context.out().println("Modem on " + address + ":");
            ModemStatus status;
            try {
                status = modem.status();
            } catch (TransportClosedException closed) {
                throw Failures.of(closed, address);
            }
            for (String problem : status.problems()) {
                context.out().println("  (" + SecretMasker.maskPasswordField(problem) + ")");
            }
            show("module", status.identity().isEmpty() ? null : String.join(" / ", status.identity()), masker);
            status.model().ifPresent(m -> show("model", m, masker));
            status.revision().ifPresent(r -> show("revision", r, masker));
            status.profile().ifPresent(p -> showProfile(modem, p, address, masker));
            show("SIM", status.sim(), masker);
            show("signal", signal(status.signal()), masker);
            show("registration", registration(status.registration()), masker);
            List<ModemStatus.PdpContext> contexts = status.activeContexts();
            show("PDP contexts", contexts.isEmpty() ? "none active (AT+QIACT? listed none)"
                    : contexts.stream().map(ProbeCommand::context).collect(Collectors.joining("; ")), masker);
            context.out().println("SMTP settings:");
            for (String setting : SMTP_SETTINGS) {
                List<String> lines = query(modem, Commands.smtpQuery(setting), address);
                show("  " + setting, lines == null ? null : settingValue(setting, lines), masker);
            }
            return ExitCodes.OK;
        } finally {
            Logging.restore(sdk);
        }
    }

    /** The profile in three lines: the summary, the inferred limits, the SSL options (or why there are none). */
    private void showProfile(Modem modem, ModuleProfile profile, ModemAddress address, SecretMasker masker) {
        show("profile", profile.toString(), masker);
        List<ModuleLimit> inferred = profile.inferred();
        show("inferred", inferred.isEmpty() ? "none"
                : inferred.stream().map(l -> l.kind().label()).collect(Collectors.joining(", "))
                        + " (carried over from sibling modules, not seen for this model)", masker);
        try {
            ModuleProfile withSsl = modem.identify(true);
            show("SSL options", withSsl.ssl().map(Object::toString).orElse("(not listed)"), masker);
        } catch (TransportClosedException closed) {
            throw Failures.of(closed, address);
        } catch (UnsupportedModuleException e) {
            show("SSL options", "none: " + e.getMessage(), masker);
        } catch (Uc15Exception e) {
            context.out().println("  (AT+QSSLCFG=?: " + e.getMessage() + ")");
        }
    }

    /** The information lines, or null after printing why the modem refused. */
    private List<String> query(Modem modem, AtCommand<AtResponse> command, ModemAddress address) {
        try {
            return modem.execute(command).lines();
        } catch (TransportClosedException closed) {
            throw Failures.of(closed, address);
        } catch (Uc15Exception e) {
            context.out().println("  (" + SecretMasker.maskPasswordField(command.loggable()) + ": " + e.getMessage() + ")");
            return null;
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
    static String signal(ModemStatus.Signal signal) {
        String raw = signal.rssi() + "," + signal.ber();
        if (signal.dbm().isEmpty()) {
            return raw + " (no signal or unknown)";
        }
        return raw + " (" + signal.dbm().getAsInt() + " dBm" + (signal.weak() ? ", weak" : "") + ")";
    }

    /** {@code 0,1} becomes {@code 0,1 (registered, home network)}. */
    static String registration(ModemStatus.Registration registration) {
        return registration.raw().isEmpty() ? null : registration.raw() + " (" + registration.state().text() + ")";
    }

    /** A context as {@code AT+QIACT?} lists it: {@code +QIACT: 1,1,1,"10.7.157.1"}. */
    static String context(ModemStatus.PdpContext c) {
        return "+QIACT: " + c.id() + "," + (c.active() ? 1 : 0) + "," + c.type() + ",\"" + c.address() + "\"";
    }
}
