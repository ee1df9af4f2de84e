package io.github.uc15mail.cli;

import io.github.uc15mail.mail.EmailDraft;
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
        description = {"Put one email in the outbox; a running 'uc15mail gateway' sends it.",
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

    @Option(names = "--priority", paramLabel = "N", description = "Higher is sent first (default 0).")
    int priority;

    @Option(names = "--idempotency-key", paramLabel = "KEY",
            description = "Queue at most once under this key: a repeat prints the first message's id.")
    String idempotencyKey;

    public QueueCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public boolean verbose() {
        return options.run.verbose;
    }

    @Override
    public Integer call() {
        EmailDraft draft = SendSettings.resolveDraft(options);
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
                id = outbox.enqueue(draft, enqueue);
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
