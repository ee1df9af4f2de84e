package io.github.uc15mail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code uc15mail emulate} serves a modem on TCP that another CLI run sends through. */
class EmulateCommandTest {

    @Test
    void deliversWhatASendThroughItsPortCarries() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        CliContext context = new CliContext(out, out, name -> null, false, Duration.ofSeconds(5));
        CompletableFuture<Integer> emulator = CompletableFuture.supplyAsync(
                () -> Uc15MailCli.run(context, "emulate", "--listen", "0", "--smtp-port", "0", "--count", "1"));

        Matcher modem = awaitLine(captured, Pattern.compile("listening on (tcp:127\\.0\\.0\\.1:\\d+)"));
        Matcher smtp = awaitLine(captured, Pattern.compile("SMTP server on 127\\.0\\.0\\.1:(\\d+)"));
        CliRunner.Result sent = new CliRunner().run("send", "--port", modem.group(1), "--server", "127.0.0.1",
                "--server-port", smtp.group(1), "--from", "me@example.com", "--to", "you@example.com",
                "--subject", "through emulate", "--body", "hello");

        assertEquals(0, sent.exitCode(), sent::toString);
        assertEquals(0, emulator.get(30, TimeUnit.SECONDS), () -> captured.toString(StandardCharsets.UTF_8));
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("delivered: from me@example.com to [you@example.com]"), printed);
        assertTrue(printed.contains("subject \"through emulate\""), printed);
        assertTrue(printed.contains("result 0,"), printed);
    }

    static Matcher awaitLine(ByteArrayOutputStream captured, Pattern pattern) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Matcher m = pattern.matcher(captured.toString(StandardCharsets.UTF_8));
            if (m.find()) {
                return m;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never printed " + pattern + ": " + captured.toString(StandardCharsets.UTF_8));
    }
}
