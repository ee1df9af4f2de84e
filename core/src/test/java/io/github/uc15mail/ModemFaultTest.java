package io.github.uc15mail;

import io.github.uc15mail.error.CommandTimeoutException;
import io.github.uc15mail.error.ModemNotReadyException;
import io.github.uc15mail.error.SmtpServiceException;
import io.github.uc15mail.error.TransportClosedException;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.mail.ModemStatus;
import io.github.uc15mail.mail.RetryPolicy;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.module.ModuleProfile.UnsupportedModuleException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.module.ModuleIdentity.ModuleFamily;
import io.github.uc15mail.module.ModuleProfile;
import io.github.uc15mail.testkit.InMemoryTransport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which failures are retryable and which are the modem's fault, against a scripted modem. */
class ModemFaultTest {

    private static SmtpConfig config() {
        return SmtpConfig.builder().server("127.0.0.1", 25).sender("", "unit7@example.com").build();
    }

    private static String replies(String line, String cgreg) {
        return switch (line) {
            case "AT+CPIN?" -> "+CPIN: READY\nOK";
            case "AT+CGREG?" -> "+CGREG: " + cgreg + "\nOK";
            case "AT+CSQ" -> "+CSQ: 7,99\nOK";
            case "AT+QIACT?" -> "+QIACT: 1,1,1,\"10.0.0.2\"\nOK";
            case "ATI" -> "Quectel\nUC15\nRevision: UC15TEST\nOK";
            // the UC15 manual's answer (section 2.1)
            case "AT+QSMTPCFG=?" -> String.join("\n", "+QSMTPCFG: \"account\",<username>,<password>",
                    "+QSMTPCFG: \"sender\",<sender_name>,<sender_email>", "+QSMTPCFG: \"smtpserver\",<srvaddr>,<srvport>",
                    "+QSMTPCFG: \"contextid\",(1-16)", "+QSMTPCFG: \"sslctxid\",(0-5)", "+QSMTPCFG: \"ssltype\",(0-2)", "OK");
            default -> "OK";
        };
    }

    @Test
    void aDeniedRegistrationIsNotRetried() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        ScriptedModem modem = new ScriptedModem(pair.modem(), line -> replies(line, "0,3"));
        try (ModemMailer mailer = ModemMailer.builder(Modem.open(pair.host()), config())
                .retryPolicy(RetryPolicy.attempts(3, Duration.ZERO)).ownsSession(true).build()) {
            ModemNotReadyException e = assertThrows(ModemNotReadyException.class, () -> mailer.send(
                    EmailDraft.builder().to("ops@example.com").subject("s").body("b").build()));
            assertEquals(ModemNotReadyException.Reason.NOT_REGISTERED, e.reason());
            assertFalse(e.isRetryable(), "waiting does not change a denial");
            assertTrue(e.isModemFault());
            assertEquals(1, modem.count("AT+CGREG?"), "asked once, not retried: " + modem.commands);
            assertEquals(1, mailer.modem().consecutiveFailures());
        }
    }

    @Test
    void statusReadsTheModemsHealth() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        new ScriptedModem(pair.modem(), line -> replies(line, "0,5"));
        try (Modem modem = Modem.open(pair.host())) {
            ModemStatus s = modem.status();
            assertTrue(s.responding());
            assertEquals("READY", s.sim());
            assertEquals(ModemStatus.RegistrationState.ROAMING, s.registration().state());
            assertEquals(-99, s.signal().dbm().getAsInt());
            assertTrue(s.signal().weak());
            assertTrue(s.isContextActive(1));
            assertEquals("10.0.0.2", s.activeContexts().get(0).address());
            assertEquals("UC15", s.model().orElseThrow());
            assertEquals("UC15TEST", s.revision().orElseThrow());
            assertTrue(s.readyToSend());
            assertEquals(0, s.consecutiveFailures());
            assertTrue(s.problems().isEmpty(), s.problems().toString());
            ModuleProfile profile = s.profile().orElseThrow();
            assertEquals(ModuleFamily.UC15, profile.family());
            assertEquals(profile, modem.profile().orElseThrow(), "kept in the modem's state");
        }
    }

    @Test
    void theProfileIsReadOncePerModuleStart() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        ScriptedModem scripted = new ScriptedModem(pair.modem(), line -> replies(line, "0,1"));
        try (Modem modem = Modem.open(pair.host())) {
            assertTrue(modem.profile().isEmpty(), "nothing read yet");
            modem.status();
            modem.status();
            modem.identify(false);
            assertEquals(1, scripted.count("AT+QSMTPCFG=?"), scripted.commands.toString());
            assertEquals(0, scripted.count("AT+QSSLCFG=?"), "SSL options only when SSL is wanted");
        }
    }

    @Test
    void statusOfAModuleWithoutSmtpNamesTheRefusal() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        new ScriptedModem(pair.modem(), line -> switch (line) {
            case "ATI" -> "Quectel\nBG95-M3\nRevision: BG95M3LAR02A03\nOK";
            case "AT+QSMTPCFG=?" -> "ERROR";
            default -> replies(line, "0,1");
        });
        try (Modem modem = Modem.open(pair.host())) {
            ModemStatus s = modem.status();
            assertTrue(s.profile().isEmpty());
            assertEquals("BG95-M3", s.model().orElseThrow());
            assertEquals(List.of("BG95-M3 (revision BG95M3LAR02A03) has no SMTP service of the AT+QSMTP kind (it answered"
                    + " ERROR to AT+QSMTPCFG=?); uc15mail needs " + UnsupportedModuleException.SUPPORTED_MODULES + "."),
                    s.problems());
            assertThrows(UnsupportedModuleException.class, () -> modem.identify(false));
        }
    }

    @Test
    void statusNamesAQueryTheModemRefused() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        new ScriptedModem(pair.modem(), line -> line.equals("AT+CSQ") ? "+CME ERROR: 100" : replies(line, "0,1"));
        try (Modem modem = Modem.open(pair.host())) {
            ModemStatus s = modem.status();
            assertEquals(ModemStatus.Signal.UNKNOWN, s.signal());
            assertEquals(1, s.problems().size());
            assertTrue(s.problems().get(0).startsWith("AT+CSQ: "), s.problems().toString());
            assertEquals(ModemStatus.RegistrationState.HOME, s.registration().state());
        }
    }

    @Test
    void modemFaultsAndMessageFaults() {
        assertFalse(SmtpServiceException.of("AT+QSMTPPUT", 654, 0).isModemFault(), "network beyond the modem");
        assertFalse(SmtpServiceException.of("AT+QSMTPPUT", 658, 0).isModemFault(), "the server's timeout");
        assertTrue(SmtpServiceException.of("AT+QSMTPPUT", 657, 0).isModemFault(), "PDP context deactivated");
        assertTrue(SmtpServiceException.of("AT+QSMTPCLR", 652, 0).isModemFault(), "busy");
        assertFalse(SmtpServiceException.of("AT+QSMTPPUT", 678, 550).isModemFault(), "recipient refused");
        assertFalse(SmtpServiceException.of("AT+QSMTPPUT", 677, 535).isModemFault(), "authentication");
        assertTrue(new CommandTimeoutException("AT", Duration.ofSeconds(1)).isModemFault());
        assertTrue(new TransportClosedException("gone", null).isModemFault());
        assertFalse(new TransportClosedException("gone", null).isRetryable());
        assertFalse(new Uc15Exception("other").isModemFault());
    }

    @Test
    void statusOfAModemThatDoesNotAnswerAsksNothingElse() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        ScriptedModem silent = new ScriptedModem(pair.modem(), line -> line.equals("AT") ? "ERROR" : "OK");
        try (Modem modem = Modem.open(pair.host())) {
            ModemStatus s = modem.status();
            assertFalse(s.responding());
            assertFalse(s.readyToSend());
            assertEquals(List.of("AT"), silent.commands, "nothing asked after AT failed");
            assertEquals(1, s.problems().size(), s.problems().toString());
        }
    }
}
