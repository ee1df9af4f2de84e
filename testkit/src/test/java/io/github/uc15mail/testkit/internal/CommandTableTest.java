package io.github.uc15mail.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dispatcher alone: name and form pick the handler; what is missing or malformed answers as the module does. */
class CommandTableTest {

    final ByteArrayOutputStream wire = new ByteArrayOutputStream();
    final Replies replies = new Replies((b, reply) -> wire.writeBytes(b), new FaultGate(new FaultState()));
    final CommandTable table = new CommandTable(replies);
    final List<String> calls = new ArrayList<>();

    String said() {
        String s = wire.toString(StandardCharsets.ISO_8859_1);
        wire.reset();
        return s;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AT|''|EXEC|''",
        "ATE0|E0|EXEC|''",
        "AT+QSMTPCFG=?|QSMTPCFG|TEST|''",
        "at+qsmtpsub?|QSMTPSUB|READ|''",
        "AT+QSMTPDST=1,1,\"a@b\"|QSMTPDST|WRITE|1,1,\"a@b\"",
        "AT+QSMTPCLR|QSMTPCLR|EXEC|''"})
    void parsesNameFormAndParameters(String line, String name, Form form, String args) {
        CommandTable.Parsed p = CommandTable.parse(line);
        assertEquals(name, p.name());
        assertEquals(form, p.form());
        assertEquals(args, p.argText());
    }

    @Test
    void aTailThatIsNoFormIsMalformed() {
        assertNull(CommandTable.parse("AT+CMEE?x"));
        table.dispatch("AT+CMEE?x");
        assertEquals("\r\nERROR\r\n", said());
    }

    @Test
    void dispatchesByNameAndForm() {
        table.on("CMEE", Form.READ, a -> calls.add("read"));
        table.on("CMEE", Form.WRITE, a -> calls.add("write " + a.intValue(0, 0, 2)));
        table.dispatch("AT+CMEE?");
        table.dispatch("AT+cmee=2");
        assertEquals(List.of("read", "write 2"), calls);
        table.dispatch("AT+CMEE=?");
        assertEquals("\r\nERROR\r\n", said(), "a form with no entry answers ERROR");
    }

    @Test
    void badParametersAnswerByFamily() {
        CommandTable.Handler bad = a -> a.intValue(0, 0, 1);
        table.on("QSMTPPUT", Form.WRITE, bad).on("QFDEL", Form.WRITE, bad).on("QIACT", Form.WRITE, bad);
        table.onBadArgs("QSMTP", why -> replies.cme(664)).onBadArgs("QF", why -> replies.cme(400));
        table.dispatch("AT+QSMTPPUT=9");
        assertEquals("\r\n+CME ERROR: 664\r\n", said());
        table.dispatch("AT+QFDEL=9");
        assertEquals("\r\n+CME ERROR: 400\r\n", said());
        table.dispatch("AT+QIACT=9");
        assertEquals("\r\nERROR\r\n", said());
        table.dispatch("AT+QSMTPPUT=\"unterminated");
        assertEquals("\r\n+CME ERROR: 664\r\n", said(), "unparsable parameters of an SMTP command");
    }

    @Test
    void aRemovedCommandAnswersError() {
        table.on("QSMTPCFG", Form.TEST, a -> calls.add("test"));
        table.remove("QSMTPCFG");
        table.dispatch("AT+QSMTPCFG=?");
        assertEquals("\r\nERROR\r\n", said());
        assertEquals(List.of(), calls);
    }

    @Test
    void cmeFollowsTheReportMode() {
        replies.cmee(0);
        replies.cme(652);
        assertEquals("\r\nERROR\r\n", said());
        replies.cmee(2);
        replies.cme(652);
        assertEquals("\r\n+CME ERROR: SMTP service is busy\r\n", said());
    }
}
