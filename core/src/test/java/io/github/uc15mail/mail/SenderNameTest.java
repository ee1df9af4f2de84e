package io.github.uc15mail.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.error.InvalidDraftException.DraftViolation;
import io.github.uc15mail.error.InvalidDraftException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A draft's own sender name: the modem's AT string rule, each refusal naming the field, the limit and the value. */
class SenderNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'Say \"hi\"'     | printable ASCII without               | at position 4",
        "'Grüße'          | printable ASCII without               | non-ASCII U+00FC at position 2",
        "'a\rb'           | printable ASCII without               | CR at position 1",
        "'a\nb'           | printable ASCII without               | LF at position 1",
        "''               | a name                                | empty",
        "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' | at most 50 bytes | 51 bytes",
    })
    void badNamesAreRefusedWithFieldLimitAndValue(String name, String limit, String actual) {
        String given = name.replace("\\r", "\r").replace("\\n", "\n");
        InvalidDraftException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidDraftException.class,
                () -> EmailDraft.builder().to("a@example.com").senderName(given).build());
        DraftViolation v = e.violations().get(0);
        assertEquals("senderName", v.field());
        assertTrue(v.limit().startsWith(limit.strip()), v.toString());
        assertTrue(v.actual().contains(actual.strip()), v.toString());
    }

    @Test
    void aGoodNameIsKeptAndNoNameMeansTheConfiguredOne() {
        String fifty = "x".repeat(50);
        assertEquals(Optional.of(fifty), EmailDraft.builder().to("a@example.com").senderName(fifty).build().senderName());
        assertEquals(Optional.empty(), EmailDraft.builder().to("a@example.com").build().senderName());
    }

    @Test
    void thePlanWritesTheDraftsNameWithTheConfiguredAddress() {
        SmtpConfig config = SmtpConfig.builder().server("smtp.example.com", 25).security(Security.NONE)
                .account("u", "p").sender("Configured", "gw@example.com").build();
        List<String> plan = io.github.uc15mail.ModemMailer.plan(config,
                EmailDraft.builder().to("a@example.com").senderName("Pump house").build());
        assertTrue(plan.contains("AT+QSMTPCFG=\"sender\",\"Pump house\",\"gw@example.com\""), plan.toString());
        assertTrue(plan.stream().noneMatch(l -> l.contains("Configured")), plan.toString());
    }
}
