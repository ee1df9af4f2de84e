package io.github.uc15mail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.uc15mail.testkit.Await;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.at.AtSession;
import io.github.uc15mail.outbox.Dispatcher;
import io.github.uc15mail.outbox.DispatcherOptions;
import io.github.uc15mail.outbox.ModemReopener;
import io.github.uc15mail.outbox.Outbox;
import io.github.uc15mail.outbox.PoolModemStatus;
import io.github.uc15mail.serial.ModemPorts;
import io.github.uc15mail.testkit.Uc15EmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25, item 8: the modem's pty vanishes (socat ends, as a USB re-enumeration would) and comes back on
 * the same path; the dispatcher reopens it by itself and sends the mail queued meanwhile.
 */
class ModemReconnectTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    @TempDir
    Path tmp;

    private final List<ModemMailer> opened = new CopyOnWriteArrayList<>();

    private static void waitUntil(String what, BooleanSupplier condition) {
        Await.until(what, Duration.ofSeconds(40), condition);
    }

    private static Process bridge(Path link, int tcp) throws Exception {
        Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + link, "tcp:127.0.0.1:" + tcp)
                .redirectErrorStream(true).start();
        waitUntil("socat made " + link, () -> Files.exists(link));
        return socat;
    }

    private static void end(Process socat) throws InterruptedException {
        socat.destroy();
        if (!socat.waitFor(5, TimeUnit.SECONDS)) {
            socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aModemWhosePtyVanishesAndComesBackIsReopenedAndSendsAgain() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        assumeTrue(ci || PseudoTerminalSendTest.socatOnPath(), "socat is not on PATH: apt-get install socat");
        int tcp = uc15.emulator().listenTcp(0);
        Path link = tmp.resolve("modem");
        Process socat = bridge(link, tcp);
        SmtpConfig config = SmtpConfig.builder().server("127.0.0.1", uc15.smtpPort()).sender("", "gw@example.com")
                .sendTimeoutSeconds(60).build();
        ModemReopener reopener = name -> {
            ModemMailer m = ModemMailer.builder(io.github.uc15mail.Modem.open(ModemPorts.transport(link.toString())), config)
                    .ownsSession(true).build();
            opened.add(m);
            return m;
        };
        DispatcherOptions options = DispatcherOptions.defaults().withNode("n1").withPollInterval(Duration.ofMillis(50))
                .withBackoff(Duration.ofMillis(200), Duration.ofMillis(400));
        try (Outbox outbox = Outbox.open("sqlite:" + tmp.resolve("outbox.db"));
                Dispatcher dispatcher = Dispatcher.start(outbox, Map.of(link.toString(), reopener.reopen("first")),
                        options, reopener)) {
            outbox.enqueue(EmailDraft.builder().to("ops@example.com").subject("before").body("b").build());
            waitUntil("the first message sent", () -> uc15.receivedMessages().length == 1);

            end(socat); // the pty vanishes
            waitUntil("the lost link noticed", () -> dispatcher.poolStatus().get(0).health()
                    == PoolModemStatus.Health.RECONNECTING);
            outbox.enqueue(EmailDraft.builder().to("ops@example.com").subject("after").body("a").build());

            socat = bridge(link, tcp); // and comes back on the same path
            waitUntil("the second message sent through the reopened modem",
                    () -> uc15.receivedMessages().length == 2);
            assertEquals("after", uc15.receivedMessages()[1].getSubject());
            waitUntil("the modem back to READY after its send", () -> dispatcher.poolStatus().get(0).health()
                    == PoolModemStatus.Health.READY);
            assertTrue(opened.size() >= 2, "the port was opened again");
        } finally {
            end(socat);
            opened.forEach(ModemMailer::close);
        }
    }
}
