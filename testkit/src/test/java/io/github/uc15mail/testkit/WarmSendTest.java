package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.Modem;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.error.ModemNotReadyException;
import io.github.uc15mail.mail.Security;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.error.SmtpServiceException;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.at.AtSessionOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Warm sends: a send right after a good one skips the preflight and writes only DST×n, SUB, BODY, PUT and CLR;
 * every fault the preflight catches (a removed SIM, a lost registration, a dropped PDP context) injected
 * between two warm sends still fails the next send with the typed error a cold send gives; silence on the
 * injected clock, a restart and a failure bring the full preflight back.
 */
class WarmSendTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer()
            .withEmulator(b -> b.smtpTimeoutScale(0.05));

    private final MovingClock clock = new MovingClock();
    private ModemMailer mailer;

    @AfterEach
    void close() {
        if (mailer != null) {
            mailer.close();
        }
    }

    private ModemMailer mailer() throws Exception {
        SmtpConfig config = SmtpConfig.builder().server(uc15.smtpHost(), uc15.smtpPort()).security(Security.NONE)
                .account("", "").sender("Unit", "unit@example.com").readyWait(Duration.ofMillis(1500)).build();
        Modem modem = Modem.open(uc15.emulator().connect(), AtSessionOptions.builder().clock(clock).build());
        mailer = ModemMailer.builder(modem, config).ownsSession(true).build();
        return mailer;
    }

    private static EmailDraft draft(String subject, String... to) {
        return EmailDraft.builder().to(to).subject(subject).body("hello").build();
    }

    /** The commands the emulator received from index {@code from} on, as their verbs ("AT+QSMTPDST", ...). */
    private List<String> verbsSince(int from) {
        List<RecordedCommand> all = uc15.emulator().recording().commands();
        return all.subList(from, all.size()).stream().map(c -> verb(c.line())).toList();
    }

    private static String verb(String line) {
        String u = line.toUpperCase(Locale.ROOT);
        int end = u.length();
        for (char stop : new char[] {'=', '?'}) {
            int i = u.indexOf(stop);
            if (i > 0 && i < end) {
                end = i;
            }
        }
        return u.substring(0, end);
    }

    private int recorded() {
        return uc15.emulator().recording().commands().size();
    }

    @Test
    void aWarmSendWritesFiveCommandsForOneRecipientAndOneMorePerRecipient() throws Exception {
        ModemMailer m = mailer();
        m.send(draft("cold", "a@example.com"));
        int before = recorded();
        m.send(draft("warm", "a@example.com"));
        assertEquals(List.of("AT+QSMTPDST", "AT+QSMTPSUB", "AT+QSMTPBODY", "AT+QSMTPPUT", "AT+QSMTPCLR"),
                verbsSince(before), "a warm send for one recipient: its content, the put, one clear");
        assertTrue(uc15.emulator().isContentEmpty(), "the send cleared its content after itself");
        before = recorded();
        m.send(draft("warm 3", "a@example.com", "b@example.com", "c@example.com"));
        assertEquals(7, verbsSince(before).size(), "n + 4 for three recipients: " + verbsSince(before));
        assertEquals(3, uc15.emulator().recording().delivered().size());
    }

    @Test
    void aMessagesOwnSenderNameCostsOneCommandAndIsDelivered() throws Exception {
        ModemMailer m = mailer();
        m.send(draft("cold", "a@example.com"));
        int before = recorded();
        m.send(EmailDraft.builder().to("a@example.com").subject("named").body("hello").senderName("Pump house 3")
                .build());
        assertEquals(List.of("AT+QSMTPCFG", "AT+QSMTPDST", "AT+QSMTPSUB", "AT+QSMTPBODY", "AT+QSMTPPUT",
                "AT+QSMTPCLR"), verbsSince(before), "only the sender is written besides the content");
        assertTrue(uc15.emulator().recording().commands().get(before).line()
                .equals("AT+QSMTPCFG=\"sender\",\"Pump house 3\",\"unit@example.com\""));
        before = recorded();
        m.send(draft("configured again", "a@example.com"));
        assertEquals("AT+QSMTPCFG=\"sender\",\"Unit\",\"unit@example.com\"",
                uc15.emulator().recording().commands().get(before).line(), "back to the configured name");
        before = recorded();
        m.send(draft("plain warm", "a@example.com"));
        assertEquals(5, verbsSince(before).size(), "no sender written when it did not change: " + verbsSince(before));
        jakarta.mail.internet.MimeMessage[] got = uc15.receivedMessages();
        List<String> names = java.util.Arrays.stream(got).map(WarmSendTest::fromName).toList();
        assertEquals(List.of("Unit", "Pump house 3", "Unit", "Unit"), names);
    }

    private static String fromName(jakarta.mail.internet.MimeMessage message) {
        try {
            return ((jakarta.mail.internet.InternetAddress) message.getFrom()[0]).getPersonal();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void silenceOnTheClockBringsTheFullPreflightBack() throws Exception {
        ModemMailer m = mailer();
        m.send(draft("cold", "a@example.com"));
        clock.advance(Duration.ofSeconds(59));
        int before = recorded();
        m.send(draft("warm", "a@example.com"));
        assertEquals(5, verbsSince(before).size(), "59 s later still warm: " + verbsSince(before));
        clock.advance(Duration.ofSeconds(60));
        before = recorded();
        m.send(draft("after silence", "a@example.com"));
        List<String> verbs = verbsSince(before);
        assertTrue(verbs.containsAll(List.of("AT", "AT+CPIN", "AT+CGREG", "AT+QIACT")), "full preflight: " + verbs);
    }

    @Test
    void aRemovedSimFailsTheNextSendAsACold() throws Exception {
        ModemMailer m = mailer();
        m.send(draft("cold", "a@example.com"));
        m.send(draft("warm", "a@example.com"));
        uc15.emulator().faults().removeSim();
        Uc15Exception e = assertThrows(Uc15Exception.class, () -> m.send(draft("no sim", "a@example.com")));
        ModemNotReadyException nr = assertInstanceOf(ModemNotReadyException.class, e, e.toString());
        assertEquals(ModemNotReadyException.Reason.SIM_NOT_READY, nr.reason());
        assertFalse(e.isOutcomeUnknown());
        assertEquals(1, uc15.emulator().faults().injected(FaultKind.SIM_REMOVED));
        assertEquals(2, uc15.emulator().recording().delivered().size(), "nothing sent without a SIM");
    }

    @Test
    void aLostRegistrationFailsTheNextSendAsACold() throws Exception {
        ModemMailer m = mailer();
        m.send(draft("cold", "a@example.com"));
        m.send(draft("warm", "a@example.com"));
        uc15.emulator().faults().noRegistration(Duration.ofMinutes(5));
        int before = recorded();
        Uc15Exception e = assertThrows(Uc15Exception.class, () -> m.send(draft("no network", "a@example.com")));
        ModemNotReadyException nr = assertInstanceOf(ModemNotReadyException.class, e, e.toString());
        assertEquals(ModemNotReadyException.Reason.NOT_REGISTERED, nr.reason());
        assertFalse(e.isOutcomeUnknown(), "the modem reported that it did not send");
        assertEquals(1, verbsSince(before).stream().filter("AT+QSMTPPUT"::equals).count(),
                "AT+QSMTPPUT written once, never repeated: " + verbsSince(before));
        assertInstanceOf(SmtpServiceException.class, e.getSuppressed()[0], "the send's own failure kept");
        assertEquals(2, uc15.emulator().recording().delivered().size());
    }

    @Test
    void aDroppedPdpContextThatCannotComeBackFailsTheNextSendAsACold() throws Exception {
        ModemMailer m = mailer();
        m.send(draft("cold", "a@example.com"));
        m.send(draft("warm", "a@example.com"));
        uc15.emulator().faults().errorOn("AT+QIACT=1", 1).errorOn("AT+QIACT=1", 2);
        uc15.emulator().faults().dropPdp(1);
        Uc15Exception e = assertThrows(Uc15Exception.class, () -> m.send(draft("no pdp", "a@example.com")));
        ModemNotReadyException nr = assertInstanceOf(ModemNotReadyException.class, e, e.toString());
        assertEquals(ModemNotReadyException.Reason.PDP_NOT_ACTIVE, nr.reason());
        assertEquals(1, uc15.emulator().faults().injected(FaultKind.PDP_DROPPED));
        assertEquals(2, uc15.emulator().recording().delivered().size());
    }

    @Test
    void aDroppedPdpContextIsActivatedAgainByTheNextSendAsACold() throws Exception {
        ModemMailer m = mailer();
        m.send(draft("cold", "a@example.com"));
        m.send(draft("warm", "a@example.com"));
        uc15.emulator().faults().dropPdp(1);
        int before = recorded();
        m.send(draft("after the drop", "a@example.com"));
        assertTrue(verbsSince(before).contains("AT+QIACT"), "the URC made it cold: " + verbsSince(before));
        assertTrue(uc15.emulator().isPdpActive(1));
        assertEquals(3, uc15.emulator().recording().delivered().size());
    }

    @Test
    void aRestartOrAFailureMakesTheNextSendCold() throws Exception {
        ModemMailer m = mailer();
        m.send(draft("cold", "a@example.com"));
        uc15.emulator().faults().resetModem();
        Await.until("the host read RDY", () -> m.session().restartCount() == 1);
        int before = recorded();
        m.send(draft("after restart", "a@example.com"));
        assertTrue(verbsSince(before).containsAll(List.of("AT+CPIN", "AT+QIACT", "AT+QSMTPCFG")),
                "after a restart: preflight, PDP and settings: " + verbsSince(before));
        uc15.emulator().faults().forcePutResult(654, 0);
        assertThrows(SmtpServiceException.class, () -> m.send(draft("refused", "a@example.com")));
        assertTrue(uc15.emulator().isContentEmpty(), "the failed send cleared the content");
        before = recorded();
        m.send(draft("after failure", "a@example.com"));
        assertTrue(verbsSince(before).containsAll(List.of("AT+CPIN", "AT+QIACT")), "after a failure: "
                + verbsSince(before));
    }

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
