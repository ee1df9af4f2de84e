package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {

    @Test
    void echoAndBasicReplies() {
        try (Uc15Emulator emu = Uc15Emulator.create(); RawAtClient at = RawAtClient.connect(emu)) {
            at.send("AT");
            assertEquals("AT", at.nextLine(RawAtClient.TIMEOUT));
            assertEquals("OK", at.nextLine(RawAtClient.TIMEOUT));
            assertEquals(List.of("ATE0", "OK"), at.command("ATE0"));
            assertEquals(List.of("+CSQ: 20,99", "OK"), at.command("AT+CSQ"));
            assertEquals(List.of("Quectel", "UC15", "Revision: UC15AGAR01A11E1G", "OK"), at.command("ATI"));
            assertEquals("AT+CSQ", emu.commands().get(2).line());
        }
    }
}
