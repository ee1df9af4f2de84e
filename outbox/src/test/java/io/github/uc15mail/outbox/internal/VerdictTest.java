package io.github.uc15mail.outbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.uc15mail.error.Fault.FaultKind;
import io.github.uc15mail.error.SmtpServiceException;
import io.github.uc15mail.outbox.OutboxException;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The outbox's reading of a failure agrees with the core's FaultClassifier: whose fault, and what next. */
class VerdictTest {

    static Stream<Arguments> table() {
        return Stream.of(
                // failure, submitted, kind, fault, modem blamed
                Arguments.of(SmtpServiceException.of("AT+QSMTPPUT", 677, 535), true, Verdict.Kind.PAUSE,
                        FaultKind.ACCOUNT, false),
                Arguments.of(SmtpServiceException.of("AT+QSMTPPUT", 665, 0), true, Verdict.Kind.PAUSE,
                        FaultKind.ACCOUNT, false),
                Arguments.of(SmtpServiceException.of("AT+QSMTPPUT", 655, 0), true, Verdict.Kind.PAUSE,
                        FaultKind.ACCOUNT, false),
                Arguments.of(SmtpServiceException.of("AT+QSMTPCFG", 664, 0), false, Verdict.Kind.PAUSE,
                        FaultKind.ACCOUNT, false),
                Arguments.of(SmtpServiceException.of("AT+QSMTPPUT", 678, 550), true, Verdict.Kind.FAILED,
                        FaultKind.MESSAGE, false),
                Arguments.of(SmtpServiceException.of("AT+QSMTPPUT", 654, 0), true, Verdict.Kind.RETRY,
                        FaultKind.NETWORK, false),
                Arguments.of(SmtpServiceException.of("AT+QSMTPPUT", 669, 451), true, Verdict.Kind.RETRY,
                        FaultKind.NETWORK, false),
                Arguments.of(SmtpServiceException.of("AT+QSMTPPUT", 652, 0), true, Verdict.Kind.RETRY,
                        FaultKind.MODEM, true),
                Arguments.of(new IllegalArgumentException("to[0]: bad"), false, Verdict.Kind.FAILED,
                        FaultKind.MESSAGE, false),
                // A store read error is this host's trouble, never the modem's.
                Arguments.of(new OutboxException("the outbox store x cannot be read: gone"), false, Verdict.Kind.RETRY,
                        FaultKind.HOST, false),
                Arguments.of(new CompletionException(new Verdict.GateClosed("the store could not be read", null)), false,
                        Verdict.Kind.HANDED_BACK, null, false),
                // After AT+QSMTPPUT, a failure the modem did not report is an unknown outcome.
                Arguments.of(new IllegalStateException("link lost"), true, Verdict.Kind.UNKNOWN,
                        FaultKind.UNKNOWN_OUTCOME, false));
    }

    @ParameterizedTest
    @MethodSource("table")
    void eachFailureHasOneReading(Throwable failure, boolean submitted, Verdict.Kind kind, FaultKind fault,
            boolean modem) {
        Verdict v = Verdict.of(failure, submitted);
        assertEquals(kind, v.kind(), v.toString());
        assertEquals(fault, v.fault(), v.toString());
        assertEquals(modem, v.modemsFault(), v.toString());
    }
}
