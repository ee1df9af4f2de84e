package io.github.uc15mail;

import io.github.uc15mail.error.InvalidDraftException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsDraftTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        491701234567      | to: must be an E.164 number (+ and 1-15 digits, such as +491701234567), was "491701234567"
        +0491701234567    | to: must be an E.164 number (+ and 1-15 digits, such as +491701234567), was "+0491701234567"
        +4917012345678901 | to: must be an E.164 number (+ and 1-15 digits, such as +491701234567), was "+4917012345678901"
        +49 170 1234567   | to: must be an E.164 number (+ and 1-15 digits, such as +491701234567), was "+49 170 1234567"
        """)
    void refusesNumbersThatAreNotE164(String to, String message) {
        InvalidDraftException e = assertThrows(InvalidDraftException.class, () -> SmsDraft.of(to, "hi"));
        assertEquals(message, e.getMessage());
    }

    @Test
    void acceptsE164AndCountsParts() {
        SmsDraft d = SmsDraft.of("+491701234567", "x".repeat(200));
        assertEquals(2, d.parts());
        assertEquals(SmsDraft.DEFAULT_MAX_PARTS, d.maxParts());
        assertFalse(d.isUcs2());
        assertTrue(SmsDraft.of("+1", "Druck 2,1 bar \u2013 Pumpe 3 \u2713").isUcs2());
    }

    @Test
    void aTextLongerThanItsPartsIsRefusedWithTheLimit() {
        InvalidDraftException e = assertThrows(InvalidDraftException.class,
                () -> SmsDraft.of("+491701234567", "x".repeat(613)));
        assertEquals("text: must be at most 4 SMS parts (612 GSM 7-bit septets), was 613 GSM 7-bit septets (5 parts)",
                e.getMessage());
        InvalidDraftException one = assertThrows(InvalidDraftException.class,
                () -> SmsDraft.of("+491701234567", "\u00FE".repeat(71), 1));
        assertEquals("text: must be at most 1 SMS part (70 UCS2 characters), was 71 UCS2 characters (2 parts)",
                one.getMessage());
    }

    @Test
    void emptyTextAndBadPartLimitAreNamed() {
        InvalidDraftException e = assertThrows(InvalidDraftException.class, () -> SmsDraft.of("12", "", 0));
        assertEquals(3, e.violations().size());
        assertEquals("maxParts: must be 1-255, was 0", e.violations().get(1).message());
        assertEquals("text: must be 1 character or more, was empty", e.violations().get(2).message());
    }
}
