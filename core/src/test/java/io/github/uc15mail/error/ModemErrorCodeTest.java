package io.github.uc15mail.error;

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
                Arguments.of(651, 0, ErrorCategory.UNKNOWN, false, SmtpServiceException.class),
                Arguments.of(652, 0, ErrorCategory.BUSY, true, SmtpBusyException.class),
                Arguments.of(653, 0, ErrorCategory.DNS, false, SmtpDnsException.class),
                Arguments.of(654, 0, ErrorCategory.NETWORK, true, SmtpNetworkException.class),
                Arguments.of(655, 0, ErrorCategory.AUTHENTICATION, false, SmtpAuthenticationException.class),
                Arguments.of(656, 0, ErrorCategory.NETWORK, true, SmtpNetworkException.class),
                Arguments.of(657, 0, ErrorCategory.NETWORK, true, SmtpNetworkException.class),
                Arguments.of(658, 0, ErrorCategory.TIMEOUT, true, SmtpTimeoutException.class),
                Arguments.of(659, 0, ErrorCategory.NO_RECIPIENT, false, SmtpRecipientException.class),
                Arguments.of(660, 0, ErrorCategory.SEND_FAILED, true, SmtpServiceException.class),
                Arguments.of(661, 0, ErrorCategory.ATTACHMENT, false, SmtpAttachmentException.class),
                Arguments.of(662, 0, ErrorCategory.ATTACHMENT, false, SmtpAttachmentException.class),
                Arguments.of(663, 0, ErrorCategory.ATTACHMENT, false, SmtpAttachmentException.class),
                Arguments.of(664, 0, ErrorCategory.INVALID_PARAMETER, false, SmtpInvalidParameterException.class),
                Arguments.of(665, 0, ErrorCategory.TLS, false, SmtpTlsException.class),
                Arguments.of(666, 421, ErrorCategory.SEND_FAILED, true, SmtpServiceException.class),
                Arguments.of(667, 450, ErrorCategory.RECIPIENT, true, SmtpRecipientException.class),
                Arguments.of(668, 451, ErrorCategory.SEND_FAILED, true, SmtpServiceException.class),
                Arguments.of(669, 452, ErrorCategory.SEND_FAILED, true, SmtpServiceException.class),
                Arguments.of(670, 500, ErrorCategory.SEND_FAILED, false, SmtpServiceException.class),
                Arguments.of(671, 501, ErrorCategory.SEND_FAILED, false, SmtpServiceException.class),
                Arguments.of(672, 502, ErrorCategory.SEND_FAILED, false, SmtpServiceException.class),
                Arguments.of(673, 503, ErrorCategory.SEND_FAILED, false, SmtpServiceException.class),
                Arguments.of(674, 504, ErrorCategory.SEND_FAILED, false, SmtpServiceException.class),
                Arguments.of(675, 521, ErrorCategory.SEND_FAILED, false, SmtpServiceException.class),
                Arguments.of(676, 530, ErrorCategory.AUTHENTICATION, false, SmtpAuthenticationException.class),
                Arguments.of(677, 535, ErrorCategory.AUTHENTICATION, false, SmtpAuthenticationException.class),
                Arguments.of(678, 550, ErrorCategory.RECIPIENT, false, SmtpRecipientException.class),
                Arguments.of(679, 551, ErrorCategory.RECIPIENT, false, SmtpRecipientException.class),
                Arguments.of(680, 552, ErrorCategory.RECIPIENT, false, SmtpRecipientException.class),
                Arguments.of(681, 553, ErrorCategory.RECIPIENT, false, SmtpRecipientException.class),
                Arguments.of(682, 554, ErrorCategory.SEND_FAILED, false, SmtpServiceException.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void everyCodeMapsAsTheManualSays(int code, int smtp, ErrorCategory category, boolean retryable,
            Class<? extends SmtpServiceException> type) {
        ModemErrorCode known = ModemErrorCode.of(code).orElseThrow();
        assertEquals(code, known.code());
        assertEquals(smtp, known.smtpReplyCode());
        assertEquals(category, known.category());
        assertEquals(retryable, known.isRetryable());
        assertFalse(known.meaning().isBlank());

        SmtpServiceException e = SmtpServiceException.of("+QSMTPPUT", code, smtp);
        assertEquals(type, e.getClass());
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
        assertEquals(ErrorCategory.UNKNOWN, e.category());
        assertFalse(e.isRetryable());
        assertEquals("699 unknown (SMTP 599)", e.summary());
        assertInstanceOf(Uc15Exception.class, e);
    }

    @Test
    void authenticationSummaryReadsAsTheCliPrintsIt() {
        assertEquals("677 authentication failed (SMTP 535)",
                SmtpServiceException.of("+QSMTPPUT", 677, 535).summary());
    }
}
