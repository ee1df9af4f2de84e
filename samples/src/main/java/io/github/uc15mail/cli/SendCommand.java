package io.github.uc15mail.cli;

import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.SendReceipt;
import io.github.uc15mail.error.Uc15Exception;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code uc15mail send}: one email through the modem. Everything is checked before the port is opened;
 * the result is one line and an exit code (0 sent, 2 bad input, 3 refused by modem or server, 4 modem
 * unreachable).
 */
@Command(name = "send", mixinStandardHelpOptions = true, version = Uc15MailCli.VERSION, sortOptions = false,
        description = {"Send one email through the modem (UC15, EC25, EG25-G or another module of the family).",
                "Everything is checked before the port is opened. Passwords come only from environment variables."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:sent (one line: recipients, bytes, time)",
            "2:refused before sending: bad flags or input; nothing was written to the modem",
            "3:the modem or the server refused (modem error code, meaning, SMTP reply code)",
            "4:the modem cannot be reached (port cannot be opened, or nothing answers AT)"},
        footerHeading = "%nExample:%n",
        footer = {"  SMTP_PASSWORD=... uc15mail send --port /dev/ttyUSB2 \\",
                "    --server smtp.example.com --security ssl \\",
                "    --user pi@example.com --password-env SMTP_PASSWORD \\",
                "    --from pi@example.com --to ops@example.com \\",
                "    --subject 'Pump 3' --body 'Pressure low' --attach readings.csv"})
public final class SendCommand implements Callable<Integer>, VerboseCommand {

    private final CliContext context;

    @Mixin
    SendOptions options = new SendOptions();

    @Mixin
    TraceOptions trace = new TraceOptions();

    private boolean verboseFromConfig;

    public SendCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public boolean verbose() {
        return options.run.verbose || verboseFromConfig;
    }

    @Override
    public Integer call() {
        SendSettings settings = SendSettings.resolve(options, context.env());
        verboseFromConfig = settings.verbose();
        if (settings.verbose()) {
            Logging.verboseAfterAll();
        }
        AutoCloseable logLevel = Logging.sdk(settings.verbose());
        long start = System.nanoTime();
        TrafficPrinter traffic = settings.verbose() ? new TrafficPrinter(context.err(), settings.masker()) : null;
        String unverified = CaCertOption.unverifiedNote(settings.config());
        if (unverified != null) {
            context.err().println(unverified);
        }
        try (ModemLink link = ModemLink.open(settings.address(), settings.baud(), traffic, context.modemAnswerBudget(),
                trace, settings.masker(), 0);
                ModemMailer mailer = ModemMailer.create(link.modem(), settings.config())) {
            if (context.interactive() && !settings.draft().attachments().isEmpty()) {
                mailer.addProgressListener(new ProgressBar(context.err()));
            }
            SendReceipt receipt;
            try {
                receipt = mailer.send(settings.draft());
            } catch (Uc15Exception e) {
                CliFailure failure = Failures.of(e, settings.address(), settings.config());
                throw new CliFailure(failure.exitCode(), settings.masker().mask(failure.getMessage()), e);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            context.out().println(String.format(Locale.ROOT, "sent to %d recipient%s, %d bytes to the modem, in %.1f s",
                    receipt.recipients(), receipt.recipients() == 1 ? "" : "s", receipt.bytesWritten(),
                    took.toMillis() / 1000.0));
            return ExitCodes.OK;
        } finally {
            Logging.restore(logLevel);
        }
    }
}
