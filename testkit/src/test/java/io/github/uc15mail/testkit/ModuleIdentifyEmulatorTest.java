package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.module.ModuleProfile.UnsupportedModuleException;
import io.github.uc15mail.module.ModuleIdentity.ModuleFamily;
import io.github.uc15mail.module.ModuleLimit;
import io.github.uc15mail.module.ModuleProfile;
import io.github.uc15mail.module.ModuleLimit.Provenance;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The module probe, through {@link io.github.uc15mail.Modem#identify(boolean)}, against every model the emulator plays. */
class ModuleIdentifyEmulatorTest {

    @ParameterizedTest
    @CsvSource({"UC15, UC15", "UC20, UC20", "EC25, EC2X", "EC21, EC2X", "EG25, EC2X", "EG91, EC2X", "EG95, EC2X",
            "EM05, EC2X", "AG35, AG35"})
    void identifiesEachSmtpModelAndProbesItsSettings(Model model, ModuleFamily family) throws Exception {
        try (Uc15Emulator emu = Uc15Emulator.builder().model(model).build(); io.github.uc15mail.Modem modem = io.github.uc15mail.Modem.open(emu.connect())) {
            ModuleProfile p = modem.identify(true);
            assertEquals(model.atiModel(), p.identity().model());
            assertEquals(model.revision(), p.identity().revision());
            assertEquals(family, p.family());
            assertEquals(model.hasBodyOriginal(), p.hasBodyOriginal());
            assertTrue(p.supportsTls());
            assertEquals(Provenance.PROBED, p.limit(ModuleLimit.Kind.CONTEXT_IDS).provenance());
            assertEquals(Provenance.PROBED, p.limit(ModuleLimit.Kind.SSL_VERSIONS).provenance());
            assertEquals(model.sslCfgTestLines().size(), p.ssl().orElseThrow().names().size());
            List<String> asked = emu.commands().stream().map(RecordedCommand::line).toList();
            assertTrue(asked.containsAll(List.of("ATI", "AT+QSMTPCFG=?", "AT+QSSLCFG=?")), asked.toString());
            assertTrue(asked.stream().noneMatch(l -> l.startsWith("AT+QSMTPCFG=\"")), "nothing configured: " + asked);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Model.class, names = {"BG95", "BG96"})
    void refusesAModelWithoutSmtpBeforeConfiguringAnything(Model model) throws Exception {
        try (Uc15Emulator emu = Uc15Emulator.builder().model(model).build(); io.github.uc15mail.Modem modem = io.github.uc15mail.Modem.open(emu.connect())) {
            UnsupportedModuleException e = assertThrows(UnsupportedModuleException.class,
                    () -> modem.identify(true));
            assertEquals(model.atiModel() + " (revision " + model.revision() + ") has no SMTP service of the AT+QSMTP kind"
                    + " (it answered ERROR to AT+QSMTPCFG=?); uc15mail needs UC15, UC20, EC21, EC25, EG21-G, EG25-G, EG91,"
                    + " EG95, EM05 or AG35.", e.getMessage());
            List<String> asked = emu.commands().stream().map(RecordedCommand::line).toList();
            assertTrue(asked.stream().noneMatch(l -> l.startsWith("AT+QSMTP") && !l.equals("AT+QSMTPCFG=?")
                    || l.startsWith("AT+QSSLCFG") || l.startsWith("AT+QICSGP")), asked.toString());
        }
    }
}
