package io.github.uc15mail.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code uc15mail mailq} (also run as {@code mailq}): the gateway's outbox, as {@code outbox list} shows it. */
@Command(name = "mailq", mixinStandardHelpOptions = true, version = Uc15MailCli.VERSION,
        description = "List the messages in the gateway's outbox (the store of its configuration), newest first.")
public final class MailqCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The gateway's settings (default /etc/uc15mail/gateway.properties).")
    Path config = SendmailCommand.DEFAULT_CONFIG;

    public MailqCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Properties settings = new Properties();
        try (InputStream in = Files.newInputStream(config)) {
            settings.load(in);
        } catch (IOException e) {
            throw CliFailure.badInput("config: cannot read " + config + ": " + e.getMessage());
        }
        String store = settings.getProperty("store");
        if (store == null || store.isBlank()) {
            throw CliFailure.badInput("store: " + config + " names no outbox (store=...)");
        }
        return Uc15MailCli.run(context, "outbox", "--store", store.strip(), "list");
    }
}
