package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.mail.RetryPolicy;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.error.SmtpServiceException;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.at.AtSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The gate before AT+QSMTPPUT, and which failures say their outcome is unknown. */
class SubmitGateTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    private ModemMailer mailer;

    @AfterEach
    void close() {
        if (mailer != null) {
            mailer.close();
        }
    }

    private ModemMailer mailer() throws Exception {
        SmtpConfig config = SmtpConfig.builder().server("127.0.0.1", uc15.smtpPort())
                .sender("", "unit7@example.com").sendTimeoutSeconds(60).sendResultTimeout(Duration.ofSeconds(2))
                .build();
        mailer = ModemMailer.builder(io.github.uc15mail.Modem.open(uc15.emulator().connect()), config)
                .retryPolicy(RetryPolicy.attempts(3, Duration.ofMillis(10))).ownsSession(true).build();
        return mailer;
    }

    private static EmailDraft draft(String subject) {
        return EmailDraft.builder().to("ops@example.com").subject(subject).body("b").build();
    }

    private List<String> lines() {
        return uc15.emulator().commands().stream().map(RecordedCommand::line).toList();
    }

    @Test
    void theGateRunsAfterComposeAndBeforeThePut() throws Exception {
        List<String> seenAtGate = new ArrayList<>();
        mailer().send(draft("gated"), () -> seenAtGate.addAll(lines()));
        assertTrue(seenAtGate.stream().anyMatch(l -> l.startsWith("AT+QSMTPBODY")), "composed before the gate");
        assertFalse(seenAtGate.stream().anyMatch(l -> l.startsWith("AT+QSMTPPUT")), "no PUT before the gate");
        assertTrue(lines().stream().anyMatch(l -> l.startsWith("AT+QSMTPPUT")));
        assertEquals("gated", uc15.receivedMessages()[0].getSubject());
    }

    @Test
    void aThrowingGateStopsTheSendAndLeavesTheModemClean() throws Exception {
        IllegalStateException stop = new IllegalStateException("store is down");
        Uc15Exception e = assertThrows(Uc15Exception.class, () -> mailer().send(draft("stopped"), () -> {
            throw stop;
        }));
        assertSame(stop, e.getCause());
        assertFalse(e.isOutcomeUnknown());
        assertFalse(lines().stream().anyMatch(l -> l.startsWith("AT+QSMTPPUT")), "no PUT: " + lines());
        assertTrue(uc15.emulator().isContentEmpty());
        assertEquals(0, uc15.receivedMessages().length);
    }

    @Test
    void noResultAfterThePutIsAnUnknownOutcomeAndIsNotRetried() throws Exception {
        uc15.emulator().faults().putResultDelay(Duration.ofSeconds(5));
        int[] gateCalls = {0};
        Uc15Exception e = assertThrows(Uc15Exception.class, () -> mailer().send(draft("limbo"), () -> gateCalls[0]++));
        assertTrue(e.isOutcomeUnknown(), "outcome unknown: " + e);
        assertEquals(1, gateCalls[0], "never retried");
    }

    @Test
    void aResultTheModemReportedIsAKnownOutcome() throws Exception {
        uc15.emulator().faults().forcePutResult(678, 550);
        Uc15Exception e = assertThrows(SmtpServiceException.class, () -> mailer().send(draft("refused")));
        assertFalse(e.isOutcomeUnknown());
    }

    @Test
    void aPutTheModemRefusedIsAKnownOutcome() throws Exception {
        uc15.emulator().faults().errorOn("AT+QSMTPPUT", 1);
        Uc15Exception e = assertThrows(Uc15Exception.class, () -> mailer().send(draft("refused put"),
                SubmitGateTest::noop));
        assertFalse(e.isOutcomeUnknown(), e.toString());
    }

    private static void noop() {}
}
