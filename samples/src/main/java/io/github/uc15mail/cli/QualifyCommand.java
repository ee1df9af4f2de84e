package io.github.uc15mail.cli;

import io.github.uc15mail.mail.Attachment;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.Modem;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.mail.ModemStatus;
import io.github.uc15mail.mail.Security;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.at.Commands;
import io.github.uc15mail.at.TrafficListener;
import io.github.uc15mail.module.ModuleProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code uc15mail qualify}: a fixed matrix run on a module, each phase on its own traced link: probe, the module's
 * SMTP service, a send per security mode asked for, a send with 2 attachments and UTF-8 text, a send to 20
 * recipients, the refusals checked before any write (21 recipients, a send timeout of 59 s), and the RAM file
 * system left clean. Prints a table and writes {@code qualify-<model>-<revision>-<yyyymmdd>.zip}. Exit 0 only when
 * every row passed; 3 when one failed; 4 when the modem cannot be reached.
 */
@Command(name = "qualify", mixinStandardHelpOptions = true, version = Uc15MailCli.VERSION, sortOptions = false,
        description = {"Qualify a module in a few minutes and write a report to send us.",
                "It runs: probe, sends with each security mode asked for,",
                "2 attachments with UTF-8 text, 20 recipients, the refusals (21 recipients, send timeout 59),",
                "and the RAM file system left clean. Prints a table and writes",
                "qualify-<model>-<revision>-<yyyymmdd>.zip (report.md, probe.json, masked traces): send it to us",
                "(docs/traces.md). Takes the SMTP flags of send; the mail goes to --to (20 recipients as",
                "local+q1@domain ... local+q19@domain besides --to)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every row passed", "2:bad flags", "3:a row failed (the table says which)",
            "4:the modem cannot be reached"})
public final class QualifyCommand implements Callable<Integer>, VerboseCommand {

    private final CliContext context;

    @Mixin
    SendOptions options = new SendOptions();

    @Mixin
    TraceOptions trace = new TraceOptions();

    @Option(names = "--modes", paramLabel = "MODE[:PORT],...",
            description = "Security modes the server offers, to send with each: none, starttls, ssl, each with an optional "
                    + "port (default: --security, on --server-port).")
    String modes;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Where the zip is written (default: here).")
    Path out;

    private final Clock clock = Clock.systemUTC();

    public QualifyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public boolean verbose() {
        return options.run.verbose;
    }

    @Override
    public Integer call() throws IOException {
        if (options.content.to.size() != 1) {
            throw CliFailure.badInput("to: qualify takes exactly 1 address (--to ADDRESS), was " + options.content.to.size());
        }
        ModemAddress address = ModemAddress.parse(options.portFlag.port);
        SendSettings settings = SendSettings.resolveSmtp(options, context.env());
        List<Mode> plan = Mode.parse(modes, settings.config());
        if (!Files.isDirectory(out)) {
            throw CliFailure.badInput("out: not a directory: " + out);
        }
        String to = options.content.to.get(0);
        Path dir = Files.createTempDirectory("uc15mail-qualify");
        QualifyReport report = new QualifyReport();
        AutoCloseable sdk = Logging.sdk(settings.verbose());
        context.out().println("Qualifying the modem on " + address + " (each phase on its own link, traced)");
        context.out().flush();
        try {
            QualifyRun run = new QualifyRun(address, settings, dir, report);
            if (run.probe() && run.smtpService()) {
                for (Mode m : plan) {
                    run.send("send " + m.label(), m.config(settings.config()), EmailDraft.builder().to(to)
                            .subject("uc15mail qualify: " + m.label()).body("Sent with security " + m.label() + ".").build(),
                            m.label().startsWith("ssl") || m.label().startsWith("starttls") ? "SSL types" : null);
                }
                run.send("2 attachments, UTF-8", settings.config(), EmailDraft.builder().to(to)
                        .subject("uc15mail qualify: Größe ✓ 测试").body("Zwei Anhänge — two attachments ✓\n")
                        .attach(Attachment.ofBytes("readings.csv", "t,p\n1,2.5\n2,2.4\n".getBytes(StandardCharsets.UTF_8)))
                        .attach(Attachment.ofBytes("blob.bin", blob(3000))).build(), "attachments");
                run.send("20 recipients", settings.config(), EmailDraft.builder().to(recipients(to, 20).toArray(String[]::new))
                        .subject("uc15mail qualify: 20 recipients").body("One of 20 recipients.").build(), "recipients");
                run.refusalsAndRam(to);
            }
        } finally {
            Logging.restore(sdk);
        }
        report.printTable(context.out());
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Path zip = report.writeZip(out, today.format(DateTimeFormatter.BASIC_ISO_DATE), today.toString(),
                Uc15MailCli.VERSION);
        if (trace.enabled()) {
            copyTraces(report);
        }
        context.out().println("wrote " + zip + (report.allPassed() ? "" : " (some rows failed)"));
        return report.allPassed() ? ExitCodes.OK : ExitCodes.REFUSED;
    }

    private void copyTraces(QualifyReport report) throws IOException {
        int n = 0;
        for (Path t : report.traces()) {
            Files.copy(t, TraceOptions.numbered(trace.trace, ++n), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** {@code to} and then {@code local+qN@domain} up to {@code n} addresses. */
    static List<String> recipients(String to, int n) {
        List<String> all = new ArrayList<>();
        all.add(to);
        int at = to.lastIndexOf('@');
        for (int i = 1; all.size() < n; i++) {
            all.add(at < 0 ? to + "+q" + i : to.substring(0, at) + "+q" + i + to.substring(at));
        }
        return all;
    }

    private static byte[] blob(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 37 + 11);
        }
        return b;
    }

    /** A security mode to send with, and its port (0: the mode's default). */
    record Mode(Security security, int port, boolean portGiven) {
        String label() {
            // the port is not part of the label: the subject and the trace names stay the same whatever the server's port
            return security.name().toLowerCase(Locale.ROOT);
        }

        SmtpConfig config(SmtpConfig base) {
            return base.toBuilder().security(security).port(port).build();
        }

        static List<Mode> parse(String spec, SmtpConfig base) {
            if (spec == null || spec.isBlank()) {
                return List.of(new Mode(base.security(), base.port(), false));
            }
            List<Mode> modes = new ArrayList<>();
            for (String part : spec.split(",")) {
                String[] mp = part.strip().split(":", 2);
                Security s = switch (mp[0].toLowerCase(Locale.ROOT)) {
                    case "none" -> Security.NONE;
                    case "ssl" -> Security.SSL;
                    case "starttls" -> Security.STARTTLS;
                    default -> throw CliFailure.badInput("modes: each must be none, starttls or ssl (with :PORT), was " + part);
                };
                int port = 0;
                if (mp.length == 2) {
                    try {
                        port = Integer.parseInt(mp[1]);
                    } catch (NumberFormatException e) {
                        port = -1;
                    }
                    if (port < 1 || port > 65535) {
                        throw CliFailure.badInput("modes: port must be 1-65535, was " + mp[1] + " in " + part);
                    }
                }
                modes.add(new Mode(s, port, port > 0));
            }
            return modes;
        }
    }

    /** The phases, each on its own traced link. */
    private final class QualifyRun {
        private final ModemAddress address;
        private final SendSettings settings;
        private final Path dir;
        private final QualifyReport report;
        private int linkCount;

        QualifyRun(ModemAddress address, SendSettings settings, Path dir, QualifyReport report) {
            this.address = address;
            this.settings = settings;
            this.dir = dir;
            this.report = report;
        }

        private ModemLink open(String phase, TrafficListener traffic) {
            String name = String.format(Locale.ROOT, "%02d-%s.jsonl", ++linkCount,
                    phase.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-$", ""));
            Path file = dir.resolve(name);
            report.trace(file);
            return ModemLink.open(address, settings.baud(), traffic, context.modemAnswerBudget(),
                    TraceOptions.to(file, trace.payloads), settings.masker(), 0);
        }

        boolean probe() {
            long start = System.nanoTime();
            try (ModemLink link = open("probe", null)) {
                Modem modem = link.modem();
                ModemStatus status = modem.status();
                report.identity = String.join(" / ", status.identity());
                report.model = status.model().orElse("unknown");
                report.revision = status.revision().orElse("unknown");
                report.profile = status.profile().orElse(null);
                report.probeJson = probeJson(status);
                boolean ok = status.responding() && !status.identity().isEmpty();
                report.add(new QualifyReport.Row("probe", ok, millis(start), ok ? report.identity
                        : "no identity: " + String.join("; ", status.problems())));
                this.status = status;
                return ok;
            }
        }

        private ModemStatus status;

        boolean smtpService() {
            long start = System.nanoTime();
            ModuleProfile p = status.profile().orElse(null);
            boolean ok = p != null;
            report.add(new QualifyReport.Row("SMTP service", ok, millis(start), ok ? p.toString()
                    : "refused: " + settings.masker().mask(String.join("; ", status.problems()))));
            return ok;
        }

        void send(String phase, SmtpConfig config, EmailDraft draft, String limit) {
            long start = System.nanoTime();
            try (ModemLink link = open(phase, null); ModemMailer mailer = ModemMailer.create(link.modem(), config)) {
                var receipt = mailer.send(draft);
                report.add(new QualifyReport.Row(phase, true, millis(start), "sent to " + receipt.recipients()
                        + " recipient(s), " + receipt.bytesWritten() + " bytes to the modem"));
                if (limit != null) {
                    report.confirm(limit, confirmation(limit, draft, config));
                }
            } catch (RuntimeException e) {
                report.add(new QualifyReport.Row(phase, false, millis(start), settings.masker().mask(String.valueOf(e.getMessage()))));
            }
        }

        private String confirmation(String limit, EmailDraft draft, SmtpConfig config) {
            return switch (limit) {
                case "recipients" -> draft.recipients().size() + " recipients sent";
                case "attachments" -> draft.attachments().size() + " attachments sent, UTF-8 subject and body";
                default -> "sent with " + config.security();
            };
        }

        void refusalsAndRam(String to) {
            AtomicInteger written = new AtomicInteger();
            TrafficListener counter = new TrafficListener() {
                @Override
                public void onCommand(String maskedLine) {
                    written.incrementAndGet();
                }
            };
            try (ModemLink link = open("refusals and RAM", counter);
                    ModemMailer mailer = ModemMailer.create(link.modem(), settings.config())) {
                refusal("refused: 21 recipients", written, () -> mailer.send(EmailDraft.builder()
                        .to(recipients(to, 21).toArray(String[]::new)).subject("never sent").body("x").build()));
                refusal("refused: send timeout 59", written, () -> {
                    try (ModemMailer m = ModemMailer.create(link.modem(),
                            settings.config().toBuilder().sendTimeoutSeconds(59).build())) {
                        m.send(EmailDraft.builder().to(to).subject("never sent").body("x").build());
                    }
                });
                long start = System.nanoTime();
                try {
                    List<String> lines = link.modem().execute(Commands.listFiles("RAM:*")).lines();
                    List<String> ours = lines.stream().filter(l -> l.contains("\"RAM:uc15mail")).toList();
                    report.add(new QualifyReport.Row("RAM left clean", ours.isEmpty(), millis(start),
                            (ours.isEmpty() ? "no uc15mail files" : "left: " + String.join("; ", ours))
                                    + " (AT+QFLST listed " + lines.size() + " file(s))"));
                } catch (RuntimeException e) {
                    report.add(new QualifyReport.Row("RAM left clean", false, millis(start), String.valueOf(e.getMessage())));
                }
            }
        }

        private void refusal(String phase, AtomicInteger written, Runnable attempt) {
            long start = System.nanoTime();
            int before = written.get();
            String detail;
            boolean refused;
            try {
                attempt.run();
                refused = false;
                detail = "was not refused";
            } catch (RuntimeException e) {
                refused = true;
                detail = settings.masker().mask(String.valueOf(e.getMessage()));
            }
            int sent = written.get() - before;
            boolean ok = refused && sent == 0;
            report.add(new QualifyReport.Row(phase, ok, millis(start),
                    (sent == 0 ? "nothing written; " : sent + " command(s) written before the refusal; ") + detail));
        }

        private String probeJson(ModemStatus s) {
            Json j = new Json().field("port", address.spec()).field("identity", s.identity())
                    .field("model", s.model().orElse(null)).field("revision", s.revision().orElse(null))
                    .field("profile", s.profile().map(ModuleProfile::toString).orElse(null))
                    .field("inferred", s.profile().map(p -> p.inferred().stream().map(l -> l.kind().label())
                            .collect(Collectors.toList())).orElse(List.of()))
                    .field("sim", s.sim()).field("registration", s.registration().raw())
                    .field("signal", s.signal().rssi() + "," + s.signal().ber())
                    .field("problems", s.problems().stream().map(settings.masker()::mask).toList());
            return j.toString();
        }
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
