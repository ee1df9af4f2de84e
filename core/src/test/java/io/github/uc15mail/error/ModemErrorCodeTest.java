package io.github.uc15mail.error;

import io.github.uc15mail.error.SmtpServiceException.ModemErrorCode;
import io.github.uc15mail.error.Fault.FaultKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every code 651-682 against the manual's tables, and what happens to a code the SDK does not know. */
class ModemErrorCodeTest {

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(651, 0, FaultKind.MODEM, false),
                Arguments.of(652, 0, FaultKind.MODEM, true),
                Arguments.of(653, 0, FaultKind.NETWORK, false),
                Arguments.of(654, 0, FaultKind.NETWORK, true),
                Arguments.of(655, 0, FaultKind.ACCOUNT, false),
                Arguments.of(656, 0, FaultKind.NETWORK, true),
                Arguments.of(657, 0, FaultKind.MODEM, true),
                Arguments.of(658, 0, FaultKind.NETWORK, true),
                Arguments.of(659, 0, FaultKind.MESSAGE, false),
                Arguments.of(660, 0, FaultKind.NETWORK, true),
                Arguments.of(661, 0, FaultKind.MODEM, false),
                Arguments.of(662, 0, FaultKind.MODEM, false),
                Arguments.of(663, 0, FaultKind.MODEM, false),
                Arguments.of(664, 0, FaultKind.MESSAGE, false),
                Arguments.of(665, 0, FaultKind.ACCOUNT, false),
                Arguments.of(666, 421, FaultKind.NETWORK, true),
                Arguments.of(667, 450, FaultKind.NETWORK, true),
                Arguments.of(668, 451, FaultKind.NETWORK, true),
                Arguments.of(669, 452, FaultKind.NETWORK, true),
                Arguments.of(670, 500, FaultKind.MESSAGE, false),
                Arguments.of(671, 501, FaultKind.MESSAGE, false),
                Arguments.of(672, 502, FaultKind.MESSAGE, false),
                Arguments.of(673, 503, FaultKind.MESSAGE, false),
                Arguments.of(674, 504, FaultKind.MESSAGE, false),
                Arguments.of(675, 521, FaultKind.MESSAGE, false),
                Arguments.of(676, 530, FaultKind.ACCOUNT, false),
                Arguments.of(677, 535, FaultKind.ACCOUNT, false),
                Arguments.of(678, 550, FaultKind.MESSAGE, false),
                Arguments.of(679, 551, FaultKind.MESSAGE, false),
                Arguments.of(680, 552, FaultKind.MESSAGE, false),
                Arguments.of(681, 553, FaultKind.MESSAGE, false),
                Arguments.of(682, 554, FaultKind.MESSAGE, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void everyCodeMapsAsTheManualSays(int code, int smtp, FaultKind kind, boolean retryable) {
        ModemErrorCode known = ModemErrorCode.of(code).orElseThrow();
        assertEquals(code, known.code());
        assertEquals(smtp, known.smtpReplyCode());
        assertEquals(retryable, known.isRetryable());
        assertFalse(known.meaning().isBlank());

        SmtpServiceException e = SmtpServiceException.of("+QSMTPPUT", code, smtp);
        assertEquals(SmtpServiceException.class, e.getClass(), "one class for every code");
        assertEquals(kind, e.kind());
        assertEquals(kind, e.fault().kind());
        assertEquals(code, e.fault().errorCode());
        assertEquals(smtp, e.fault().smtpReply());
        assertEquals(code, e.errorCode());
        assertEquals(smtp, e.protocolError());
        assertEquals(retryable, e.isRetryable());
        assertTrue(e.getMessage().startsWith(code + " " + known.meaning()), e.getMessage());
        if (smtp != 0) {
            assertTrue(e.summary().endsWith("(SMTP " + smtp + ")"), e.summary());
        }
    }

    @Test
    void unknownCodesAreKeptAsNumbers() {
        assertTrue(ModemErrorCode.of(699).isEmpty());
        assertEquals("unknown", ModemErrorCode.describe(699));
        SmtpServiceException e = SmtpServiceException.of("+QSMTPPUT", 699, 599);
        assertEquals(699, e.errorCode());
        assertEquals(599, e.protocolError());
        assertEquals(FaultKind.MESSAGE, e.kind(), "an unknown code with a 5xx reply is the message's");
        assertFalse(e.isRetryable());
        assertEquals("699 unknown (SMTP 599)", e.summary());
        assertInstanceOf(Uc15Exception.class, e);
    }

    @Test
    void wrongParameterIsTheAccountsToASettingsCommandAndTheMessagesToASend() {
        assertEquals(FaultKind.ACCOUNT, SmtpServiceException.of("AT+QSMTPCFG=\"smtpserver\"", 664, 0).kind());
        assertEquals(FaultKind.MESSAGE, SmtpServiceException.of("AT+QSMTPPUT=60", 664, 0).kind());
    }

    @Test
    void authenticationSummaryReadsAsTheCliPrintsIt() {
        assertEquals("677 authentication failed (SMTP 535)",
                SmtpServiceException.of("+QSMTPPUT", 677, 535).summary());
    }
}
