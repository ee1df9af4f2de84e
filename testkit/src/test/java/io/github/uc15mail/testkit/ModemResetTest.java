package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.Apn;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.error.ModemRestartedException;
import io.github.uc15mail.mail.RetryPolicy;
import io.github.uc15mail.SendReceipt;
import io.github.uc15mail.mail.Security;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.at.AtSession;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The module restarts (RDY) during a send: typed failure, or a retry when allowed, and a re-initialised session. */
class ModemResetTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    private ModemMailer mailer;

    @AfterEach
    void close() {
        if (mailer != null) {
            mailer.close();
        }
    }

    private ModemMailer mailer(RetryPolicy retry) throws Exception {
        SmtpConfig config = SmtpConfig.builder().server("127.0.0.1", uc15.smtpPort()).security(Security.NONE)
                .sender("", "unit7@example.com").apn(Apn.of("internet.test")).build();
        mailer = ModemMailer.builder(io.github.uc15mail.Modem.open(uc15.emulator().connect()), config).retryPolicy(retry)
                .ownsSession(true).build();
        return mailer;
    }

    private static EmailDraft draft(String subject) {
        return EmailDraft.builder().to("ops@example.com").subject(subject).body("b").build();
    }

    private long delivered(String subject) throws Exception {
        long n = 0;
        for (var m : uc15.receivedMessages()) {
            if (subject.equals(m.getSubject())) {
                n++;
            }
        }
        return n;
    }

    private List<String> commandsSince(int index) {
        List<RecordedCommand> all = uc15.emulator().commands();
        return all.subList(index, all.size()).stream().map(RecordedCommand::line).toList();
    }

    @Test
    void withoutRetryTheSendFailsTypedAndTheNextSendReinitialisesTheModem() throws Exception {
        mailer(RetryPolicy.none()).send(draft("warm-up"));
        uc15.emulator().faults().resetOnNth("AT+QSMTPDST", 1);
        assertThrows(ModemRestartedException.class, () -> mailer.send(draft("interrupted")));
        assertEquals(1, mailer.session().restartCount());
        assertEquals(0, delivered("interrupted"));

        int mark = uc15.emulator().commands().size();
        mailer.send(draft("after the restart"));
        List<String> again = commandsSince(mark);
        for (String expected : List.of("ATE0", "AT+CMEE=1", "AT+QIACT=1", "AT+QSMTPCFG=\"smtpserver\"")) {
            assertTrue(again.stream().anyMatch(c -> c.startsWith(expected)), expected + " sent again: " + again);
        }
        assertEquals(1, delivered("after the restart"));
        assertTrue(uc15.emulator().isContentEmpty());
    }

    @Test
    void withARetryPolicyTheInterruptedSendIsRetriedAndDeliveredOnce() throws Exception {
        mailer(RetryPolicy.attempts(3, Duration.ZERO));
        uc15.emulator().faults().resetOnNth("AT+QSMTPBODY", 1);
        SendReceipt r = mailer.send(draft("retried"));
        assertEquals(2, r.attempts());
        assertEquals(1, delivered("retried"));
        assertEquals(1, mailer.session().restartCount());
    }

    @Test
    void aRestartAfterQsmtpputWasAcceptedIsNeverRetried() throws Exception {
        mailer(RetryPolicy.attempts(3, Duration.ZERO));
        Uc15Emulator modem = uc15.emulator();
        modem.faults().putResultDelay(Duration.ofSeconds(2));
        CompletableFuture<SendReceipt> f = mailer.sendAsync(draft("maybe sent"));
        Await.until("the send started", Duration.ofSeconds(20), modem::isSendInProgress);
        modem.faults().resetModem();
        Exception e = assertThrows(Exception.class, f::join);
        assertTrue(e.getCause() instanceof ModemRestartedException, String.valueOf(e.getCause()));
        assertEquals(1, modem.commands().stream().filter(c -> c.line().startsWith("AT+QSMTPPUT")).count(),
                "not retried");
        assertFalse(modem.isSendInProgress());
        assertTrue(delivered("maybe sent") <= 1, "never delivered twice");
        modem.faults().clear();
        mailer.send(draft("next"));
        assertEquals(1, delivered("next"));
    }
}
