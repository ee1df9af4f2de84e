package io.github.uc15mail.error;

import io.github.uc15mail.error.ModemErrorException.CmeErrorException;
import io.github.uc15mail.error.SmtpServiceException.ModemErrorCode;
import io.github.uc15mail.error.Fault.FaultKind;
import io.github.uc15mail.error.ModemFileException.AttachmentRefusedException;
import io.github.uc15mail.error.InvalidDraftException.DraftViolation;
import static io.github.uc15mail.error.Fault.FaultKind.ACCOUNT;
import static io.github.uc15mail.error.Fault.FaultKind.HOST;
import static io.github.uc15mail.error.Fault.FaultKind.MESSAGE;
import static io.github.uc15mail.error.Fault.FaultKind.MODEM;
import static io.github.uc15mail.error.Fault.FaultKind.NETWORK;
import static io.github.uc15mail.error.Fault.FaultKind.UNKNOWN_OUTCOME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FaultClassifierTest {

    /** Every SMTP service code 651-682 with the reply the modem reports beside it, as a +QSMTPPUT result. */
    static Stream<Arguments> everyCode() {
        return Stream.of(
                Arguments.of(651, 0, MODEM, false),
                Arguments.of(652, 0, MODEM, true),
                Arguments.of(653, 0, NETWORK, false),
                Arguments.of(654, 0, NETWORK, true),
                Arguments.of(655, 0, ACCOUNT, false),
                Arguments.of(656, 0, NETWORK, true),
                Arguments.of(657, 0, MODEM, true),
                Arguments.of(658, 0, NETWORK, true),
                Arguments.of(659, 0, MESSAGE, false),
                Arguments.of(660, 0, NETWORK, true),
                Arguments.of(661, 0, MODEM, false),
                Arguments.of(662, 0, MODEM, false),
                Arguments.of(663, 0, MODEM, false),
                Arguments.of(664, 0, MESSAGE, false),
                Arguments.of(665, 0, ACCOUNT, false),
                Arguments.of(666, 421, NETWORK, true),
                Arguments.of(667, 450, NETWORK, true),
                Arguments.of(668, 451, NETWORK, true),
                Arguments.of(669, 452, NETWORK, true),
                Arguments.of(670, 500, MESSAGE, false),
                Arguments.of(671, 501, MESSAGE, false),
                Arguments.of(672, 502, MESSAGE, false),
                Arguments.of(673, 503, MESSAGE, false),
                Arguments.of(674, 504, MESSAGE, false),
                Arguments.of(675, 521, MESSAGE, false),
                Arguments.of(676, 530, ACCOUNT, false),
                Arguments.of(677, 535, ACCOUNT, false),
                Arguments.of(678, 550, MESSAGE, false),
                Arguments.of(679, 551, MESSAGE, false),
                Arguments.of(680, 552, MESSAGE, false),
                Arguments.of(681, 553, MESSAGE, false),
                Arguments.of(682, 554, MESSAGE, false));
    }

    @ParameterizedTest(name = "{0} (SMTP {1}) is {2}")
    @MethodSource("everyCode")
    void everySmtpServiceCode(int code, int reply, FaultKind kind, boolean retryable) {
        Fault byCode = FaultClassifier.classifyCode(code, reply, "+QSMTPPUT");
        assertEquals(kind, byCode.kind());
        assertEquals(retryable, byCode.retryable());
        assertEquals(code, byCode.errorCode());
        assertEquals(reply, byCode.smtpReply());

        SmtpServiceException e = SmtpServiceException.of("+QSMTPPUT", code, reply);
        Fault fromException = FaultClassifier.classify(e);
        assertEquals(kind, fromException.kind(), "the exception is classified as its code");
        assertEquals(retryable, fromException.retryable());
        assertEquals(kind == MODEM, e.isModemFault(), "isModemFault answers from the classifier");
        assertEquals(retryable, e.isRetryable(), "isRetryable answers from the classifier");
        assertEquals(retryable, ModemErrorCode.of(code).orElseThrow().isRetryable(), "the code table agrees");
    }

    @Test
    void theTableCoversEveryCodeOfTheManual() {
        Set<Integer> codes = new HashSet<>();
        everyCode().forEach(a -> codes.add((Integer) a.get()[0]));
        for (ModemErrorCode c : ModemErrorCode.values()) {
            assertTrue(codes.contains(c.code()), "missing " + c.code());
        }
        assertEquals(32, codes.size());
    }

    /** SMTP reply classes under a code the SDK does not know: the reply still says whose trouble it is. */
    static Stream<Arguments> replyClasses() {
        return Stream.of(
                Arguments.of(535, ACCOUNT, false),
                Arguments.of(534, ACCOUNT, false),
                Arguments.of(530, ACCOUNT, false),
                Arguments.of(421, NETWORK, true),
                Arguments.of(451, NETWORK, true),
                Arguments.of(550, MESSAGE, false),
                Arguments.of(554, MESSAGE, false),
                Arguments.of(0, MODEM, false));
    }

    @ParameterizedTest(name = "unknown code with SMTP {0} is {1}")
    @MethodSource("replyClasses")
    void smtpReplyClassesOfUnknownCodes(int reply, FaultKind kind, boolean retryable) {
        Fault f = FaultClassifier.classify(SmtpServiceException.of("+QSMTPPUT", 699, reply));
        assertEquals(kind, f.kind());
        assertEquals(retryable, f.retryable());
        assertEquals(699, f.errorCode());
    }

    @Test
    void aWrongParameterToASettingsCommandIsTheConfigurationsFault() {
        assertEquals(ACCOUNT, FaultClassifier.classify(
                SmtpServiceException.of("AT+QSMTPCFG=\"smtpserver\",\"x\",99999", 664, 0)).kind());
        assertEquals(ACCOUNT, FaultClassifier.classify(SmtpServiceException.of("AT+QICSGP=1,1,\"apn\"", 664, 0)).kind());
        assertEquals(MESSAGE, FaultClassifier.classify(SmtpServiceException.of("AT+QSMTPDST=1,1,\"a@b\"", 664, 0)).kind());
    }

    @Test
    void refusedAccountsPauseSending() {
        assertTrue(FaultClassifier.classify(SmtpServiceException.of("+QSMTPPUT", 677, 535)).pausesSending());
        assertTrue(FaultClassifier.classify(SmtpServiceException.of("+QSMTPPUT", 665, 0)).pausesSending());
        assertFalse(FaultClassifier.classify(SmtpServiceException.of("+QSMTPPUT", 678, 550)).pausesSending());
        assertFalse(FaultClassifier.classify(new CommandTimeoutException("AT", Duration.ofSeconds(1))).pausesSending());
    }

    static Stream<Arguments> exceptions() {
        return Stream.of(
                Arguments.of(new ModemNotReadyException(ModemNotReadyException.Reason.NOT_REGISTERED, "searching", null),
                        MODEM, true),
                Arguments.of(new ModemNotReadyException(ModemNotReadyException.Reason.SIM_NOT_READY, "no SIM", null),
                        MODEM, false),
                Arguments.of(new ModemNotReadyException(ModemNotReadyException.Reason.NOT_REGISTERED, "denied", null,
                        false), MODEM, false),
                Arguments.of(new CommandTimeoutException("AT+CPIN?", Duration.ofSeconds(5)), MODEM, true),
                Arguments.of(new TransportClosedException("unplugged", null), MODEM, false),
                Arguments.of(new ModemRestartedException("RDY"), MODEM, true),
                Arguments.of(CmeErrorException.of("AT+CSQ", 100, "100"), MODEM, false),
                Arguments.of(CmeErrorException.of("AT+QFUPL", 421, "421"), MODEM, true),
                Arguments.of(CmeErrorException.of("AT+QFUPL", 423, "423"), MESSAGE, false),
                Arguments.of(new AttachmentRefusedException(AttachmentRefusedException.Reason.NOT_ENOUGH_RAM, "full"),
                        MODEM, false),
                Arguments.of(new AttachmentRefusedException(AttachmentRefusedException.Reason.TOO_BIG_FOR_RAM, "big"),
                        MESSAGE, false),
                Arguments.of(new InvalidDraftException(java.util.List.of(new DraftViolation("subject", "at most 255 bytes", "300 bytes"))), MESSAGE, false),
                Arguments.of(new IllegalArgumentException("to: not an address"), MESSAGE, false),
                Arguments.of(new Uc15Exception("the mailer is closed"), HOST, false),
                Arguments.of(new IOException("disk"), HOST, true),
                Arguments.of(new CompletionException(new TransportClosedException("gone", null)), MODEM, false),
                Arguments.of(new ExecutionException(SmtpServiceException.of("+QSMTPPUT", 677, 535)), ACCOUNT, false));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("exceptions")
    void exceptionsByKind(Throwable failure, FaultKind kind, boolean retryable) {
        Fault f = FaultClassifier.classify(failure);
        assertEquals(kind, f.kind());
        assertEquals(retryable, f.retryable());
        assertFalse(f.summary().isBlank());
    }

    @Test
    void anUnknownOutcomeWinsOverEverythingAndIsNeverRetried() {
        CommandTimeoutException afterPut = new CommandTimeoutException("AT+QSMTPPUT=300", Duration.ofSeconds(300));
        afterPut.markOutcomeUnknown();
        Fault f = FaultClassifier.classify(afterPut);
        assertEquals(UNKNOWN_OUTCOME, f.kind());
        assertFalse(f.retryable());
        assertTrue(afterPut.isModemFault(), "a timeout after the submit still counts against the modem");
        assertEquals(MODEM, FaultClassifier.classifyIgnoringOutcome(afterPut).kind());
    }

    @Test
    void summariesAreOneLineAndBounded() {
        Fault f = FaultClassifier.classify(new IllegalStateException("a\r\nb" + "x".repeat(1000)));
        assertFalse(f.summary().contains("\n"));
        assertEquals(500, f.summary().length());
        assertEquals(HOST, FaultClassifier.classify(null).kind());
    }
}
