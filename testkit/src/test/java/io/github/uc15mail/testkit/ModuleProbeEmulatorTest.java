package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.at.AtSession;
import io.github.uc15mail.module.ModuleFamily;
import io.github.uc15mail.module.ModuleLimit;
import io.github.uc15mail.module.ModuleProbe;
import io.github.uc15mail.module.ModuleProfile;
import io.github.uc15mail.module.Provenance;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ModuleProbe over a real AtSession against the emulator (a UC15 until the emulator plays other models). */
class ModuleProbeEmulatorTest {

    @Test
    void identifiesTheEmulatedUc15AndProbesItsSettings() throws Exception {
        try (Uc15Emulator emu = Uc15Emulator.create(); AtSession session = AtSession.open(emu.connect())) {
            ModuleProfile p = ModuleProbe.probe(ModuleProbe.over(session), true);
            assertEquals("UC15", p.identity().model());
            assertEquals("UC15AGAR01A11E1G", p.identity().revision());
            assertEquals(ModuleFamily.UC15, p.family());
            assertFalse(p.hasBodyOriginal());
            assertTrue(p.supportsTls());
            assertEquals(Provenance.PROBED, p.limit(ModuleLimit.Kind.CONTEXT_IDS).provenance());
            assertEquals(Provenance.PROBED, p.limit(ModuleLimit.Kind.SSL_VERSIONS).provenance());
            assertTrue(p.ssl().orElseThrow().supports("seclevel"));
            List<String> asked = emu.commands().stream().map(RecordedCommand::line).toList();
            assertTrue(asked.containsAll(List.of("ATI", "AT+QSMTPCFG=?", "AT+QSSLCFG=?")), asked.toString());
            assertTrue(asked.stream().noneMatch(l -> l.startsWith("AT+QSMTPCFG=\"")), "nothing configured: " + asked);
        }
    }
}
