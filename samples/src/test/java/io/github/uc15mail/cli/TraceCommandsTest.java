package io.github.uc15mail.cli;

import static io.github.uc15mail.cli.EmulateCommandTest.awaitLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.testkit.Model;
import io.github.uc15mail.testkit.Uc15Emulator;
import io.github.uc15mail.trace.Trace;
import io.github.uc15mail.trace.Trace.TraceRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --trace}, {@code emulate --replay} and {@code qualify}, as a module owner runs them. */
class TraceCommandsTest {

    static final String PASSWORD = "cli-trace-pw-5521";
    static final String APN_PASSWORD = "cli-apn-pw-0912";

    private static List<String> send(String port, int smtpPort, Path trace, String subject) {
        List<String> args = new ArrayList<>(List.of("send", "--port", port, "--server", "127.0.0.1", "--server-port",
                String.valueOf(smtpPort), "--user", "u@example.com", "--password-env", "SMTP_PW", "--apn", "internet",
                "--apn-user", "a", "--apn-password-env", "APN_PW", "--from", "me@example.com", "--to", "you@example.com",
                "--subject", subject, "--body", "hello"));
        if (trace != null) {
            args.addAll(List.of("--trace", trace.toString()));
        }
        return args;
    }

    private static CliRunner runner() {
        return new CliRunner().env("SMTP_PW", PASSWORD).env("APN_PW", APN_PASSWORD);
    }

    @Test
    void aTracedSendReplaysAndAnotherSubjectIsNamedAsTheFirstDeviation(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("t.jsonl");
        int smtpPort;
        try (Uc15Emulator modem = Uc15Emulator.create(); EmbeddedSmtpServer smtp = EmbeddedSmtpServer.start(0, null, null)) {
            smtpPort = smtp.port();
            String port = "tcp:127.0.0.1:" + modem.listenTcp(0);
            CliRunner.Result sent = runner().run(send(port, smtpPort, trace, "Report").toArray(String[]::new));
            assertEquals(0, sent.exitCode(), sent::toString);
        }
        String text = Files.readString(trace, StandardCharsets.UTF_8);
        assertFalse(text.contains(PASSWORD), text);
        assertFalse(text.contains(APN_PASSWORD), text);
        Trace t = Trace.read(trace);
        assertEquals("UC15", t.headerText("model"));
        List<String> commands = t.records().stream().filter(r -> r.kind() == TraceRecord.Kind.COMMAND)
                .map(r -> r.text().strip()).toList();
        assertEquals("AT", commands.get(0));
        assertTrue(commands.contains("AT+QSMTPPUT=300"), commands.toString());
        assertTrue(t.records().stream().anyMatch(r -> r.text() != null && r.text().contains("+QSMTPPUT: 0,0")));

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        CliContext context = new CliContext(out, out, name -> null, false, Duration.ofSeconds(5));
        CompletableFuture<Integer> replay = CompletableFuture.supplyAsync(() -> Uc15MailCli.run(context, "emulate",
                "--replay", trace.toString(), "--listen", "0", "--count", "1"));
        Matcher listening = awaitLine(captured, Pattern.compile("on (tcp:127\\.0\\.0\\.1:\\d+)"));

        CliRunner.Result other = runner().run(send(listening.group(1), smtpPort, null, "Other").toArray(String[]::new));
        assertEquals(ExitCodes.REFUSED, other.exitCode(), other::toString);
        awaitLine(captured, Pattern.compile(Pattern.quote("deviation: expected AT+QSMTPSUB=0,\"Report\" got AT+QSMTPSUB=0,\"Other\"")));
        // docs/traces.md shows this line
        var shown = io.github.uc15mail.docs.DocBlocks.withNote("docs/traces.md", "output checked by: TraceCommandsTest");
        assertEquals(1, shown.size());
        io.github.uc15mail.docs.DocBlocks.assertShown(shown.get(0), captured.toString(StandardCharsets.UTF_8));

        CliRunner.Result same = runner().run(send(listening.group(1), smtpPort, null, "Report").toArray(String[]::new));
        assertEquals(0, same.exitCode(), same::toString);
        assertEquals(0, replay.get(30, TimeUnit.SECONDS), () -> captured.toString(StandardCharsets.UTF_8));
        assertTrue(captured.toString(StandardCharsets.UTF_8).contains("replayed to the end: t.jsonl"));
    }

    @Test
    void qualifyPassesOnAnEmulatedUc15AndWritesTheZip(@TempDir Path dir) throws Exception {
        try (Uc15Emulator modem = Uc15Emulator.create(); EmbeddedSmtpServer smtp = EmbeddedSmtpServer.start(0, null, null)) {
            CliRunner.Result r = runner().run("qualify", "--port", "tcp:127.0.0.1:" + modem.listenTcp(0), "--server",
                    "127.0.0.1", "--server-port", String.valueOf(smtp.port()), "--user", "u@example.com",
                    "--password-env", "SMTP_PW", "--from", "me@example.com", "--to", "you@example.com",
                    "--out", dir.toString());
            assertEquals(0, r.exitCode(), r::toString);
            for (String phase : List.of("probe", "SMTP service", "send none", "2 attachments, UTF-8", "20 recipients",
                    "refused: 21 recipients", "refused: send timeout 59", "RAM left clean")) {
                assertTrue(r.outLines().stream().anyMatch(l -> l.startsWith(phase) && l.contains(" PASS ")),
                        phase + " did not pass:\n" + r);
            }
        }
        Path zip;
        try (Stream<Path> s = Files.list(dir)) {
            zip = s.filter(p -> p.getFileName().toString().matches("qualify-UC15-UC15AGAR01A11E1G-\\d{8}\\.zip"))
                    .findFirst().orElseThrow();
        }
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertTrue(z.getEntry("report.md") != null && z.getEntry("probe.json") != null);
            long traces = z.stream().filter(e -> e.getName().startsWith("traces/")).count();
            assertEquals(5, traces);
            for (var e : z.stream().toList()) {
                String content = new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                assertFalse(content.contains(PASSWORD), e.getName());
            }
            String report = new String(z.getInputStream(z.getEntry("report.md")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(report.contains("| recipients | (1-20) | VERIFIED | 20 recipients sent |"), report);
        }
    }

    @Test
    void qualifyOnAnEmulatedBg95ExitsThreeWithTheRefusalRow(@TempDir Path dir) throws Exception {
        try (Uc15Emulator modem = Uc15Emulator.builder().model(Model.BG95).build()) {
            CliRunner.Result r = runner().run("qualify", "--port", "tcp:127.0.0.1:" + modem.listenTcp(0), "--server",
                    "127.0.0.1", "--from", "me@example.com", "--to", "you@example.com", "--out", dir.toString());
            assertEquals(ExitCodes.REFUSED, r.exitCode(), r::toString);
            assertTrue(r.outLines().stream().anyMatch(l -> l.startsWith("SMTP service") && l.contains(" FAIL ")
                    && l.contains("has no SMTP service")), r.toString());
            try (Stream<Path> s = Files.list(dir)) {
                assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith("qualify-BG95")), "no zip");
            }
        }
    }
}
