package io.github.uc15mail.cli;

import io.github.uc15mail.error.ModemErrorException.CmsErrorException;
import io.github.uc15mail.error.InvalidDraftException;
import io.github.uc15mail.Modem;
import io.github.uc15mail.SmsDraft;
import io.github.uc15mail.mail.SmsReceipt;
import io.github.uc15mail.error.Uc15Exception;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code uc15mail sms}: one SMS through the modem in PDU mode. The number, the text and the part limit are checked
 * before the port is opened; the result is one line and the exit codes of {@code send}.
 */
@Command(name = "sms", mixinStandardHelpOptions = true, version = Uc15MailCli.VERSION, sortOptions = false,
        description = {"Send one SMS through the modem.",
                "PDU mode: GSM 7-bit, or UCS2 when a character needs it; long texts as concatenated SMS.",
                "Everything is checked before the port is opened."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:sent: the network accepted every part",
            "2:refused before sending: bad flags, number or text; nothing was written to the modem",
            "3:the modem or the network refused (+CMS ERROR code and meaning)",
            "4:the modem cannot be reached (port cannot be opened, or nothing answers AT)"},
        footerHeading = "%nExample:%n",
        footer = {"  uc15mail sms --port /dev/ttyUSB2 --to +491701234567 --text 'Pump 3: pressure low'"})
public final class SmsCommand implements Callable<Integer>, VerboseCommand {

    private final CliContext context;

    @Option(names = "--port", paramLabel = "PATH", required = true,
            description = "Serial port of the modem's AT interface (/dev/ttyUSB2, COM7, a pty), or tcp:HOST:PORT.")
    String port;

    @Option(names = "--baud", paramLabel = "N", defaultValue = "115200", description = "Serial speed (default 115200).")
    int baud;

    @Option(names = "--to", paramLabel = "+E164", required = true,
            description = "Recipient in international form: + and the country code, such as +491701234567.")
    String to;

    @ArgGroup(exclusive = true, multiplicity = "1")
    TextSource text;

    static final class TextSource {
        @Option(names = "--text", paramLabel = "T", description = "The text.")
        String inline;

        @Option(names = "--text-file", paramLabel = "F", description = "A UTF-8 file holding the text.")
        Path file;
    }

    @Option(names = "--max-parts", paramLabel = "N", defaultValue = "4",
            description = "Most SMS parts the text may take (default ${DEFAULT-VALUE}; 153 GSM characters or 67 UCS2 "
                    + "characters a part).")
    int maxParts;

    @Option(names = "--verbose", description = "Print the AT traffic on stderr and stack traces on failure.")
    boolean verbose;

    public SmsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public boolean verbose() {
        return verbose;
    }

    @Override
    public Integer call() {
        SmsDraft draft = draft();
        ModemAddress address = ModemAddress.parse(port);
        if (baud < 1) {
            throw CliFailure.badInput("baud: must be positive, was " + baud);
        }
        AutoCloseable logLevel = Logging.sdk(verbose);
        long start = System.nanoTime();
        TrafficPrinter traffic = verbose ? new TrafficPrinter(context.err(), new SecretMasker()) : null;
        try (ModemLink link = ModemLink.open(address, baud, traffic, context.modemAnswerBudget())) {
            Modem modem = link.modem();
            SmsReceipt receipt;
            try {
                receipt = modem.sendSms(draft);
            } catch (CmsErrorException e) {
                throw new CliFailure(ExitCodes.REFUSED, "not sent: " + e.getMessage() + " — " + advice(e), e);
            } catch (Uc15Exception e) {
                CliFailure failure = Failures.of(e, address);
                String message = failure.getMessage();
                if (e.isOutcomeUnknown()) {
                    message = "not confirmed: " + e.getMessage() + " (the SMS may have gone out; check before sending again)";
                }
                throw new CliFailure(failure.exitCode(), message, e);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            context.out().println(String.format(Locale.ROOT, "sent SMS to %s in %d part%s (%s), in %.1f s",
                    receipt.to(), receipt.parts(), receipt.parts() == 1 ? "" : "s",
                    receipt.ucs2() ? "UCS2" : "GSM 7-bit", took.toMillis() / 1000.0));
            return ExitCodes.OK;
        } finally {
            Logging.restore(logLevel);
        }
    }

    /** The draft from the flags, or exit 2 naming what is wrong. */
    private SmsDraft draft() {
        String body;
        if (text.file != null) {
            try {
                body = Files.readString(text.file, StandardCharsets.UTF_8);
            } catch (MalformedInputException e) {
                throw CliFailure.badInput("text-file: must be UTF-8 text, was not: " + text.file);
            } catch (IOException e) {
                throw CliFailure.badInput("text-file: cannot read " + text.file + ": " + e.getMessage());
            }
            body = body.stripTrailing();
        } else {
            body = text.inline;
        }
        try {
            return SmsDraft.of(to, body, maxParts);
        } catch (InvalidDraftException e) {
            throw CliFailure.badInput(e.getMessage());
        }
    }

    private static String advice(CmsErrorException e) {
        return switch (e.kind()) {
            case NETWORK -> "the network cannot take SMS now (coverage, registration); try again later";
            case MESSAGE -> "the number or the message was refused; check --to";
            default -> "check the SIM (PIN, SMS service centre with AT+CSCA?) and the modem";
        };
    }
}
