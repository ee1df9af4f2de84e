package io.github.uc15mail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.testkit.ChildJvm;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A port where nothing answers {@code AT}: exit 4 with one line that names the bound the CLI really keeps, and,
 * in the real process with the CLI's own logback.xml, nothing else on stderr (no {@code WARN AtSession} lines).
 */
class SilentModemTest {

    private ServerSocket silent;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listen() throws IOException {
        silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(silent.accept());
                }
            } catch (IOException e) {
                // closed at the end of the test
            }
        }, "silent-modem");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void close() throws IOException {
        silent.close();
        for (Socket s : accepted) {
            s.close();
        }
    }

    private String[] sendArgs() {
        return new String[] {"send", "--port", "tcp:127.0.0.1:" + silent.getLocalPort(), "--server",
            "smtp.example.com", "--from", "unit7@example.com", "--to", "ops@example.com", "--body", "x"};
    }

    @Test
    void theMessageNamesTheConfiguredBound() {
        CliRunner.Result r = new CliRunner().answerBudget(Duration.ofMillis(1500)).run(sendArgs());
        assertEquals(ExitCodes.MODEM_UNREACHABLE, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().contains("nothing answers AT on tcp:127.0.0.1:" + silent.getLocalPort() + " within 1.5 s"),
                r::toString);
    }

    @Test
    void theDefaultBoundIsTheOneTheMessageAndReadmeName() {
        assertEquals("15 s", ModemLink.seconds(CliContext.DEFAULT_MODEM_ANSWER_BUDGET));
    }

    @Test
    void theRealProcessPrintsExactlyOneLineWithoutVerbose() throws Exception {
        URL logback = Uc15MailCli.class.getClassLoader().getResource("logback.xml");
        assertNotNull(logback, "the CLI's logback.xml");
        List<String> command = ChildJvm.command(List.of("-Dlogback.configurationFile=" + logback,
                "-Duc15mail.modemAnswerBudgetMillis=2000"), Uc15MailCli.class.getName(), List.of(sendArgs()));
        Process p = new ProcessBuilder(command).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the CLI did not end");
        String stderr = err.get(5, TimeUnit.SECONDS);

        assertEquals(ExitCodes.MODEM_UNREACHABLE, p.exitValue(), stderr);
        assertEquals("", out.get(5, TimeUnit.SECONDS));
        assertEquals(1, stderr.lines().count(), "exactly one line on stderr, was:\n" + stderr);
        assertTrue(stderr.startsWith("uc15mail: nothing answers AT on tcp:127.0.0.1:" + silent.getLocalPort()
                + " within 2 s"), stderr);
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
