package io.github.uc15mail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.error.ModemErrorException;
import io.github.uc15mail.module.ModuleProfile.UnsupportedModuleException;
import io.github.uc15mail.module.ModuleIdentity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A module without the SMTP service ends the CLI with exit 3 and one line that names it. */
class UnsupportedModuleFailureTest {

    @Test
    void aRefusedModuleIsExitThreeWithItsName() {
        ModuleIdentity bg95 = ModuleIdentity.parse(List.of("Quectel", "BG95-M3", "Revision: BG95M3LAR02A03"));
        UnsupportedModuleException e = UnsupportedModuleException.noSmtpService(bg95,
                "it answered ERROR to AT+QSMTPCFG=?", new ModemErrorException("AT+QSMTPCFG=?"));
        CliFailure f = Failures.of(e, ModemAddress.parse("tcp:127.0.0.1:7015"));
        assertEquals(ExitCodes.REFUSED, f.exitCode());
        assertEquals(3, ExitCodes.REFUSED);
        assertEquals(e.getMessage(), f.getMessage(), "exactly the exception's line, no prefix");
        assertTrue(f.getMessage().startsWith("BG95-M3 (revision BG95M3LAR02A03) has no SMTP service of the AT+QSMTP kind"),
                f.getMessage());
        assertTrue(!f.getMessage().contains("\n"), f.getMessage());
    }
}
