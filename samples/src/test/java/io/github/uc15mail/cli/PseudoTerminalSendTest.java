package io.github.uc15mail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import io.github.uc15mail.testkit.Await;
import io.github.uc15mail.testkit.SentEmail;
import io.github.uc15mail.testkit.Uc15EmulatorExtension;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code send} through a real pseudo-terminal, the way a USB modem looks to the program: socat links a pty
 * to the emulator's TCP port and the CLI opens the pty path with the serial transport.
 */
class PseudoTerminalSendTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    @TempDir
    Path tmp;

    static boolean socatOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "socat"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void sendsThroughAPtyBridgedBySocat() throws Exception {
        assumeTrue(socatOnPath(), "socat is not on PATH: install it (apt-get install socat) to run the pty test");
        int tcp = uc15.emulator().listenTcp(0);
        Path link = tmp.resolve("modem");
        Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + link, "tcp:127.0.0.1:" + tcp)
                .redirectErrorStream(true).start();
        try {
            Await.until("socat made " + link, Duration.ofSeconds(5), () -> Files.exists(link));
            assertEquals(true, Files.exists(link), "socat did not create " + link);

            CliRunner.Result r = new CliRunner().run("send", "--port", link.toString(), "--server", uc15.smtpHost(),
                    "--server-port", String.valueOf(uc15.smtpPort()), "--from", "pi@example.com",
                    "--to", "ops@example.com", "--subject", "over a pty", "--body", "serial path");

            assertEquals(0, r.exitCode(), r::toString);
            SentEmail sent = uc15.emulator().awaitSentEmail();
            assertEquals("over a pty", sent.subject());
            assertEquals(1, uc15.receivedMessages().length);
            assertEquals("over a pty", uc15.receivedMessages()[0].getSubject());
        } finally {
            socat.destroy();
            if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                socat.destroyForcibly();
            }
        }
    }

    @Test
    void aSecondTcpClientDoesNotKillTheBridge() throws Exception {
        assumeTrue(socatOnPath(), "socat is not on PATH: install it (apt-get install socat) to run the pty test");
        int tcp = uc15.emulator().listenTcp(0);
        Path link = tmp.resolve("modem");
        Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + link, "tcp:127.0.0.1:" + tcp)
                .redirectErrorStream(true).start();
        try {
            Await.until("socat made " + link, Duration.ofSeconds(5), () -> Files.exists(link));
            assertEquals(true, Files.exists(link), "socat did not create " + link);
            // socat makes the pty link before it connects to the emulator: an AT answered through the pty
            // proves the bridge holds the modem, so the client below is really the second one.
            try (io.github.uc15mail.at.AtSession through = io.github.uc15mail.at.AtSession.open(
                    io.github.uc15mail.serial.ModemPorts.transport(link.toString()))) {
                through.execute(io.github.uc15mail.at.Commands.at()).get(20, TimeUnit.SECONDS);
            }
            // socat holds the modem; a second client is refused and the bridge is left alone
            String said;
            try (java.net.Socket second = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), tcp)) {
                second.setSoTimeout(10_000);
                said = new String(second.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            }
            assertEquals(io.github.uc15mail.testkit.Uc15Emulator.PORT_BUSY, said);
            assertEquals(true, socat.isAlive(), "the bridge survived the second client");

            CliRunner.Result r = new CliRunner().run("send", "--port", link.toString(), "--server", uc15.smtpHost(),
                    "--server-port", String.valueOf(uc15.smtpPort()), "--from", "pi@example.com",
                    "--to", "ops@example.com", "--subject", "still bridged", "--body", "serial path");
            assertEquals(0, r.exitCode(), r::toString);
            assertEquals("still bridged", uc15.receivedMessages()[0].getSubject());
        } finally {
            socat.destroy();
            if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                socat.destroyForcibly();
            }
        }
    }
}
