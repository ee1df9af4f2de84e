package io.github.uc15mail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.testkit.FaultKind;
import io.github.uc15mail.testkit.SentSms;
import io.github.uc15mail.testkit.Uc15EmulatorExtension;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code uc15mail sms} in-process against the emulator: what arrives, exit codes 0/2/3/4. */
class SmsCommandTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension();

    @TempDir
    Path tmp;

    private final CliRunner cli = new CliRunner();
    private String port;

    @BeforeEach
    void listen() {
        port = "tcp:127.0.0.1:" + uc15.emulator().listenTcp(0);
    }

    @Test
    void a200CharacterTextArrivesAsTwoParts() {
        String text = "x".repeat(100) + "y".repeat(100);
        CliRunner.Result r = cli.run("sms", "--port", port, "--to", "+491701234567", "--text", text);
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("sent SMS to +491701234567 in 2 parts (GSM 7-bit), in "), r::toString);
        assertEquals("", r.err());
        SentSms sms = uc15.emulator().awaitSentSms(Duration.ofSeconds(5));
        assertEquals(text, sms.text());
        assertEquals(2, sms.parts());
    }

    @Test
    void aUcs2TextFromAFileArrivesIntact() throws Exception {
        String text = "Druck 2,1 bar \u2013 Pumpe 3 \u2713";
        Path file = Files.writeString(tmp.resolve("alarm.txt"), text + "\n");
        CliRunner.Result r = cli.run("sms", "--port", port, "--to", "+491701234567", "--text-file", file.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("in 1 part (UCS2)"), r::toString);
        assertEquals(text, uc15.emulator().awaitSentSms(Duration.ofSeconds(5)).text());
    }

    @Test
    void aNumberWithoutPlusIsRefusedWithExit2BeforeAnyCommand() {
        CliRunner.Result r = cli.run("sms", "--port", port, "--to", "491701234567", "--text", "alarm");
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("uc15mail: to: must be an E.164 number (+ and 1-15 digits, such as +491701234567), was "
                + "\"491701234567\"", r.err().strip());
        assertTrue(uc15.emulator().commands().isEmpty(), "an AT command was written: " + uc15.emulator().commands());
    }

    @Test
    void aTextTooLongForItsPartsIsRefusedWithExit2() {
        CliRunner.Result r = cli.run("sms", "--port", port, "--to", "+491701234567", "--text", "z".repeat(200),
                "--max-parts", "1");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("text: must be at most 1 SMS part (160 GSM 7-bit septets), was 200"), r::toString);
        assertTrue(uc15.emulator().commands().isEmpty());
    }

    @Test
    void textAndTextFileTogetherAreRefused() {
        CliRunner.Result r = cli.run("sms", "--port", port, "--to", "+491701234567", "--text", "a", "--text-file", "f");
        assertEquals(2, r.exitCode(), r::toString);
    }

    @Test
    void aCmsErrorIsExit3WithItsCode() {
        uc15.emulator().faults().cmsErrorOn(1, 331);
        CliRunner.Result r = cli.run("sms", "--port", port, "--to", "+491701234567", "--text", "alarm");
        assertEquals(3, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("uc15mail: not sent: modem answered +CMS ERROR: 331 (no network service)"), r::toString);
        assertEquals(1, r.errLines().size(), "one line, no stack trace: " + r);
        assertEquals(1, uc15.emulator().faults().injected(FaultKind.CMS_ERROR));
    }

    @Test
    void aPortWhereNothingListensIsExit4() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            free = s.getLocalPort();
        }
        CliRunner.Result r = cli.run("sms", "--port", "tcp:127.0.0.1:" + free, "--to", "+491701234567", "--text", "a");
        assertEquals(4, r.exitCode(), r::toString);
    }
}
