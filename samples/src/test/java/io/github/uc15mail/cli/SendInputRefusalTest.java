package io.github.uc15mail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.testkit.SentEmail;
import io.github.uc15mail.testkit.Uc15EmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Input that {@code send} refuses (exit 2, one line, nothing written to the modem), and the flags that allow it. */
class SendInputRefusalTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    @TempDir
    Path tmp;

    private String modemPort;

    @BeforeEach
    void listen() {
        modemPort = "tcp:127.0.0.1:" + uc15.emulator().listenTcp(0);
    }

    private CliRunner.Result send(String... more) {
        List<String> args = new ArrayList<>(List.of("send", "--port", modemPort, "--server", uc15.smtpHost(),
                "--server-port", String.valueOf(uc15.smtpPort()), "--from", "unit7@example.com", "--to",
                "ops@example.com"));
        args.addAll(List.of(more));
        return new CliRunner().run(args.toArray(String[]::new));
    }

    private void assertRefused(CliRunner.Result r, String... mustName) {
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().size(), () -> "exactly one line: " + r);
        for (String s : mustName) {
            assertTrue(r.err().contains(s), () -> "should name " + s + ": " + r);
        }
        assertTrue(uc15.emulator().commands().isEmpty(), "the port was opened: " + uc15.emulator().commands());
    }

    @Test
    void aDirectoryAsAttachmentIsRefusedBeforeThePortOpens() {
        Path dir = tmp.resolve("reports");
        assertTrue(dir.toFile().mkdir());
        assertRefused(send("--subject", "s", "--attach", dir.toString()), "--attach", dir.toString(), "a directory");
    }

    @Test
    void aMissingAttachmentIsRefusedNamingTheFlagAndThePath() {
        Path absent = tmp.resolve("absent.csv");
        assertRefused(send("--subject", "s", "--attach", absent.toString()), "--attach", absent.toString(), "not found");
    }

    @Test
    void anAttachmentFromTheConfigFileIsCheckedTheSameWay() throws Exception {
        Path config = Files.writeString(tmp.resolve("c.properties"), "attach=" + tmp + "\n", StandardCharsets.UTF_8);
        assertRefused(send("--subject", "s", "--config", config.toString()), "--attach", "a directory");
    }

    @Test
    void noSubjectAndNoBodyIsRefusedUnlessAllowed() throws Exception {
        assertRefused(send(), "subject", "body", "--allow-empty");
        assertRefused(send("--subject", " ", "--body", ""), "--allow-empty");
        Path file = Files.writeString(tmp.resolve("data.csv"), "1,2\n");
        assertRefused(send("--attach", file.toString()), "--allow-empty");

        CliRunner.Result allowed = send("--allow-empty");
        assertEquals(0, allowed.exitCode(), allowed::toString);
        SentEmail sent = uc15.emulator().awaitSentEmail();
        assertEquals("", sent.subject());
    }

    @Test
    void aSubjectAloneOrABodyAloneIsEnough() {
        assertEquals(0, send("--subject", "only a subject").exitCode());
        assertEquals(0, send("--body", "only a body").exitCode());
        assertEquals(2, uc15.receivedMessages().length);
    }

    @Test
    void securityTlsIsRefusedNamingTheAcceptedValues() {
        CliRunner.Result r = send("--subject", "s", "--security", "tls");
        assertRefused(r, "security", "\"tls\"", "none, ssl or starttls");
    }

    @Test
    void anOverLongBodyNamesTheFlagThatSendsItAsAnAttachment() throws Exception {
        Path body = Files.writeString(tmp.resolve("long.txt"), "x".repeat(10_241), StandardCharsets.UTF_8);
        CliRunner.Result refused = send("--subject", "s", "--body-file", body.toString());
        assertRefused(refused, "10240", "10241", "--body-overflow-attachment");
        assertFalse(refused.err().contains("bodyOverflowAsAttachment"), refused::toString);

        CliRunner.Result sent = send("--subject", "s", "--body-file", body.toString(), "--body-overflow-attachment");
        assertEquals(0, sent.exitCode(), sent::toString);
        SentEmail email = uc15.emulator().awaitSentEmail();
        assertTrue(email.body().contains("body.txt"), email.body());
    }

    @Test
    void aCaCertNeedsTlsAndAPemFile() throws Exception {
        Path notPem = Files.writeString(tmp.resolve("ca.txt"), "not a certificate");
        assertRefused(send("--subject", "s", "--security", "ssl", "--ca-cert", notPem.toString()), "ca-cert",
                "PEM", notPem.toString());
        assertRefused(send("--subject", "s", "--security", "ssl", "--ca-cert", tmp.resolve("no.pem").toString()),
                "ca-cert", "no.pem");
        assertRefused(send("--subject", "s", "--ca-cert", notPem.toString()), "ca-cert", "--security");
    }
}
