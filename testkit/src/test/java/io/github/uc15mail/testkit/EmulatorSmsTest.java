package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.error.ModemErrorException.CmsErrorException;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.SendReceipt;
import io.github.uc15mail.SmsDraft;
import io.github.uc15mail.mail.SmsReceipt;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.at.TrafficListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SMS through the emulator: the SDK's encoder against the emulator's own reader, faults, and mail beside it. */
class EmulatorSmsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    @Test
    void a200CharacterTextArrivesAsTwoPartsAndReassembles() throws Exception {
        String text = "Pumpe 3 meldet Druckabfall im Kreis B; bitte Ventil V7 und Filter pruefen. ".repeat(3)
                .substring(0, 200);
        try (io.github.uc15mail.Modem modem = io.github.uc15mail.Modem.open(uc15.emulator().connect())) {
            SmsReceipt receipt = modem.sendSms(SmsDraft.of("+491701234567", text));
            assertEquals(2, receipt.parts());
        }
        SentSms sms = uc15.emulator().awaitSentSms(WAIT);
        assertNotNull(sms);
        assertEquals("+491701234567", sms.number());
        assertEquals(2, sms.parts());
        assertEquals(text, sms.text());
        assertFalse(sms.ucs2());
        // TPDU octets: 13 of header fields (12-digit number), then 6 of UDH + 134 of septets; 6 + 42 for the 47 left
        List<String> cmgs = uc15.emulator().commands().stream().map(RecordedCommand::line)
                .filter(l -> l.startsWith("AT+CMGS=")).toList();
        assertEquals(List.of("AT+CMGS=153", "AT+CMGS=61"), cmgs);
    }

    @Test
    void aTextOutsideTheGsmAlphabetArrivesIntactAsUcs2() throws Exception {
        String text = "Druck 2,1 bar \u2013 Pumpe 3 \u2713";
        try (io.github.uc15mail.Modem modem = io.github.uc15mail.Modem.open(uc15.emulator().connect())) {
            modem.sendSms(SmsDraft.of("+491701234567", text));
        }
        SentSms sms = uc15.emulator().awaitSentSms(WAIT);
        assertEquals(text, sms.text());
        assertTrue(sms.ucs2());
        assertEquals(1, sms.parts());
    }

    @Test
    void extensionCharactersSurviveAsTwoSeptets() throws Exception {
        String text = "Filter [A] {B} 5\u20AC ~ | ^ \\";
        try (io.github.uc15mail.Modem modem = io.github.uc15mail.Modem.open(uc15.emulator().connect())) {
            modem.sendSms(SmsDraft.of("+12025550123", text));
        }
        SentSms sms = uc15.emulator().awaitSentSms(WAIT);
        assertEquals(text, sms.text());
        assertFalse(sms.ucs2());
    }

    @Test
    void anInjectedCmsErrorIsTypedAndNothingIsRecordedAsSent() throws Exception {
        uc15.emulator().faults().cmsErrorOn(1, 305);
        try (io.github.uc15mail.Modem modem = io.github.uc15mail.Modem.open(uc15.emulator().connect())) {
            CmsErrorException e = assertThrows(CmsErrorException.class,
                    () -> modem.sendSms(SmsDraft.of("+491701234567", "alarm")));
            assertEquals(305, e.code());
            assertEquals(io.github.uc15mail.error.Fault.FaultKind.MESSAGE, e.kind());
            modem.sendSms(SmsDraft.of("+491701234567", "alarm again"));
        }
        assertEquals(1, uc15.emulator().faults().injected(FaultKind.CMS_ERROR));
        assertEquals("alarm again", uc15.emulator().awaitSentSms(WAIT).text());
        assertEquals(1, uc15.emulator().sentSms().size());
    }

    @Test
    void lostRegistrationAnswers331WhichIsRetryable() throws Exception {
        uc15.emulator().faults().noRegistration(Duration.ofMinutes(5));
        try (io.github.uc15mail.Modem modem = io.github.uc15mail.Modem.open(uc15.emulator().connect())) {
            CmsErrorException e = assertThrows(CmsErrorException.class,
                    () -> modem.sendSms(SmsDraft.of("+491701234567", "alarm")));
            assertEquals(331, e.code());
            assertEquals(io.github.uc15mail.error.Fault.FaultKind.NETWORK, e.kind());
            assertTrue(e.isRetryable());
            assertFalse(e.isModemFault(), "the network's trouble, not the modem's");
        }
        assertTrue(uc15.emulator().sentSms().isEmpty());
    }

    /**
     * An SMS asked for while a mail's {@code +QSMTPPUT:} result is pending waits for that result: the modem's lock
     * is held by the mail send until its result came and its content was cleared, so the {@code AT+CMGF=0} of the
     * SMS is written only after the {@code +QSMTPPUT:} URC was read. (See docs/sms.md for why.)
     */
    @Test
    void anSmsWaitsForAPendingQsmtpputResult() throws Exception {
        uc15.emulator().faults().putResultDelay(Duration.ofMillis(800));
        List<String> traffic = new CopyOnWriteArrayList<>();
        SmtpConfig config = SmtpConfig.builder().server("127.0.0.1", uc15.smtpPort())
                .sender("Pump", "pump@example.com").build();
        try (io.github.uc15mail.Modem modem = io.github.uc15mail.Modem.open(uc15.emulator().connect());
                ModemMailer mailer = ModemMailer.create(modem, config)) {
            modem.session().addTrafficListener(new TrafficListener() {
                @Override
                public void onCommand(String maskedLine) {
                    traffic.add("> " + maskedLine);
                }

                @Override
                public void onLine(String maskedLine) {
                    traffic.add("< " + maskedLine);
                }
            });
            CompletableFuture<SendReceipt> mail = mailer.sendAsync(
                    EmailDraft.builder().to("ops@example.com").subject("Alarm").body("pressure low").build());
            Waits.until(WAIT, () -> uc15.emulator().isSendInProgress());
            SmsReceipt sms = modem.sendSms(SmsDraft.of("+491701234567", "pressure low"));
            assertEquals(1, sms.parts());
            mail.get(30, TimeUnit.SECONDS);
        }
        int put = indexOf(traffic, "< +QSMTPPUT: 0");
        int cmgf = indexOf(traffic, "> AT+CMGF=0");
        assertTrue(put >= 0 && cmgf > put, "the SMS began only after the mail's result: " + traffic);
        assertEquals(1, uc15.emulator().sentEmails().size());
        assertEquals(1, uc15.emulator().sentSms().size());
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
