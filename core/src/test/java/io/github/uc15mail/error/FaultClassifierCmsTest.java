package io.github.uc15mail.error;

import io.github.uc15mail.error.ModemErrorException.CmsErrorException;
import io.github.uc15mail.error.Fault.FaultKind;
import static io.github.uc15mail.error.Fault.FaultKind.MESSAGE;
import static io.github.uc15mail.error.Fault.FaultKind.MODEM;
import static io.github.uc15mail.error.Fault.FaultKind.NETWORK;
import static io.github.uc15mail.error.Fault.FaultKind.UNKNOWN_OUTCOME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code +CMS ERROR} codes through the shared {@link FaultClassifier}: the table, and the exception agreeing with it. */
class FaultClassifierCmsTest {

    static Stream<Arguments> table() {
        return Stream.of(
                // TS 27.005 3.2.5
                Arguments.of(300, MODEM, true), Arguments.of(301, MODEM, false), Arguments.of(302, MODEM, false),
                Arguments.of(303, MODEM, false), Arguments.of(304, MESSAGE, false), Arguments.of(305, MESSAGE, false),
                Arguments.of(310, MODEM, false), Arguments.of(311, MODEM, false), Arguments.of(313, MODEM, false),
                Arguments.of(314, MODEM, true), Arguments.of(320, MODEM, true), Arguments.of(322, MODEM, false),
                Arguments.of(330, MODEM, false), Arguments.of(331, NETWORK, true), Arguments.of(332, NETWORK, true),
                Arguments.of(500, MODEM, true),
                // relay causes, TS 24.011 8.2.5.4
                Arguments.of(1, MESSAGE, false), Arguments.of(8, MESSAGE, false), Arguments.of(21, MESSAGE, false),
                Arguments.of(38, NETWORK, true), Arguments.of(41, NETWORK, true), Arguments.of(42, NETWORK, true),
                Arguments.of(47, NETWORK, true), Arguments.of(96, MESSAGE, false),
                // TP failure causes, TS 23.040 9.2.3.22
                Arguments.of(0x80, MESSAGE, false), Arguments.of(0xC4, MESSAGE, false),
                // unknown: the modem's, kept as a number
                Arguments.of(777, MODEM, false), Arguments.of(-1, MODEM, false));
    }

    @ParameterizedTest(name = "+CMS ERROR: {0} -> {1}, retryable {2}")
    @MethodSource("table")
    void everyCodeHasItsKind(int code, FaultKind kind, boolean retryable) {
        Fault byCode = FaultClassifier.classifyCmsCode(code);
        assertEquals(kind, byCode.kind());
        assertEquals(retryable, byCode.retryable());
        CmsErrorException e = new CmsErrorException("AT+CMGS=20", code);
        Fault byException = FaultClassifier.classify(e);
        assertEquals(kind, byException.kind());
        assertEquals(retryable, byException.retryable());
        assertEquals(kind, e.kind());
        assertEquals(retryable, e.isRetryable());
        assertEquals(kind == MODEM, e.isModemFault());
        assertEquals(Math.max(code, 0), byException.errorCode());
    }

    @Test
    void aRefusalAfterSomePartsWentIsAnUnknownOutcome() {
        CmsErrorException e = new CmsErrorException("AT+CMGS=140", 332).afterParts(2);
        Fault f = FaultClassifier.classify(e);
        assertEquals(UNKNOWN_OUTCOME, f.kind());
        assertFalse(f.retryable());
        assertEquals(332, f.errorCode());
    }
}
