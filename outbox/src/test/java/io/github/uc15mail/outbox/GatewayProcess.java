package io.github.uc15mail.outbox;

import io.github.uc15mail.Modem;

import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.at.AtSessionOptions;
import io.github.uc15mail.testkit.ChildJvm;
import io.github.uc15mail.transport.Transport.SocketTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A gateway in its own JVM, for the crash tests: {@code main(store, node, smtpPort, modemPort...)} drains
 * the store through emulated modems served on TCP by the test JVM, until killed. Also starts the process.
 */
public final class GatewayProcess {

    private GatewayProcess() {}

    public static void main(String[] args) throws Exception {
        String store = args[0];
        String node = args[1];
        int smtpPort = Integer.parseInt(args[2]);
        // A host whose clock is off (the chaos run): -Duc15mail.test.skewSeconds=150.
        java.time.Clock clock = java.time.Clock.offset(java.time.Clock.systemUTC(),
                Duration.ofSeconds(Long.getLong("uc15mail.test.skewSeconds", 0)));
        Outbox outbox = store.startsWith("jdbc:postgresql") ? Outbox.open(store, "postgres", "x", clock)
                : Outbox.open(store, null, null, clock);
        SmtpConfig config = SmtpConfig.builder().server("127.0.0.1", smtpPort).sender("", "gw@example.com")
                .sendTimeoutSeconds(60).sendResultTimeout(Duration.ofSeconds(20)).build();
        Map<String, ModemMailer> modems = new LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            Modem modem = Modem.open(new SocketTransport("127.0.0.1", Integer.parseInt(args[i])),
                    AtSessionOptions.defaults());
            modems.put(node + "-modem" + (i - 2), ModemMailer.builder(modem, config).ownsSession(true).build());
        }
        DispatcherOptions options = DispatcherOptions.defaults().withNode(node).withLease(Duration.ofSeconds(3))
                .withBackoff(Duration.ofMillis(100), Duration.ofMillis(500)).withPollInterval(Duration.ofMillis(50))
                .withSetAside(5, Duration.ofMillis(500), Duration.ofSeconds(2));
        Dispatcher.start(outbox, modems, options);
        System.out.println("gateway " + node + " started");
        new CountDownLatch(1).await();
    }

    /** Starts a gateway JVM; its output goes to {@code log}. */
    static Process launch(Path log, String store, String node, int smtpPort, List<Integer> modemPorts) throws Exception {
        return launch(log, store, node, smtpPort, modemPorts, 0);
    }

    /** As {@link #launch(Path, String, String, int, List)}, on a host whose clock is {@code skewSeconds} off. */
    static Process launch(Path log, String store, String node, int smtpPort, List<Integer> modemPorts, long skewSeconds)
            throws Exception {
        List<String> cmd = new ArrayList<>(ChildJvm.command(List.of("-Xmx128m", "-Duc15mail.test.skewSeconds=" + skewSeconds),
                GatewayProcess.class.getName(), List.of(store, node, String.valueOf(smtpPort))));
        modemPorts.forEach(p -> cmd.add(String.valueOf(p)));
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }
}
