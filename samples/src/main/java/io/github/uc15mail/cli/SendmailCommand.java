package io.github.uc15mail.cli;

import io.github.uc15mail.gateway.ConvertedMail;
import io.github.uc15mail.gateway.MimeConverter;
import io.github.uc15mail.outbox.Outbox;
import io.github.uc15mail.outbox.OutboxException;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code uc15mail sendmail}, also run as {@code /usr/sbin/sendmail}: stores the message on standard input in the
 * gateway's outbox, taking the options sendmail's callers use ({@code -t -i -oi -f -F -o* -od*}). It converts
 * the message as the front door does, then stores it directly when this user can write the outbox (root, the
 * service user), or else hands it to the front door on loopback. Exit codes follow {@code sysexits.h}: it
 * exits 0 only once the message is stored; it never exits 0 for mail that was not.
 */
@Command(name = "sendmail", description = "Store the message on standard input in the gateway's outbox, as "
        + "/usr/sbin/sendmail does for cron, mail and scripts.",
        customSynopsis = "uc15mail sendmail [-t] [-i] [-f FROM] [-F NAME] [-o OPTION] [--config FILE] [RECIPIENT...]",
        exitCodeListHeading = "%nExit codes (sysexits.h):%n",
        exitCodeList = {"0:stored in the outbox", "64:bad usage (an unknown or refused option, no recipient)",
            "65:a message the modem cannot carry; nothing stored",
            "75:the outbox or the gateway cannot be reached now; nothing stored, try again",
            "78:the configuration cannot be read"},
        footerHeading = "%nOptions:%n",
        footer = {"  -t            also send to the To, Cc and Bcc headers' addresses",
            "  -i, -oi       a line with a single dot does not end the message",
            "  -f FROM, -F NAME  accepted; the modem sends as the gateway's configured sender",
            "  -oem -oee -odb -odq -odi -v  accepted (errors go to the exit code; mail is always queued)",
            "  --config FILE the gateway's settings (default /etc/uc15mail/gateway.properties)",
            "  -bs, -bd, -bp, -q  refused: use SMTP on the front door, the service, or 'uc15mail mailq'"})
public final class SendmailCommand implements Callable<Integer> {

    static final int EX_USAGE = 64;
    static final int EX_DATAERR = 65;
    static final int EX_TEMPFAIL = 75;
    static final int EX_CONFIG = 78;
    static final Path DEFAULT_CONFIG = Path.of("/etc/uc15mail/gateway.properties");

    private final CliContext context;
    private final InputStream stdin;

    @Unmatched
    List<String> args = new ArrayList<>();

    @picocli.CommandLine.Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
    boolean help;

    public SendmailCommand(CliContext context, InputStream stdin) {
        this.context = context;
        this.stdin = stdin;
    }

    /** The options after parsing. */
    static final class Request {
        boolean fromHeaders;
        boolean dotEnds = true;
        Path config = DEFAULT_CONFIG;
        final Set<String> recipients = new LinkedHashSet<>();
    }

    @Override
    public Integer call() {
        Request r;
        try {
            r = parse(args);
        } catch (IllegalArgumentException e) {
            return fail(EX_USAGE, e.getMessage());
        }
        Properties settings = new Properties();
        try (InputStream in = java.nio.file.Files.newInputStream(r.config)) {
            settings.load(in);
        } catch (IOException e) {
            return fail(EX_CONFIG, "cannot read " + r.config + ": " + e.getMessage());
        }
        long maxSize;
        try {
            maxSize = Long.parseLong(settings.getProperty("max-size", "1048576").strip());
        } catch (NumberFormatException e) {
            return fail(EX_CONFIG, "max-size: must be a number of bytes, was \"" + settings.getProperty("max-size")
                    + "\" in " + r.config);
        }
        byte[] message;
        try {
            message = SendmailMessage.read(stdin, r.dotEnds, maxSize);
        } catch (IOException e) {
            return fail(EX_DATAERR, e.getMessage());
        }
        ConvertedMail converted;
        try {
            MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(message));
            if (r.fromHeaders) {
                for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC,
                        Message.RecipientType.BCC)) {
                    Address[] found = mime.getRecipients(type);
                    for (Address a : found == null ? new Address[0] : found) {
                        r.recipients.add(((InternetAddress) a).getAddress());
                    }
                }
            }
            if (r.recipients.isEmpty()) {
                return fail(r.fromHeaders ? EX_DATAERR : EX_USAGE, r.fromHeaders
                        ? "recipients: the message has no To, Cc or Bcc header and none was given"
                        : "recipients: at least 1 is required (as arguments, or -t for the headers), was none");
            }
            converted = MimeConverter.create(false, maxSize).convert(mime, r.recipients);
        } catch (IllegalArgumentException e) {
            return fail(EX_DATAERR, "not stored: " + e.getMessage());
        } catch (MessagingException | IOException e) {
            return fail(EX_DATAERR, "not stored: the message cannot be read as MIME: " + e.getMessage());
        }
        String store = settings.getProperty("store", "").strip();
        SqliteFiles files = SqliteFiles.of(store);
        if (files != null && files.writable()) {
            try (Outbox outbox = Outbox.open(store)) {
                outbox.enqueue(converted.draft());
            } catch (IllegalArgumentException e) {
                return fail(EX_DATAERR, "not stored: " + e.getMessage());
            } catch (OutboxException e) {
                return fail(EX_TEMPFAIL, "not stored: " + e.getMessage());
            } finally {
                files.giveBackToDirectoryOwner();
            }
            return ExitCodes.OK;
        }
        String listen = settings.getProperty("listen", "127.0.0.1:2525").strip();
        if (listen.equalsIgnoreCase("off")) {
            return fail(EX_TEMPFAIL, "not stored: this user cannot write the outbox " + store
                    + " and the gateway's front door is off (listen=off in " + r.config + ")");
        }
        try {
            LoopbackSubmission.submit(listen, r.recipients, message);
            return ExitCodes.OK;
        } catch (LoopbackSubmission.Refused e) {
            return fail(e.permanent() ? EX_DATAERR : EX_TEMPFAIL, "not stored: the gateway at " + listen + " answered "
                    + e.getMessage());
        } catch (IOException e) {
            return fail(EX_TEMPFAIL, "not stored: this user cannot write the outbox " + store + ", and the gateway's "
                    + "front door at " + listen + " cannot be reached (" + e.getMessage() + "); is uc15mail-gateway running?");
        }
    }

    private int fail(int code, String message) {
        context.err().println("sendmail: " + message);
        return code;
    }

    /** Parses sendmail's command line. */
    static Request parse(List<String> args) {
        Request r = new Request();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                args.subList(i + 1, args.size()).forEach(r.recipients::add);
                break;
            }
            if (!a.startsWith("-") || a.equals("-")) {
                for (String rcpt : a.split(",")) {
                    if (!rcpt.isBlank()) {
                        r.recipients.add(rcpt.strip());
                    }
                }
                continue;
            }
            if (a.equals("--config")) {
                r.config = Path.of(value(args, ++i, a));
            } else if (a.equals("-t")) {
                r.fromHeaders = true;
            } else if (a.equals("-i") || a.equals("-oi")) {
                r.dotEnds = false;
            } else if (a.equals("-f") || a.equals("-F") || a.equals("-r")) {
                value(args, ++i, a);
            } else if (a.startsWith("-f") || a.startsWith("-F") || a.startsWith("-r") || a.startsWith("-o")
                    || a.startsWith("-B") || a.startsWith("-N") || a.startsWith("-R") || a.startsWith("-e")
                    || a.equals("-v") || a.equals("-U") || a.equals("-bm")) {
                // accepted for compatibility; the outbox queues every message and reports by exit code
            } else if (a.startsWith("-b") || a.startsWith("-q") || a.startsWith("-I")) {
                throw new IllegalArgumentException(a + ": is not supported: uc15mail's sendmail only queues a message "
                        + "from standard input (for SMTP use the front door, 127.0.0.1:2525; for the queue, 'uc15mail mailq')");
            } else {
                throw new IllegalArgumentException(a + ": unknown option (see 'uc15mail sendmail --help')");
            }
        }
        return r;
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + ": needs a value, was none");
        }
        return args.get(i);
    }
}
