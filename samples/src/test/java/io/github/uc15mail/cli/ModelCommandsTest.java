package io.github.uc15mail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.module.ModuleProfile.UnsupportedModuleException;
import io.github.uc15mail.testkit.Model;
import io.github.uc15mail.testkit.RecordedCommand;
import io.github.uc15mail.testkit.Uc15Emulator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code probe} and {@code send} against emulated models other than the UC15. */
class ModelCommandsTest {

    @Test
    void probeShowsTheModelTheRevisionAndTheProfile() {
        try (Uc15Emulator emu = Uc15Emulator.builder().model(Model.EG25).build()) {
            String modem = "tcp:127.0.0.1:" + emu.listenTcp(0);
            CliRunner.Result r = new CliRunner().run("probe", "--port", modem);
            assertEquals(0, r.exitCode(), r::toString);
            assertTrue(r.out().contains("  model:         EG25\n"), r::toString);
            assertTrue(r.out().contains("  revision:      EG25GGBR07A08M2G\n"), r::toString);
            assertTrue(r.out().contains("  profile:       EG25 (revision EG25GGBR07A08M2G), family EC2x/EG2x/EG9x/EM05: "),
                    r::toString);
            assertTrue(r.out().contains("bodyoriginal [probed]"), r::toString);
            assertTrue(r.out().contains("  inferred:      recipients, "), r::toString);
            assertTrue(r.out().contains("  SSL options:   sslversion (0-4)"), r::toString);
        }
    }

    @Test
    void sendThroughABg95ExitsThreeWithTheRefusalLineAndConfiguresNothing() {
        try (Uc15Emulator emu = Uc15Emulator.builder().model(Model.BG95).build()) {
            String modem = "tcp:127.0.0.1:" + emu.listenTcp(0);
            CliRunner.Result r = new CliRunner().run("send", "--port", modem, "--server", "127.0.0.1",
                    "--server-port", "2525", "--from", "a@example.com", "--to", "b@example.com", "--body", "x");
            assertEquals(3, r.exitCode(), r::toString);
            String line = "uc15mail: BG95-M3 (revision BG95M3LAR02A03) has no SMTP service of the AT+QSMTP kind (it"
                    + " answered ERROR to AT+QSMTPCFG=?); uc15mail needs " + UnsupportedModuleException.SUPPORTED_MODULES + ".";
            assertTrue(r.err().lines().anyMatch(line::equals), r::toString);
            List<String> asked = emu.commands().stream().map(RecordedCommand::line).toList();
            assertTrue(asked.stream().noneMatch(l -> l.startsWith("AT+QSMTPCFG=\"") || l.startsWith("AT+QSSLCFG")
                    || l.startsWith("AT+QICSGP") || l.startsWith("AT+QFUPL")), asked.toString());
        }
    }
}
