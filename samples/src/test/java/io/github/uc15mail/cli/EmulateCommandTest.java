package io.github.uc15mail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.testkit.Await;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void printsEachSmsItReceivesDecoded() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        CliContext context = new CliContext(out, out, name -> null, false, Duration.ofSeconds(5));
        CompletableFuture<Integer> emulator = CompletableFuture.supplyAsync(
                () -> Uc15MailCli.run(context, "emulate", "--listen", "0", "--smtp-port", "0", "--count", "2"));

        Matcher modem = awaitLine(captured, Pattern.compile("listening on (tcp:127\\.0\\.0\\.1:\\d+)"));
        String text = "Pumpe 3: Druck zu niedrig. ".repeat(8).substring(0, 200);
        CliRunner.Result first = new CliRunner().run("sms", "--port", modem.group(1), "--to", "+491701234567",
                "--text", text);
        assertEquals(0, first.exitCode(), first::toString);
        CliRunner.Result second = new CliRunner().run("sms", "--port", modem.group(1), "--to", "+491701234567",
                "--text", "Druck 2,1 bar \u2013 Pumpe 3 \u2713");
        assertEquals(0, second.exitCode(), second::toString);

        assertEquals(0, emulator.get(30, TimeUnit.SECONDS), () -> captured.toString(StandardCharsets.UTF_8));
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("sms to +491701234567 (2 parts, GSM 7-bit): " + text + "\n"), printed);
        assertTrue(printed.contains("sms to +491701234567 (1 part, UCS2): Druck 2,1 bar \u2013 Pumpe 3 \u2713\n"), printed);
    }

    @Test
    void threeModemsOnConsecutivePortsEachDeliverToTheEmbeddedServer() throws Exception {
        int base = freeRun(3);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        CliContext context = new CliContext(out, out, name -> null, false, Duration.ofSeconds(5));
        CompletableFuture<Integer> emulator = CompletableFuture.supplyAsync(() -> Uc15MailCli.run(context, "emulate",
                "--listen", String.valueOf(base), "--modems", "3", "--smtp-port", "0", "--count", "3"));

        Matcher smtp = awaitLine(captured, Pattern.compile("SMTP server on 127\\.0\\.0\\.1:(\\d+)"));
        List<String> imeis = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Matcher m = awaitLine(captured, Pattern.compile("Emulated UC15 #" + (i + 1)
                    + " \\(IMEI (\\d{15})\\) listening on tcp:127\\.0\\.0\\.1:" + (base + i)));
            imeis.add(m.group(1));
        }
        assertEquals(3, imeis.stream().distinct().count(), "each modem has its own IMEI: " + imeis);
        for (int i = 0; i < 3; i++) {
            CliRunner.Result sent = new CliRunner().run("send", "--port", "tcp:127.0.0.1:" + (base + i), "--server",
                    "127.0.0.1", "--server-port", smtp.group(1), "--from", "me@example.com", "--to", "you@example.com",
                    "--subject", "via modem " + (i + 1), "--body", "hello");
            assertEquals(0, sent.exitCode(), sent::toString);
        }
        assertEquals(0, emulator.get(60, TimeUnit.SECONDS), () -> captured.toString(StandardCharsets.UTF_8));
        String printed = captured.toString(StandardCharsets.UTF_8);
        for (int i = 1; i <= 3; i++) {
            assertTrue(printed.contains("modem " + i + ": delivered: from me@example.com to [you@example.com]"), printed);
            assertTrue(printed.contains("subject \"via modem " + i + "\""), printed);
        }
    }

    @Test
    void aBusyListenPortIsRefusedWithOneLineAndExitTwo() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            CliRunner.Result r = new CliRunner().run("emulate", "--listen", String.valueOf(taken.getLocalPort()),
                    "--smtp-port", "0");
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r::toString);
            assertEquals(1, r.errLines().size(), r::toString);
            assertTrue(r.err().contains("port " + taken.getLocalPort() + " for the modem is in use"), r::toString);
            assertFalse(r.err().contains("Exception"), r::toString);
        }
    }

    @Test
    void aBusySmtpPortIsRefusedWithOneLineAndExitTwo() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            CliRunner.Result r = new CliRunner().run("emulate", "--listen", "0", "--smtp-port",
                    String.valueOf(taken.getLocalPort()));
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r::toString);
            assertEquals(1, r.errLines().size(), r::toString);
            assertTrue(r.err().contains("smtp-port: port " + taken.getLocalPort()), r::toString);
            assertFalse(r.out().contains("listening"), "nothing started: " + r);
        }
    }

    @Test
    void aFailedSendIsPrintedAsNotDelivered() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        CliContext context = new CliContext(out, out, name -> null, false, Duration.ofSeconds(5));
        CompletableFuture<Integer> emulator = CompletableFuture.supplyAsync(() -> Uc15MailCli.run(context, "emulate",
                "--listen", "0", "--smtp-port", "0", "--count", "1"));
        Matcher modem = awaitLine(captured, Pattern.compile("listening on (tcp:127\\.0\\.0\\.1:\\d+)"));
        Matcher smtp = awaitLine(captured, Pattern.compile("SMTP server on 127\\.0\\.0\\.1:(\\d+)"));
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        CliRunner.Result failed = new CliRunner().run("send", "--port", modem.group(1), "--server", "127.0.0.1",
                "--server-port", String.valueOf(closed), "--from", "me@example.com", "--to", "you@example.com",
                "--subject", "nowhere", "--body", "x");
        assertEquals(ExitCodes.REFUSED, failed.exitCode(), failed::toString);
        awaitLine(captured, Pattern.compile("not delivered: 654 "));
        CliRunner.Result sent = new CliRunner().run("send", "--port", modem.group(1), "--server", "127.0.0.1",
                "--server-port", smtp.group(1), "--from", "me@example.com", "--to", "you@example.com",
                "--subject", "somewhere", "--body", "x");
        assertEquals(0, sent.exitCode(), sent::toString);
        assertEquals(0, emulator.get(30, TimeUnit.SECONDS), () -> captured.toString(StandardCharsets.UTF_8));
        String printed = captured.toString(StandardCharsets.UTF_8);
        for (String line : printed.split("\\R")) {
            if (line.contains("subject \"nowhere\"")) {
                assertTrue(line.startsWith("not delivered: 654 "), line);
            }
            if (line.startsWith("delivered:")) {
                assertTrue(line.contains("subject \"somewhere\""), "only the real delivery says delivered: " + line);
            }
        }
        assertTrue(printed.contains("delivered: from me@example.com to [you@example.com]"), printed);
    }

    @Test
    void anUnknownModelIsRefused() {
        CliRunner.Result r = new CliRunner().run("emulate", "--listen", "0", "--model", "M95");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r::toString);
        assertTrue(r.err().contains("model: unknown model M95"), r::toString);
    }

    /** A port such that it and the next n-1 are free now. */
    static int freeRun(int n) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                base = s.getLocalPort();
            }
            if (base + n > 65535) {
                continue;
            }
            boolean free = true;
            for (int i = 1; i < n && free; i++) {
                try (ServerSocket s = new ServerSocket(base + i, 1, InetAddress.getLoopbackAddress())) {
                    free = s.getLocalPort() == base + i;
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new AssertionError("no run of " + n + " free ports");
    }

    static Matcher awaitLine(ByteArrayOutputStream captured, Pattern pattern) {
        return Await.value("a line matching " + pattern, Duration.ofSeconds(10),
                () -> pattern.matcher(captured.toString(StandardCharsets.UTF_8)), Matcher::find);
    }
}
