package io.github.uc15mail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.serial.SerialPortInfo;
import io.github.uc15mail.testkit.Uc15EmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** demo, probe, ports and the top-level command. */
class OtherCommandsTest {

    static final String PASSWORD = "Probe-Secret-991";

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    @Test
    void demoSendsThroughTheEmulatorAndPrintsWhatTheServerReceived() {
        CliRunner.Result r = new CliRunner().run("demo");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("Subject: " + DemoCommand.SUBJECT), r::toString);
        assertTrue(r.out().contains("Attachment: readings.csv (65 bytes"), r::toString);
        assertTrue(r.out().contains("> AT+QSMTPPUT=300"), r::toString);
        assertTrue(r.out().contains("< +QSMTPPUT: 0,"), r::toString);
        assertTrue(r.out().contains("\"account\",\"" + DemoCommand.DEMO_USER + "\",\"****\""), r::toString);
        assertFalse(r.out().contains("demo-password"), r::toString);
    }

    @Test
    void probeReportsTheModemAndMasksTheStoredPassword() {
        int port = uc15.emulator().listenTcp(0);
        String modem = "tcp:127.0.0.1:" + port;
        CliRunner.Result sent = new CliRunner().env("PW", PASSWORD).run("send", "--port", modem, "--server",
                uc15.smtpHost(), "--server-port", String.valueOf(uc15.smtpPort()), "--user", "probe-user",
                "--password-env", "PW", "--from", "a@example.com", "--to", "b@example.com", "--body", "x");
        assertEquals(0, sent.exitCode(), sent::toString);

        CliRunner.Result r = new CliRunner().run("probe", "--port", modem);

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("UC15"), r::toString);
        assertTrue(r.out().contains("SIM:") && r.out().contains("READY"), r::toString);
        assertTrue(r.out().contains("dBm"), r::toString);
        assertTrue(r.out().contains("registered, home network"), r::toString);
        assertTrue(r.out().contains("+QIACT: 1,1"), "the send activated context 1: " + r);
        assertTrue(r.out().contains("smtpserver:  \"127.0.0.1\"," + uc15.smtpPort()), r::toString);
        assertTrue(r.out().contains("account:     \"probe-user\",\"****\""), r::toString);
        assertFalse(r.out().contains(PASSWORD) || r.err().contains(PASSWORD), r::toString);
    }

    @Test
    void probeVerboseNeverShowsThePassword() {
        int port = uc15.emulator().listenTcp(0);
        String modem = "tcp:127.0.0.1:" + port;
        new CliRunner().env("PW", PASSWORD).run("send", "--port", modem, "--server", uc15.smtpHost(), "--server-port",
                String.valueOf(uc15.smtpPort()), "--user", "probe-user", "--password-env", "PW", "--from",
                "a@example.com", "--to", "b@example.com", "--body", "x");
        CliRunner.Result r = new CliRunner().run("probe", "--port", modem, "--verbose");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.err().contains("< +QSMTPCFG: \"account\""), r::toString);
        assertFalse(r.err().contains(PASSWORD) || r.out().contains(PASSWORD), r::toString);
    }

    @Test
    void probeOfAMissingPortExitsFour() {
        CliRunner.Result r = new CliRunner().run("probe", "--port", "/dev/does-not-exist");
        assertEquals(ExitCodes.MODEM_UNREACHABLE, r.exitCode(), r::toString);
        assertTrue(r.err().contains("/dev/does-not-exist"), r::toString);
    }

    @Test
    void portsMarksTheUc15AtPort() {
        List<SerialPortInfo> ports = List.of(
                SerialPortInfo.plain("/dev/ttyAMA0", "PL011 UART"),
                new SerialPortInfo("/dev/ttyUSB1", "UC15", 0x05C6, 0x9090, "1-1.3", 1),
                new SerialPortInfo("/dev/ttyUSB2", "UC15", 0x05C6, 0x9090, "1-1.3", 2));
        CliRunner.Result r = run(new PortsCommand(context(), () -> ports));
        assertTrue(r.out().contains("* /dev/ttyUSB2"), r::toString);
        assertTrue(r.out().contains("  /dev/ttyUSB1"), r::toString);
        assertTrue(r.out().contains("its AT port is likely /dev/ttyUSB2"), r::toString);
    }

    @Test
    void portsMarksAnEc25sAtPortAndSaysTheIdIsAHint() {
        List<SerialPortInfo> ports = List.of(
                new SerialPortInfo("/dev/ttyUSB0", "Android", 0x2C7C, 0x0125, "1-1.3", 0),
                new SerialPortInfo("/dev/ttyUSB1", "Android", 0x2C7C, 0x0125, "1-1.3", 1),
                new SerialPortInfo("/dev/ttyUSB2", "Android", 0x2C7C, 0x0125, "1-1.3", 2),
                new SerialPortInfo("/dev/ttyUSB3", "Android", 0x2C7C, 0x0125, "1-1.3", 3));
        CliRunner.Result r = run(new PortsCommand(context(), () -> ports));
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("* /dev/ttyUSB2 [2c7c:0125 if 2] EC25/EG25-G/EM05 AT commands (likely)"), r::toString);
        assertTrue(r.out().contains("  /dev/ttyUSB3 [2c7c:0125 if 3] EC25/EG25-G/EM05 modem (PPP) (likely)"), r::toString);
        assertTrue(r.out().contains("EC25/EG25-G/EM05 found (USB 2c7c:0125); its AT port is likely /dev/ttyUSB2"
                + " (try: uc15mail probe --port /dev/ttyUSB2; probe reads ATI to tell the module)"), r::toString);
    }

    @Test
    void portsSaysABg96HasNoSmtpService() {
        List<SerialPortInfo> ports = List.of(new SerialPortInfo("/dev/ttyUSB2", "", 0x2C7C, 0x0296, "1-1.3", 2));
        CliRunner.Result r = run(new PortsCommand(context(), () -> ports));
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("BG96 found (USB 2c7c:0296) on /dev/ttyUSB2, but it has no SMTP service"), r::toString);
    }

    @Test
    void portsWithoutAModuleNamesTheIdsItLooksFor() {
        List<SerialPortInfo> ports = List.of(SerialPortInfo.plain("/dev/ttyAMA0", "PL011 UART"));
        CliRunner.Result r = run(new PortsCommand(context(), () -> ports));
        assertTrue(r.out().contains("No Quectel module among these ports (USB ids UC15 05c6:9090, EC25/EG25-G 2c7c:0125"),
                r::toString);
    }

    @Test
    void portsWithoutAnyPortSaysSo() {
        CliRunner.Result r = run(new PortsCommand(context(), List::of));
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("No serial ports found"), r::toString);
    }

    @Test
    void noSubcommandPrintsUsageAndExitsTwo() {
        CliRunner.Result r = new CliRunner().run();
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r::toString);
        assertTrue(r.err().contains("send") && r.err().contains("demo") && r.err().contains("emulate"), r::toString);
    }

    @Test
    void sendHelpListsTheExitCodesAndTheTcpForm() {
        CliRunner.Result r = new CliRunner().run("send", "--help");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("tcp:HOST:PORT"), r::toString);
        assertTrue(r.out().contains("--password-env"), r::toString);
        assertFalse(r.out().contains("--password=SECRET"), "the refused flag stays hidden: " + r);
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private CliContext context() {
        PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new CliContext(p, p, name -> null, false, CliContext.DEFAULT_MODEM_ANSWER_BUDGET);
    }

    private CliRunner.Result run(PortsCommand command) {
        int code = command.call();
        return new CliRunner.Result(code, out.toString(StandardCharsets.UTF_8), "");
    }
}
