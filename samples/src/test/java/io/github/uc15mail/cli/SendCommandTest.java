package io.github.uc15mail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.testkit.SentEmail;
import io.github.uc15mail.testkit.Uc15EmulatorExtension;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code uc15mail send} in-process against the emulator on TCP and GreenMail with AUTH. */
class SendCommandTest {

    static final String USER = "field-unit@example.com";
    static final String PASSWORD = "Pw-7f3b9c2e";
    static final String APN_PASSWORD = "apn-Secret-4471";

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer().withUser(USER, PASSWORD);

    @TempDir
    Path tmp;

    private String modemPort;
    private final CliRunner cli = new CliRunner().env("SMTP_PW", PASSWORD).env("APN_PW", APN_PASSWORD);

    @BeforeEach
    void listen() {
        modemPort = "tcp:127.0.0.1:" + uc15.emulator().listenTcp(0);
    }

    private List<String> baseArgs(String... more) {
        List<String> args = new ArrayList<>(List.of("send", "--port", modemPort, "--server", uc15.smtpHost(),
                "--server-port", String.valueOf(uc15.smtpPort()), "--user", USER, "--password-env", "SMTP_PW",
                "--from", "unit7@example.com", "--from-name", "Field Unit 7"));
        args.addAll(List.of(more));
        return args;
    }

    private CliRunner.Result send(String... more) {
        return cli.run(baseArgs(more).toArray(String[]::new));
    }

    @Test
    void sendsTheEmailAndPrintsOneLine() throws Exception {
        Path csv = Files.writeString(tmp.resolve("readings.csv"), "time,celsius\n1,71.5\n");
        CliRunner.Result r = send("--to", "ops@example.com", "--cc", "boss@example.com", "--subject", "Pump 3 tripped",
                "--body", "Pressure low.", "--attach", csv.toString());

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(1, r.outLines().size(), r::toString);
        assertTrue(r.out().startsWith("sent to 2 recipients, "), r::toString);
        assertTrue(r.out().contains("bytes to the modem"), r::toString);
        assertEquals("", r.err(), "nothing on stderr when all went well");

        MimeMessage[] got = uc15.receivedMessages();
        assertEquals(2, got.length, "one copy per recipient");
        assertEquals("Pump 3 tripped", got[0].getSubject());
        Multipart parts = (Multipart) got[0].getContent();
        assertEquals("readings.csv", parts.getBodyPart(1).getFileName());
    }

    @Test
    void configFileFillsWhatFlagsLeaveOutAndFlagsWin() throws Exception {
        Path config = tmp.resolve("uc15mail.properties");
        Files.writeString(config, String.join("\n",
                "port=" + modemPort,
                "server=" + uc15.smtpHost(),
                "server-port=" + uc15.smtpPort(),
                "user=" + USER,
                "password-env=SMTP_PW",
                "from=unit7@example.com",
                "to=a@example.com, b@example.com",
                "subject=from the file",
                "body=body from the file"), StandardCharsets.UTF_8);

        CliRunner.Result r = cli.run("send", "--config", config.toString(), "--subject", "from the flag");

        assertEquals(0, r.exitCode(), r::toString);
        SentEmail sent = uc15.emulator().awaitSentEmail();
        assertEquals(List.of("a@example.com", "b@example.com"), sent.to());
        assertEquals("from the flag", sent.subject());
        assertEquals("body from the file", sent.body());
    }

    @Test
    void bodyFileAndCharsetAreHonoured() throws Exception {
        Path body = Files.writeString(tmp.resolve("body.txt"), "泵站压力过低。\n", StandardCharsets.UTF_8);
        CliRunner.Result r = send("--to", "ops@example.com", "--subject", "告警", "--body-file", body.toString(),
                "--charset", "gb2312");
        assertEquals(0, r.exitCode(), r::toString);
        SentEmail sent = uc15.emulator().awaitSentEmail();
        assertEquals(2, sent.bodyCharset(), "GB2312");
        assertEquals("泵站压力过低。\r\n", sent.body(), "line ends go out as CRLF");
        assertEquals("告警", uc15.receivedMessages()[0].getSubject());
    }

    @Test
    void aPasswordInTheConfigFileIsRefused() throws Exception {
        Path config = Files.writeString(tmp.resolve("pw.properties"), "port=" + modemPort + "\npassword=hunter2\n");
        CliRunner.Result r = cli.run("send", "--config", config.toString());
        assertRefusedBeforeSending(r, "password", "password-env");
        assertFalse(r.err().contains("hunter2"), r::toString);
    }

    @Test
    void configFileWithAnUnknownKeyIsRefused() throws Exception {
        Path config = Files.writeString(tmp.resolve("bad.properties"), "port=" + modemPort + "\nsever=smtp.example.com\n");
        CliRunner.Result r = cli.run("send", "--config", config.toString());
        assertRefusedBeforeSending(r, "sever");
    }

    @Test
    void senderOver50BytesIsRefusedBeforeTheModemIsTouched() {
        String sender = "a".repeat(39) + "@example.com"; // 51 bytes
        assertEquals(51, sender.length());
        CliRunner.Result r = cli.run("send", "--port", modemPort, "--server", "smtp.example.com", "--from", sender,
                "--to", "ops@example.com", "--body", "x");
        assertRefusedBeforeSending(r, "sender address", "50", "51");
    }

    @Test
    void twentyOneRecipientsAreRefused() {
        List<String> args = baseArgs("--body", "x");
        IntStream.rangeClosed(1, 21).forEach(i -> args.addAll(List.of("--to", "r" + i + "@example.com")));
        CliRunner.Result r = cli.run(args.toArray(String[]::new));
        assertRefusedBeforeSending(r, "recipients", "20", "21");
    }

    @Test
    void missingRecipientIsRefused() {
        CliRunner.Result r = send("--subject", "nobody");
        assertRefusedBeforeSending(r, "to", "recipient");
    }

    @Test
    void userWithoutAPasswordAnywhereIsRefused() {
        CliRunner.Result r = cli.run("send", "--port", modemPort, "--server", "smtp.example.com", "--user", USER,
                "--from", "unit7@example.com", "--to", "ops@example.com");
        assertRefusedBeforeSending(r, "password-env", "user");
    }

    @Test
    void passwordVariableThatIsNotSetIsRefusedByName() {
        CliRunner.Result r = cli.run("send", "--port", modemPort, "--server", "smtp.example.com", "--user", USER,
                "--password-env", "NO_SUCH_VARIABLE", "--from", "unit7@example.com", "--to", "ops@example.com");
        assertRefusedBeforeSending(r, "password-env", "NO_SUCH_VARIABLE");
    }

    @Test
    void aPasswordOnTheCommandLineIsRefused() {
        CliRunner.Result r = send("--password", "visible-to-ps", "--to", "ops@example.com");
        assertRefusedBeforeSending(r, "password", "--password-env");
        assertFalse(r.err().contains("visible-to-ps"), r::toString);
    }

    @Test
    void unknownSecurityAndUnreadableAttachmentAreRefused() {
        assertRefusedBeforeSending(send("--to", "ops@example.com", "--security", "tls13"), "security", "tls13");
        assertRefusedBeforeSending(send("--to", "ops@example.com", "--subject", "s", "--attach",
                tmp.resolve("absent.bin").toString()),
                "--attach", "absent.bin");
    }

    @Test
    void unknownFlagIsOneLine() {
        CliRunner.Result r = send("--to", "ops@example.com", "--colour");
        assertRefusedBeforeSending(r, "--colour");
    }

    private void assertRefusedBeforeSending(CliRunner.Result r, String... mustName) {
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals(1, r.errLines().size(), () -> "exactly one line: " + r);
        for (String s : mustName) {
            assertTrue(r.err().contains(s), () -> "should name " + s + ": " + r);
        }
        assertTrue(uc15.emulator().commands().isEmpty(), "nothing may reach the modem: " + uc15.emulator().commands());
    }

    @Test
    void serverRefusalNamesTheModemCodeAndTheSmtpReply() {
        uc15.emulator().faults().forcePutResult(677, 535);
        CliRunner.Result r = send("--to", "ops@example.com", "--body", "x");

        assertEquals(ExitCodes.REFUSED, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().size(), () -> "one line, no stack trace: " + r);
        assertTrue(r.err().contains("677"), r::toString);
        assertTrue(r.err().contains("535"), r::toString);
        assertTrue(r.err().contains("authentication failed"), r::toString);
        assertFalse(r.err().contains(PASSWORD), r::toString);
    }

    @Test
    void wrongPasswordIsRefusedByTheRealServer() {
        CliRunner.Result r = new CliRunner().env("SMTP_PW", "not-the-password")
                .run(baseArgs("--to", "ops@example.com", "--body", "x").toArray(String[]::new));
        assertEquals(ExitCodes.REFUSED, r.exitCode(), r::toString);
        assertTrue(r.err().contains("677") && r.err().contains("535"), r::toString);
        assertFalse(r.err().contains("not-the-password"), r::toString);
        assertEquals(0, uc15.receivedMessages().length);
    }

    @Test
    void missingSerialPortIsNamed() {
        CliRunner.Result r = cli.run("send", "--port", "/dev/does-not-exist", "--server", "smtp.example.com",
                "--from", "unit7@example.com", "--to", "ops@example.com", "--body", "x");
        assertEquals(ExitCodes.MODEM_UNREACHABLE, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().contains("/dev/does-not-exist"), r::toString);
    }

    @Test
    void tcpPortWithNothingListeningIsUnreachable() throws IOException {
        int freePort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = s.getLocalPort();
        }
        CliRunner.Result r = cli.run("send", "--port", "tcp:127.0.0.1:" + freePort, "--server", "smtp.example.com",
                "--from", "unit7@example.com", "--to", "ops@example.com", "--body", "x");
        assertEquals(ExitCodes.MODEM_UNREACHABLE, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().contains("tcp:127.0.0.1:" + freePort), r::toString);
    }

    @Test
    void aPortWhereNothingAnswersAtIsUnreachable() throws Exception {
        try (ServerSocket silent = new ServerSocket()) {
            silent.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            List<Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    accepted.add(silent.accept());
                } catch (IOException e) {
                    // closed at the end of the test; the assertion on accepted reports it
                }
            });
            acceptor.start();
            CliRunner.Result r = new CliRunner().answerBudget(Duration.ofSeconds(1)).run("send", "--port",
                    "tcp:127.0.0.1:" + silent.getLocalPort(), "--server", "smtp.example.com", "--from",
                    "unit7@example.com", "--to", "ops@example.com", "--body", "x");
            assertEquals(ExitCodes.MODEM_UNREACHABLE, r.exitCode(), r::toString);
            assertTrue(r.err().contains("nothing answers AT"), r::toString);
            assertEquals(1, r.errLines().size(), r::toString);
            acceptor.join(5_000);
            assertEquals(1, accepted.size(), "the CLI connected to the silent port (so it was AT that went unanswered)");
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void linkLostDuringTheSendIsUnreachable() {
        uc15.emulator().faults().closeLinkOnNext("AT+QSMTPPUT");
        CliRunner.Result r = send("--to", "ops@example.com", "--body", "x");
        assertEquals(ExitCodes.MODEM_UNREACHABLE, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().contains("lost the link to the modem on " + modemPort), r::toString);
        assertEquals(0, uc15.receivedMessages().length);
    }

    @Test
    void securityChoosesTheDefaultServerPort() {
        uc15.emulator().faults().forcePutResult(665, 0);
        CliRunner.Result r = cli.run("send", "--port", modemPort, "--server", "smtp.example.com", "--security", "ssl",
                "--from", "unit7@example.com", "--to", "ops@example.com", "--body", "x");
        assertEquals(ExitCodes.REFUSED, r.exitCode(), r::toString);
        assertTrue(r.err().contains("665 SSL authentication failed"), r::toString);
        SentEmail attempted = uc15.emulator().awaitSentEmail();
        assertEquals(465, attempted.port());
        assertEquals(1, attempted.sslType());
    }

    @Test
    void verboseShowsTheAtTrafficButNeverAPassword() {
        CliRunner.Result r = send("--to", "ops@example.com", "--body", "x", "--apn", "internet", "--apn-user", "web",
                "--apn-password-env", "APN_PW", "--verbose");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.err().contains("> AT+QSMTPPUT=300"), r::toString);
        assertTrue(r.err().contains("> AT+QSMTPCFG=\"account\""), r::toString);
        assertTrue(r.err().contains("> AT+QICSGP="), "the APN was configured: " + r);
        assertTrue(r.err().contains("< +QSMTPPUT: 0,"), r::toString);
        assertFalse(r.err().contains(PASSWORD), "SMTP password leaked: " + r);
        assertFalse(r.err().contains(APN_PASSWORD), "APN password leaked: " + r);
        assertFalse(r.out().contains(PASSWORD) || r.out().contains(APN_PASSWORD), r::toString);
        SentEmail sent = uc15.emulator().sentEmails().get(0);
        assertEquals(0, sent.err());
    }

    @Test
    void verboseFailureAddsTheStackTrace() {
        uc15.emulator().faults().forcePutResult(677, 535);
        CliRunner.Result r = send("--to", "ops@example.com", "--body", "x", "--verbose");
        assertEquals(ExitCodes.REFUSED, r.exitCode(), r::toString);
        assertTrue(r.err().contains("not sent: 677 authentication failed (SMTP 535), refused for the account or its settings"),
                r::toString);
        assertTrue(r.err().contains("SmtpServiceException: 677 authentication failed"), r::toString);
        assertTrue(r.err().contains("\tat "), "stack trace with --verbose: " + r);
        assertFalse(r.err().contains(PASSWORD) || r.out().contains(PASSWORD), "SMTP password leaked: " + r);
    }

    @Test
    void progressBarOnlyWhenAConsoleIsAttached() throws Exception {
        Path blob = Files.write(tmp.resolve("blob.bin"), new byte[3000]);
        CliRunner.Result quiet = send("--to", "ops@example.com", "--body", "x", "--attach", blob.toString());
        assertEquals(0, quiet.exitCode(), quiet::toString);
        assertFalse(quiet.err().contains("blob.bin ["), quiet::toString);

        CliRunner.Result shown = new CliRunner().env("SMTP_PW", PASSWORD).interactive(true)
                .run(baseArgs("--to", "ops@example.com", "--body", "x", "--attach", blob.toString())
                        .toArray(String[]::new));
        assertEquals(0, shown.exitCode(), shown::toString);
        assertTrue(shown.err().contains("blob.bin [##############################] 100% 3000/3000 B"), shown::toString);
        assertNotNull(uc15.emulator().awaitSentEmail());
    }
}
