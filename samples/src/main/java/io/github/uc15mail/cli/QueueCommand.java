package io.github.uc15mail.cli;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.error.InvalidDraftException;
import io.github.uc15mail.SmsDraft;
import io.github.uc15mail.outbox.EnqueueOptions;
import io.github.uc15mail.outbox.MessageId;
import io.github.uc15mail.outbox.Outbox;
import io.github.uc15mail.outbox.OutboxException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code uc15mail queue}: stores one email in the outbox for a {@code gateway} to send; touches no modem.
 * The content flags and {@code --config} are those of {@code send} (its modem and server flags are
 * accepted and ignored, so one config file serves both). Prints the message id.
 */
@Command(name = "queue", mixinStandardHelpOptions = true, version = Uc15MailCli.VERSION, sortOptions = false,
        description = {"Put one email (or with --sms +E164 --text T, one SMS) in the outbox; a running 'uc15mail gateway' "
                + "sends it.",
                "Takes the content flags of 'send'; no modem is touched. Prints the message id."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stored durably (the id is printed)",
            "2:refused: bad flags or content the modem could not carry; nothing stored",
            "4:the store cannot be reached; nothing stored"},
        footerHeading = "%nExample:%n",
        footer = {"  uc15mail queue --store sqlite:/var/lib/uc15mail/outbox.db \\",
                "    --to ops@example.com --subject 'Pump 3' --body 'Pressure low'"})
public final class QueueCommand implements Callable<Integer>, VerboseCommand {

    private final CliContext context;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Mixin
    ContentFlags content = new ContentFlags();

    @Mixin
    RunFlags run = new RunFlags();

    /** The content and run flags as {@link SendSettings} reads them; queue takes no modem or account flags. */
    private final SendOptions options = SendOptions.of(null, null, null, content, run);

    @Option(names = "--from-name", paramLabel = "NAME",
            description = "Sender display name of this message (printable ASCII, at most 50 bytes); without it the "
                    + "gateway's own --from-name.")
    String fromName;

    @Option(names = "--priority", paramLabel = "N", description = "Higher is sent first (default 0).")
    int priority;

    @Option(names = "--idempotency-key", paramLabel = "KEY",
            description = "Queue at most once under this key: a repeat prints the first message's id.")
    String idempotencyKey;

    @Option(names = "--sms", paramLabel = "+E164",
            description = "Queue an SMS to this number (international form, such as +491701234567) instead of an email; "
                    + "its text comes from --text.")
    String sms;

    @Option(names = "--text", paramLabel = "T", description = "The text of the SMS (with --sms).")
    String text;

    @Option(names = "--max-parts", paramLabel = "N", description = "Most SMS parts the text may take (with --sms; default 4).")
    Integer maxParts;

    public QueueCommand(CliContext context) {
        this.context = context;
    }

    /** The SMS of {@code --sms}/{@code --text}, null for an email; exit 2 for a half or wrong one. */
    private SmsDraft smsDraft() {
        if (sms == null) {
            if (text != null || maxParts != null) {
                throw CliFailure.badInput("text: --text and --max-parts go with --sms (an email takes --body)");
            }
            return null;
        }
        if (text == null) {
            throw CliFailure.badInput("text: --sms needs --text");
        }
        try {
            return SmsDraft.of(sms, text, maxParts == null ? SmsDraft.DEFAULT_MAX_PARTS : maxParts);
        } catch (InvalidDraftException e) {
            throw CliFailure.badInput(e.getMessage().replaceFirst("^to:", "sms:"));
        }
    }

    @Override
    public boolean verbose() {
        return options.run.verbose;
    }

    @Override
    public Integer call() {
        SmsDraft smsDraft = smsDraft();
        if (smsDraft != null && fromName != null) {
            throw CliFailure.badInput("from-name: an SMS has no sender name (it goes from the modem's number), was \""
                    + fromName + "\"");
        }
        EmailDraft draft = smsDraft == null ? SendSettings.resolveDraft(options, fromName) : null;
        EnqueueOptions enqueue = EnqueueOptions.defaults().withPriority(priority);
        if (idempotencyKey != null) {
            try {
                enqueue = enqueue.withIdempotencyKey(idempotencyKey);
            } catch (IllegalArgumentException e) {
                throw CliFailure.badInput(e.getMessage());
            }
        }
        AutoCloseable logLevel = Logging.sdk(options.run.verbose);
        try (Outbox outbox = store.open(context.env())) {
            MessageId id;
            try {
                id = smsDraft != null ? outbox.enqueueSms(smsDraft, enqueue, null) : outbox.enqueue(draft, enqueue);
            } catch (IllegalArgumentException e) {
                throw CliFailure.badInput(e.getMessage());
            } catch (OutboxException e) {
                throw new CliFailure(ExitCodes.MODEM_UNREACHABLE, "not stored: " + e.getMessage(), e);
            }
            context.out().println(id);
            return ExitCodes.OK;
        } finally {
            Logging.restore(logLevel);
        }
    }
}
