package io.github.uc15mail.cli;

import io.github.uc15mail.mail.Attachment;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.SendReceipt;
import io.github.uc15mail.mail.Security;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.at.TrafficListener;
import io.github.uc15mail.testkit.Uc15Emulator;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code uc15mail demo}: the whole SDK stack without hardware or network. An emulated UC15 and an SMTP
 * server run in this process; the real {@link ModemMailer} sends an email with an attachment through the
 * emulator's AT interface, and the command prints what crossed the AT line and what the server received.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, version = Uc15MailCli.VERSION,
        description = {"Send an example email through an emulated UC15 to an embedded SMTP server, in this process.",
                "No hardware, no network. Prints the AT exchange and the email as the server received it."})
public final class DemoCommand implements Callable<Integer>, VerboseCommand {

    static final String DEMO_USER = "demo@uc15mail.example";
    /** Demo-only credentials of the embedded server; shown masked in the AT exchange like a real one. */
    private static final String DEMO_PASSWORD = "demo-password-123";
    static final String SUBJECT = "Hello from the uc15mail demo";

    private final CliContext context;

    @Option(names = "--verbose", description = "Print every AT line as it crosses (passwords masked).")
    boolean verbose;

    public DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public boolean verbose() {
        return verbose;
    }

    @Override
    public Integer call() throws Exception {
        AutoCloseable mailerWarning = Logging.level("io.github.uc15mail.ModemMailer", "ERROR");
        AutoCloseable sdk = Logging.sdk(verbose);
        SecretMasker masker = new SecretMasker().add(DEMO_PASSWORD);
        List<String> commands = new ArrayList<>();
        List<String> results = new ArrayList<>();
        long[] payloadBytes = {0};
        try (EmbeddedSmtpServer server = EmbeddedSmtpServer.start(0, DEMO_USER, DEMO_PASSWORD);
                Uc15Emulator modem = Uc15Emulator.builder().smtpTimeoutScale(0.05).build()) {
            context.out().println("Embedded SMTP server on 127.0.0.1:" + server.port() + "; emulated UC15 ready.");
            SmtpConfig config = SmtpConfig.builder()
                    .server("127.0.0.1", server.port()).security(Security.NONE)
                    .account(DEMO_USER, DEMO_PASSWORD)
                    .sender("uc15mail demo", DEMO_USER)
                    .build();
            byte[] csv = "time,celsius\n2025-01-01T12:00:00Z,48.2\n2025-01-01T12:05:00Z,71.9\n"
                    .getBytes(StandardCharsets.US_ASCII);
            EmailDraft draft = EmailDraft.builder()
                    .to("you@uc15mail.example")
                    .subject(SUBJECT)
                    .body("This email went through the real uc15mail SDK stack:\n"
                            + "ModemMailer -> AtSession -> emulated UC15 (AT commands) -> SMTP server.\n")
                    .attach(Attachment.ofBytes("readings.csv", csv))
                    .build();
            TrafficListener recorder = new TrafficListener() {
                @Override
                public void onCommand(String maskedLine) {
                    commands.add(masker.mask(maskedLine));
                    if (verbose) {
                        context.err().println("> " + masker.mask(maskedLine));
                    }
                }

                @Override
                public void onPayload(String maskedCommand, long bytes) {
                    payloadBytes[0] += bytes;
                }

                @Override
                public void onLine(String maskedLine) {
                    if (maskedLine.startsWith("+QSMTPPUT:")) {
                        results.add(maskedLine);
                    }
                    if (verbose) {
                        context.err().println("< " + masker.mask(maskedLine));
                    }
                }
            };
            SendReceipt receipt;
            try (io.github.uc15mail.Modem line = io.github.uc15mail.Modem.open(modem.connect())) {
                line.session().addTrafficListener(recorder);
                try (ModemMailer mailer = ModemMailer.create(line, config)) {
                    receipt = mailer.send(draft);
                }
            } catch (Uc15Exception e) {
                throw new CliFailure(ExitCodes.INTERNAL_ERROR, "the demo send failed: " + masker.mask(e.getMessage()), e);
            }
            printExchange(commands, results, payloadBytes[0], receipt);
            MimeMessage[] received = server.receivedMessages();
            if (received.length == 0) {
                throw new CliFailure(ExitCodes.INTERNAL_ERROR, "the embedded SMTP server received nothing");
            }
            context.out().println();
            context.out().println("The SMTP server received:");
            ReceivedMailPrinter.print(received[0], context.out());
            context.out().println();
            context.out().println("Next: 'uc15mail ports' to find a real module, 'uc15mail probe --port /dev/ttyUSB2', "
                    + "then 'uc15mail send --help'.");
            return ExitCodes.OK;
        } finally {
            Logging.restore(sdk);
            Logging.restore(mailerWarning);
        }
    }

    private void printExchange(List<String> commands, List<String> results, long payloadBytes, SendReceipt receipt) {
        context.out().println(String.format(Locale.ROOT,
                "AT exchange: %d commands, %d payload bytes, %d bytes in all to the modem.", commands.size(),
                payloadBytes, receipt.bytesWritten()));
        context.out().println("The SMTP part of it (password masked):");
        for (String c : commands) {
            if (c.startsWith("AT+QSMTP") || c.startsWith("AT+QFUPL")) {
                context.out().println("  > " + c);
            }
        }
        for (String r : results) {
            context.out().println("  < " + r + "   (0 = sent)");
        }
    }
}
