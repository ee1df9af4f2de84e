package io.github.uc15mail.cli;

import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.mail.Security;
import io.github.uc15mail.outbox.Outbox;
import io.github.uc15mail.testkit.Imei;
import io.github.uc15mail.testkit.Uc15Emulator;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code uc15mail gateway --demo}: the gateway as a newcomer first sees it. Two emulated UC15s, an embedded
 * SMTP server standing in for the provider, a temporary SQLite outbox (deleted at the end), the front door
 * and the status page, all in this process on 127.0.0.1. Prints where everything is, a {@code curl}
 * command to paste, and each mail the destination receives.
 */
final class GatewayDemo {

    static final String SENDER = "gateway@uc15mail.example";

    private final CliContext context;
    private final GatewayCommand command;

    GatewayDemo(CliContext context, GatewayCommand command) {
        this.context = context;
        this.command = command;
    }

    int run() {
        if (!command.modems.isEmpty() || command.store.isSet()) {
            throw CliFailure.badInput("demo: runs its own modems and outbox; leave out --modem and --store, was "
                    + (command.modems.isEmpty() ? "--store " + command.store.store : "--modem " + command.modems.get(0)));
        }
        command.checkFlags();
        Path dir;
        try {
            dir = Files.createTempDirectory("uc15mail-gateway-demo");
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.INTERNAL_ERROR, "demo: cannot create a temporary directory: " + e.getMessage(), e);
        }
        List<Uc15Emulator> fleet = new ArrayList<>();
        try (EmbeddedSmtpServer destination = EmbeddedSmtpServer.start(0, null, null)) {
            List<ModemAddress> modems = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Uc15Emulator e = Uc15Emulator.builder().imei(Imei.forIndex(i)).smtpTimeoutScale(0.05).build();
                fleet.add(e);
                modems.add(ModemAddress.parse("tcp:127.0.0.1:" + e.listenTcp(0)));
            }
            String store = "sqlite:" + dir.resolve("outbox.db");
            SmtpConfig config = SmtpConfig.builder().server("127.0.0.1", destination.port()).security(Security.NONE)
                    .sender("uc15mail gateway demo", SENDER).build();
            context.out().println("uc15mail gateway --demo: everything runs in this process on 127.0.0.1.");
            context.out().println("Emulated UC15 #1 on " + modems.get(0).spec() + ", #2 on " + modems.get(1).spec());
            context.out().println("Destination SMTP server (embedded, stands in for your provider) on 127.0.0.1:"
                    + destination.port());
            context.out().println("Outbox: " + store + " (deleted when the demo stops)");
            DeliveryPrinter printer = new DeliveryPrinter(destination);
            try (Outbox outbox = Outbox.open(store)) {
                return command.serve(outbox, modems, 115200, config, new SecretMasker(), command.verbose(), services -> {
                    if (services.frontDoor() != null) {
                        context.out().println("Send a mail through it (paste this in another terminal):");
                        context.out().println("  " + curl(GatewayServices.hostPort(services.frontDoor())));
                    }
                    context.out().println("Each mail the destination receives is printed below. Stop with Ctrl-C.");
                    printer.start();
                });
            } finally {
                printer.stop();
            }
        } finally {
            fleet.forEach(Uc15Emulator::close);
            deleteTree(dir);
        }
    }

    /** The one-line command a newcomer pastes (bash, for the process substitution). */
    static String curl(String hostPort) {
        return "curl -s smtp://" + hostPort + " --mail-from you@example.com --mail-rcpt ops@example.com"
                + " -T <(printf 'To: ops@example.com\\r\\nSubject: hi\\r\\n\\r\\nhello\\r\\n')";
    }

    /** Prints each message the destination receives, from a thread of its own. */
    private final class DeliveryPrinter {
        private final EmbeddedSmtpServer destination;
        private volatile boolean running = true;
        private Thread thread;

        DeliveryPrinter(EmbeddedSmtpServer destination) {
            this.destination = destination;
        }

        void start() {
            thread = new Thread(this::loop, "uc15mail-demo-deliveries");
            thread.setDaemon(true);
            thread.start();
        }

        private void loop() {
            // The server keeps one copy per recipient, grouped by mailbox, so a later message can appear before
            // an earlier copy: each message is printed once, by its Message-ID (or by the copy itself without one).
            java.util.Set<Object> seen = new java.util.HashSet<>();
            while (running) {
                for (MimeMessage m : destination.receivedMessages()) {
                    if (!seen.add(key(m))) {
                        continue;
                    }
                    try {
                        synchronized (context.out()) {
                            context.out().println("Delivered to the destination SMTP server:");
                            ReceivedMailPrinter.print(m, context.out());
                            context.out().flush();
                        }
                    } catch (Exception e) {
                        context.out().println("  (cannot print it: " + e.getMessage() + ")");
                    }
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private static Object key(MimeMessage m) {
            try {
                String messageId = m.getMessageID();
                return messageId != null ? messageId : m;
            } catch (jakarta.mail.MessagingException e) {
                return m;
            }
        }

        void stop() {
            running = false;
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
