package io.github.uc15mail.module;

import io.github.uc15mail.module.ModuleIdentity.ModuleFamily;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ModuleIdentityTest {

    static Stream<Arguments> atiAnswers() {
        return Stream.of(
                // ATI lines, manufacturer, model, revision, base model, family
                Arguments.of(List.of("Quectel", "UC15", "Revision: UC15EQBR03A12E1G"),
                        "Quectel", "UC15", "UC15EQBR03A12E1G", "UC15", ModuleFamily.UC15),
                Arguments.of(List.of("Quectel", "EC25", "Revision: EC25EFAR06A03M4G"),
                        "Quectel", "EC25", "EC25EFAR06A03M4G", "EC25", ModuleFamily.EC2X),
                Arguments.of(List.of("Quectel", "EG25", "Revision: EG25GGBR07A08M2G"),
                        "Quectel", "EG25", "EG25GGBR07A08M2G", "EG25", ModuleFamily.EC2X),
                Arguments.of(List.of("Quectel", "EC25EFA", "Revision: EC25EFAR06A03M4G"),
                        "Quectel", "EC25EFA", "EC25EFAR06A03M4G", "EC25", ModuleFamily.EC2X),
                Arguments.of(List.of("Quectel", "EG25-G", "Revision: EG25GGBR07A08M2G"),
                        "Quectel", "EG25-G", "EG25GGBR07A08M2G", "EG25", ModuleFamily.EC2X),
                Arguments.of(List.of("Quectel", "EC21", "Revision: EC21EFAR06A01M4G"),
                        "Quectel", "EC21", "EC21EFAR06A01M4G", "EC21", ModuleFamily.EC2X),
                Arguments.of(List.of("Quectel", "EG91", "Revision: EG91EXGAR08A05M1G"),
                        "Quectel", "EG91", "EG91EXGAR08A05M1G", "EG91", ModuleFamily.EC2X),
                Arguments.of(List.of("Quectel", "EG95", "Revision: EG95EXGAR08A05M1G"),
                        "Quectel", "EG95", "EG95EXGAR08A05M1G", "EG95", ModuleFamily.EC2X),
                Arguments.of(List.of("Quectel", "EM05-G", "Revision: EM05GFAR07A01M1G"),
                        "Quectel", "EM05-G", "EM05GFAR07A01M1G", "EM05", ModuleFamily.EC2X),
                Arguments.of(List.of("Quectel", "AG35", "Revision: AG35CEVAR05A07T4G"),
                        "Quectel", "AG35", "AG35CEVAR05A07T4G", "AG35", ModuleFamily.AG35),
                Arguments.of(List.of("Quectel", "UC20", "Revision: UC20GQBR03A12E1G"),
                        "Quectel", "UC20", "UC20GQBR03A12E1G", "UC20", ModuleFamily.UC20),
                Arguments.of(List.of("Quectel", "BG95-M3", "Revision: BG95M3LAR02A03"),
                        "Quectel", "BG95-M3", "BG95M3LAR02A03", "BG95", ModuleFamily.LPWA_NO_SMTP),
                Arguments.of(List.of("Quectel", "BG96", "Revision: BG96MAR02A07M1G"),
                        "Quectel", "BG96", "BG96MAR02A07M1G", "BG96", ModuleFamily.LPWA_NO_SMTP),
                Arguments.of(List.of("Quectel_Ltd", "Quectel_M95", "Revision: M95FAR02A08"),
                        "Quectel_Ltd", "M95", "M95FAR02A08", "M95", ModuleFamily.GSM_M_SERIES),
                // names that start like a known model but are other modules
                Arguments.of(List.of("Quectel", "EC200U", "Revision: EC200UCNAAR02A08M08"),
                        "Quectel", "EC200U", "EC200UCNAAR02A08M08", "EC200U", ModuleFamily.UNKNOWN),
                Arguments.of(List.of("Quectel", "EG915U", "Revision: EG915UEUABR03A01M08"),
                        "Quectel", "EG915U", "EG915UEUABR03A01M08", "EG915U", ModuleFamily.UNKNOWN),
                // echo, OK, a URC and blank lines around the answer; lower-case label
                Arguments.of(List.of("ATI", "", "Quectel", "+CPIN: READY", "EC25", "revision:  EC25EFAR06A03M4G ", "OK"),
                        "Quectel", "EC25", "EC25EFAR06A03M4G", "EC25", ModuleFamily.EC2X),
                // line 2 missing: the model comes from the revision
                Arguments.of(List.of("Quectel", "Revision: EC25AUXGAR08A02M1G"),
                        "Quectel", "EC25", "EC25AUXGAR08A02M1G", "EC25", ModuleFamily.EC2X),
                // only the model
                Arguments.of(List.of("UC15", "Revision: UC15AGAR01A11E1G"),
                        "", "UC15", "UC15AGAR01A11E1G", "UC15", ModuleFamily.UC15),
                Arguments.of(List.of("SIMCOM_Ltd", "SIMCOM_SIM800L", "Revision:1418B04SIM800L24"),
                        "SIMCOM_Ltd", "SIMCOM_SIM800L", "1418B04SIM800L24", "SIMCOM_SIM800L", ModuleFamily.UNKNOWN),
                Arguments.of(List.of(), "", "", "", "", ModuleFamily.UNKNOWN));
    }

    @ParameterizedTest
    @MethodSource("atiAnswers")
    void readsTheAtiAnswer(List<String> lines, String manufacturer, String model, String revision, String base,
            ModuleFamily family) {
        ModuleIdentity id = ModuleIdentity.parse(lines);
        assertEquals(manufacturer, id.manufacturer(), "manufacturer");
        assertEquals(model, id.model(), "model");
        assertEquals(revision, id.revision(), "revision");
        assertEquals(base, id.baseModel(), "base model");
        assertEquals(family, id.family(), "family");
    }

    @ParameterizedTest
    @CsvSource({
            "EC25, EC25", "ec25efa, EC25", "EG25-G, EG25", "EG21-G, EG21", "BG95-M3, BG95", "EC20 R2.1, EC20",
            "M66, M66", "MC60E, MC60", "EC200T, ", "EG9150, ", "UC155, ", "XEC25, "})
    void baseModelMatchesOnlyAtTheStartAndNotIntoLongerNumbers(String text, String base) {
        assertEquals(java.util.Optional.ofNullable(base), ModuleFamily.baseModel(text), text);
    }

    @Test
    void nullLinesAreSkipped() {
        List<String> lines = new java.util.ArrayList<>(List.of("Quectel", "EC25"));
        lines.add(1, null);
        assertEquals("EC25", ModuleIdentity.parse(lines).model());
        assertEquals("", ModuleIdentity.parse(null).model());
    }

    @Test
    void toStringNamesTheModelAndRevision() {
        assertEquals("EG25 (revision EG25GGBR07A08M2G)",
                ModuleIdentity.parse(List.of("Quectel", "EG25", "Revision: EG25GGBR07A08M2G")).toString());
        assertEquals("unknown model (revision unknown)", ModuleIdentity.parse(List.of()).toString());
    }

    @Test
    void quectelIsRecognisedWithItsSuffixes() {
        assertTrue(new ModuleIdentity("Quectel", "EC25", "").isQuectel());
        assertTrue(new ModuleIdentity("Quectel_Ltd", "M95", "").isQuectel());
        assertFalse(new ModuleIdentity("SIMCOM_Ltd", "SIM800", "").isQuectel());
        assertEquals("", new ModuleIdentity(null, null, null).model());
    }
}
