package io.github.uc15mail.cli;

import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.outbox.Dispatcher;
import io.github.uc15mail.outbox.DispatcherOptions;
import io.github.uc15mail.outbox.Outbox;
import io.github.uc15mail.outbox.OutboxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code uc15mail gateway}: drains the outbox through one or more modems until stopped. On SIGTERM or
 * Ctrl-C it stops taking work, hands back sends that have not reached {@code AT+QSMTPPUT}, waits for those
 * that have, and exits 0. The SMTP flags and {@code --config} are those of {@code send}.
 */
@Command(name = "gateway", mixinStandardHelpOptions = true, version = Uc15MailCli.VERSION, sortOptions = false,
        description = {"Send the outbox's mail through one or more modems until stopped (SIGTERM or Ctrl-C).",
                "Each modem is brought to a clean state before it takes work. Takes the SMTP flags of 'send'."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped on request", "2:bad flags or configuration",
            "4:a modem or the store cannot be reached at start"},
        footerHeading = "%nExample:%n",
        footer = {"  SMTP_PASSWORD=... uc15mail gateway --store sqlite:/var/lib/uc15mail/outbox.db \\",
                "    --modem /dev/ttyUSB2 --modem /dev/ttyUSB6 --server smtp.example.com --security ssl \\",
                "    --user pi@example.com --password-env SMTP_PASSWORD --from pi@example.com"})
public final class GatewayCommand implements Callable<Integer>, VerboseCommand {

    private final CliContext context;
    private final CountDownLatch stopRequested = new CountDownLatch(1);

    @Mixin
    StoreOptions store = new StoreOptions();

    @Mixin
    SendOptions options = new SendOptions();

    @Option(names = "--modem", paramLabel = "PORT",
            description = "A modem's AT port, as --port of send (a serial device or tcp:HOST:PORT); repeatable.")
    List<String> modems = new ArrayList<>();

    @Option(names = "--node", paramLabel = "NAME",
            description = "This gateway's name in the store, unique among gateways sharing it (default: the host name).")
    String node;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "SMTP front door (not implemented yet).")
    String listen;

    @Option(names = "--http", paramLabel = "HOST:PORT", description = "Status page (not implemented yet).")
    String http;

    public GatewayCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public boolean verbose() {
        return options.verbose;
    }

    /** Asks a running gateway to stop (what SIGTERM does); for tests and embedding. */
    public void requestStop() {
        stopRequested.countDown();
    }

    @Override
    public Integer call() {
        if (options.port != null) {
            throw CliFailure.badInput("port: the gateway takes its modems as --modem PORT (repeatable), was --port "
                    + options.port);
        }
        if (modems.isEmpty()) {
            throw CliFailure.badInput("modem: at least 1 is required (--modem PORT), was none");
        }
        List<ModemAddress> addresses = modems.stream().map(ModemAddress::parse).toList();
        SendSettings settings = SendSettings.resolveSmtp(options, context.env());
        DispatcherOptions dispatch;
        try {
            dispatch = DispatcherOptions.defaults();
            if (node != null) {
                dispatch = dispatch.withNode(node);
            }
        } catch (IllegalArgumentException e) {
            throw CliFailure.badInput(e.getMessage());
        }
        notImplemented("listen", listen);
        notImplemented("http", http);
        AutoCloseable logLevel = Logging.level("io.github.uc15mail.outbox", settings.verbose() ? "INFO" : "WARN");
        AutoCloseable sdkLevel = Logging.sdk(settings.verbose());
        List<ModemLink> links = new ArrayList<>();
        List<ModemMailer> mailers = new ArrayList<>();
        try (Outbox outbox = store.open(context.env())) {
            Map<String, ModemMailer> pool = new LinkedHashMap<>();
            for (ModemAddress address : addresses) {
                ModemLink link = ModemLink.open(address, settings.baud(), null, context.modemAnswerBudget());
                links.add(link);
                ModemMailer mailer = ModemMailer.create(link.session(), settings.config());
                mailers.add(mailer);
                pool.put(address.spec(), mailer);
            }
            outbox.addListener(change -> {
                if (change.to().isFinal() || change.from() == null) {
                    context.out().println(change.id() + " " + change.to()
                            + (change.detail() == null ? "" : ": " + settings.masker().mask(change.detail())));
                }
            });
            Dispatcher dispatcher;
            try {
                dispatcher = Dispatcher.start(outbox, pool, dispatch);
            } catch (OutboxException e) {
                throw new CliFailure(ExitCodes.MODEM_UNREACHABLE, e.getMessage(), e);
            }
            Signals.onTermination(this::requestStop);
            context.err().println("uc15mail: gateway " + dispatch.node() + " draining " + outbox.storeDescription()
                    + " through " + pool.size() + " modem" + (pool.size() == 1 ? "" : "s") + "; stop with SIGTERM or Ctrl-C");
            awaitStop();
            context.err().println("uc15mail: stopping: unsubmitted sends go back to the queue, submitted ones finish");
            dispatcher.close();
            return ExitCodes.OK;
        } finally {
            mailers.forEach(ModemMailer::close);
            links.forEach(ModemLink::close);
            Logging.restore(sdkLevel);
            Logging.restore(logLevel);
        }
    }

    private void awaitStop() {
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void notImplemented(String flag, String value) {
        if (value != null && !value.equalsIgnoreCase("off")) {
            context.err().println("uc15mail: --" + flag + " is not implemented yet; ignored (" + value + ")");
        }
    }
}
