package io.github.uc15mail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.testkit.Uc15EmulatorExtension;
import io.github.uc15mail.testkit.Waits;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's two terminals: {@code emulate --listen PORT} puts its SMTP server on a free port (never the gateway's
 * 2525), and a gateway whose front door cannot bind stops before it claims anything: the outbox is unchanged.
 */
class PortClashTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension();

    @TempDir
    Path dir;

    @Test
    void emulateTakesAFreeSmtpPortByDefaultAndDelivers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        CliContext context = new CliContext(o, o, Map.<String, String>of()::get, false, Duration.ofSeconds(5));
        CompletableFuture<Integer> emulate = CompletableFuture.supplyAsync(
                () -> Uc15MailCli.run(context, "emulate", "--listen", "0", "--count", "1"));
        Matcher modem = await(out, "listening on tcp:127\\.0\\.0\\.1:(\\d+)");
        Matcher smtp = await(out, "SMTP server on 127\\.0\\.0\\.1:(\\d+)");
        assertNotEquals("2525", smtp.group(1), "the emulator's SMTP server must not take the gateway's default port");
        CliRunner.Result sent = new CliRunner().run("send", "--port", "tcp:127.0.0.1:" + modem.group(1), "--server",
                "127.0.0.1", "--server-port", smtp.group(1), "--from", "pi@example.com", "--to", "ops@example.com",
                "--subject", "two terminals", "--body", "hello");
        assertEquals(0, sent.exitCode(), sent::toString);
        assertEquals(0, emulate.get(60, TimeUnit.SECONDS), () -> out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("delivered: "), () -> out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFrontDoorThatCannotBindLeavesTheOutboxUntouched() throws Exception {
        String store = "sqlite:" + dir.resolve("outbox.db");
        CliRunner cli = new CliRunner();
        CliRunner.Result queued = cli.run("queue", "--store", store, "--to", "ops@example.com", "--subject", "waiting",
                "--body", "x");
        assertEquals(0, queued.exitCode(), queued::toString);
        int modem = uc15.emulator().listenTcp(0);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRunner.Result gateway = cli.run("gateway", "--store", store, "--modem", "tcp:127.0.0.1:" + modem,
                    "--listen", "127.0.0.1:" + taken.getLocalPort(), "--http", "off", "--server", "127.0.0.1",
                    "--from", "pi@example.com");
            assertEquals(2, gateway.exitCode(), gateway::toString);
            assertTrue(gateway.err().contains("listen: cannot start the SMTP front door on 127.0.0.1:"
                    + taken.getLocalPort()), gateway::toString);
        }
        CliRunner.Result list = cli.run("outbox", "--store", store, "list", "--json");
        assertEquals(0, list.exitCode(), list::toString);
        assertTrue(list.out().contains("\"state\":\"QUEUED\",\"channel\":\"mail\",\"attempts\":0,\"subject\":\"waiting\""), list::toString);
        CliRunner.Result show = cli.run("outbox", "--store", store, "show", queued.out().strip());
        assertTrue(show.out().contains("attempts:   0"), show::toString);
    }

    private static Matcher await(ByteArrayOutputStream out, String regex) {
        Pattern p = Pattern.compile(regex);
        Waits.until(Duration.ofSeconds(30), () -> p.matcher(out.toString(StandardCharsets.UTF_8)).find());
        Matcher m = p.matcher(out.toString(StandardCharsets.UTF_8));
        assertTrue(m.find(), regex);
        return m;
    }
}
