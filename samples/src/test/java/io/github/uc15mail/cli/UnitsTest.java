package io.github.uc15mail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.ModemStatus;
import org.junit.jupiter.api.Test;

/** Small pieces of the CLI: port parsing, masking, rendering. */
class UnitsTest {

    @Test
    void tcpAddressesAndDevicePathsAreTold() {
        assertTrue(ModemAddress.parse("tcp:127.0.0.1:7015").isTcp());
        assertTrue(ModemAddress.parse("TCP:modem.local:23").isTcp());
        assertFalse(ModemAddress.parse("/dev/ttyUSB2").isTcp());
        assertFalse(ModemAddress.parse("COM7").isTcp());
        CliFailure bad = assertThrows(CliFailure.class, () -> ModemAddress.parse("tcp:host:99999"));
        assertEquals(ExitCodes.BAD_INPUT, bad.exitCode());
        assertTrue(bad.getMessage().contains("tcp:host:99999"));
        assertThrows(CliFailure.class, () -> ModemAddress.parse("tcp:7015"));
    }

    @Test
    void maskerHidesKnownSecretsAndPasswordFields() {
        SecretMasker m = new SecretMasker().add("hunter2").add("").add(null);
        assertEquals("AT+QSMTPCFG=\"account\",\"me\",\"****\"", m.mask("AT+QSMTPCFG=\"account\",\"me\",\"whatever\""));
        assertEquals("+QSMTPCFG: \"account\",\"me\",\"****\"", m.mask("+QSMTPCFG: \"account\",\"me\",\"x\""));
        assertEquals("AT+QICSGP=1,1,\"internet\",\"web\",\"****\",3", m.mask("AT+QICSGP=1,1,\"internet\",\"web\",\"pw\",3"));
        assertEquals("+QSMTPCFG: \"account\",\"\",\"\"", m.mask("+QSMTPCFG: \"account\",\"\",\"\""),
                "an empty password stays visibly empty");
        assertEquals("failed with **** inside", m.mask("failed with hunter2 inside"));
        assertEquals("AT+QSMTPCFG=\"sender\",\"a\",\"b@c.d\"", m.mask("AT+QSMTPCFG=\"sender\",\"a\",\"b@c.d\""));
    }

    @Test
    void progressFramesFillWithTheBytes() {
        assertEquals("a.csv [...............................] 0% 0/10 B".replace("...............................",
                ".".repeat(30)), ProgressBar.render("a.csv", 0, 10));
        assertEquals("a.csv [" + "#".repeat(15) + ".".repeat(15) + "] 50% 5/10 B", ProgressBar.render("a.csv", 5, 10));
    }

    @Test
    void signalAndRegistrationAreExplained() {
        assertEquals("20,99 (-73 dBm)", ProbeCommand.signal(new ModemStatus.Signal(20, 99)));
        assertEquals("99,99 (no signal or unknown)", ProbeCommand.signal(new ModemStatus.Signal(99, 99)));
        assertEquals("0,5 (registered, roaming)", ProbeCommand.registration(new ModemStatus.Registration("0,5", ModemStatus.RegistrationState.of(5))));
        assertEquals("0,3 (registration denied)", ProbeCommand.registration(new ModemStatus.Registration("0,3", ModemStatus.RegistrationState.of(3))));
    }
}
