package io.github.uc15mail.cli;

import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.gateway.GatewaySettings;
import io.github.uc15mail.outbox.DispatcherOptions;
import io.github.uc15mail.outbox.Outbox;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code uc15mail gateway}: drains the outbox through one or more modems until stopped, takes mail into it
 * through the SMTP front door ({@code --listen}) and shows it on the status page ({@code --http}). On SIGTERM
 * or Ctrl-C it stops taking mail, hands back sends that have not reached {@code AT+QSMTPPUT}, waits for those
 * that have, and exits 0. The SMTP flags and {@code --config} are those of {@code send}; {@code --demo} runs
 * it all against emulated modems ({@link GatewayDemo}).
 */
@Command(name = "gateway", mixinStandardHelpOptions = true, version = Uc15MailCli.VERSION, sortOptions = false,
        description = {"Send the outbox's mail through one or more modems until stopped, taking mail over SMTP.",
                "Runs until SIGTERM or Ctrl-C; takes mail into the outbox over SMTP (--listen) and shows it on a "
                        + "status page (--http).",
                "Each modem is brought to a clean state before it takes work. Takes the SMTP flags of 'send'.",
                "Try it without hardware: uc15mail gateway --demo"},
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
    LinkFlags link = new LinkFlags();

    @Mixin
    AccountFlags account = new AccountFlags();

    @Mixin
    RunFlags run = new RunFlags();

    @Option(names = "--port", hidden = true, paramLabel = "PATH",
            description = "Refused: the gateway takes its modems as --modem PORT.")
    String port;

    /** The flags of send the gateway takes (no --port, no content), as {@link SendSettings} reads them. */
    final SendOptions options = SendOptions.of(null, link, account, null, run);

    @Option(names = "--modem", paramLabel = "PORT",
            description = "A modem's AT port, as --port of send (a serial device or tcp:HOST:PORT); repeatable.")
    List<String> modems = new ArrayList<>();

    @Option(names = "--node", paramLabel = "NAME",
            description = "This gateway's name in the store, unique among gateways sharing it (default: the host name).")
    String node;

    @Mixin
    FrontDoorOptions frontDoor = new FrontDoorOptions();

    @Mixin
    TraceOptions trace = new TraceOptions();

    @Mixin
    SmsGatewayOptions sms = new SmsGatewayOptions();

    @Option(names = "--demo", description = "Run everything in this process: two emulated modems, an embedded SMTP "
            + "server as the destination, a temporary outbox, the front door and the status page; prints how to try it.")
    boolean demo;

    public GatewayCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public boolean verbose() {
        return options.run.verbose;
    }

    /** Asks a running gateway to stop (what SIGTERM does); for tests and embedding. */
    public void requestStop() {
        stopRequested.countDown();
    }

    @Override
    public Integer call() {
        GatewayConfigFile.apply(this);
        if (demo) {
            return new GatewayDemo(context, this).run();
        }
        if (port != null) {
            throw CliFailure.badInput("port: the gateway takes its modems as --modem PORT (repeatable), was --port "
                    + port);
        }
        if (modems.isEmpty()) {
            throw CliFailure.badInput("modem: at least 1 is required (--modem PORT), was none");
        }
        List<ModemAddress> addresses = modems.stream().map(ModemAddress::parse).toList();
        SendSettings settings = SendSettings.resolveSmtp(options, context.env(), GatewayConfigFile.KEYS);
        String unverified = CaCertOption.unverifiedNote(settings.config());
        if (unverified != null) {
            context.err().println(unverified);
        }
        try (Outbox outbox = openStore()) {
            return serve(outbox, addresses, settings.baud(), settings.config(), settings.masker(), settings.verbose(), null);
        }
    }

    private Outbox openStore() {
        checkFlags();
        return store.open(context.env());
    }

    private DispatcherOptions dispatchOptions() {
        try {
            DispatcherOptions dispatch = DispatcherOptions.defaults();
            return node == null ? dispatch : dispatch.withNode(node);
        } catch (IllegalArgumentException e) {
            throw CliFailure.badInput(e.getMessage());
        }
    }

    /** Checks the front door and status page flags before anything opens. */
    void checkFlags() {
        frontDoor.frontDoor(context.env());
        frontDoor.checkHttp(context.env());
        dispatchOptions();
        sms.check();
    }

    /**
     * Runs the gateway over {@code outbox} until stopped: the modems drain it, the front door and the status page
     * serve; {@code started} (may be null) runs once everything is up.
     */
    int serve(Outbox outbox, List<ModemAddress> addresses, int baud, SmtpConfig config, SecretMasker masker,
            boolean verbose, Consumer<GatewayServices> started) {
        GatewaySettings door = frontDoor.frontDoor(context.env());
        InetSocketAddress http = frontDoor.http();
        DispatcherOptions dispatch = dispatchOptions();
        AutoCloseable logLevel = Logging.level("io.github.uc15mail.outbox", verbose ? "INFO" : "WARN");
        AutoCloseable sdkLevel = Logging.sdk(verbose);
        AutoCloseable changeLog = Logging.level("io.github.uc15mail.gateway.internal.outbox.OutboxStateLog", "INFO");
        try {
            outbox.addListener(change -> {
                if (change.to().isFinal() || change.from() == null) {
                    context.out().println(change.id() + " " + change.to()
                            + (change.detail() == null ? "" : ": " + masker.mask(change.detail())));
                }
            });
            try (GatewayServices services = GatewayServices.start(outbox, addresses, baud, config, dispatch, door, http,
                    frontDoor.httpAdmin, frontDoor.statusLogin(context.env()), masker, context, trace, sms)) {
                Signals.onTermination(this::requestStop);
                context.err().println("uc15mail: gateway " + dispatch.node() + " draining " + outbox.storeDescription()
                        + " through " + services.modemCount() + " modem" + (services.modemCount() == 1 ? "" : "s")
                        + "; stop with SIGTERM or Ctrl-C");
                if (services.frontDoor() != null) {
                    context.out().println("SMTP front door: smtp://" + GatewayServices.hostPort(services.frontDoor()));
                }
                if (services.statusPage() != null) {
                    context.out().println("Status page: " + services.statusPage() + " (also /health and /metrics"
                            + (frontDoor.httpAdmin ? "; retry and cancel enabled)" : ")"));
                }
                if (started != null) {
                    started.accept(services);
                }
                context.out().flush();
                awaitStop();
                context.err().println("uc15mail: stopping: unsubmitted sends go back to the queue, submitted ones finish");
            }
            return ExitCodes.OK;
        } finally {
            Logging.restore(changeLog);
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
}
