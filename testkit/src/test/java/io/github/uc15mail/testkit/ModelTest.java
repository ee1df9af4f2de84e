package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.mail.Security;
import io.github.uc15mail.mail.SmtpConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each emulated model answers with its own identity and service set. */
class ModelTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    static List<String> info(List<String> reply) {
        List<String> l = new ArrayList<>(reply);
        l.remove(l.size() - 1); // OK
        return l;
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void identityAnswers(Model model) {
        try (Uc15Emulator emu = Uc15Emulator.builder().model(model).build(); RawAtClient at = RawAtClient.connect(emu)) {
            new Modem(at);
            List<String> ati = at.command("ATI");
            assertEquals("Quectel", ati.get(0));
            assertEquals(model.atiModel(), ati.get(1), "ATI line 2 is the model");
            assertEquals("Revision: " + model.revision(), ati.get(2));
            assertEquals(List.of(model.atiModel(), "OK"), at.command("AT+CGMM"));
            assertEquals(List.of(model.revision(), "OK"), at.command("AT+CGMR"));
            List<String> ssl = at.command("AT+QSSLCFG=?");
            assertEquals("OK", Modem.last(ssl));
            assertEquals(model.sslCfgTestLines(), info(ssl));
            List<String> smtp = at.command("AT+QSMTPCFG=?");
            if (model.hasSmtp()) {
                assertEquals("OK", Modem.last(smtp));
                List<String> lines = info(smtp);
                assertEquals("+QSMTPCFG: \"account\",<username>,<password>", lines.get(0));
                assertEquals(model == Model.EG25, lines.contains("+QSMTPCFG: \"bodyoriginal\",(0,1)"),
                        "bodyoriginal only where the reference saw it");
            } else {
                assertEquals(List.of("ERROR"), smtp);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Model.class, names = {"BG95", "BG96"})
    void modulesWithoutSmtpAnswerErrorToEveryQsmtpCommand(Model model) {
        try (Uc15Emulator emu = Uc15Emulator.builder().model(model).build(); RawAtClient at = RawAtClient.connect(emu)) {
            Modem m = new Modem(at);
            for (String c : new String[] {"AT+QSMTPCFG=?", "AT+QSMTPCFG=\"smtpserver\",\"127.0.0.1\",25",
                "AT+QSMTPDST=1,1,\"a@example.com\"", "AT+QSMTPDST?", "AT+QSMTPSUB=0,\"x\"", "AT+QSMTPBODY=0,5,10",
                "AT+QSMTPATT=0", "AT+QSMTPCLR", "AT+QSMTPPUT=60"}) {
                assertEquals("ERROR", m.result(c), c);
            }
            assertEquals("OK", m.result("AT+QFLDS=\"RAM\""), "the file service is there");
        }
    }

    @Test
    void bodyOriginalIsASettingOnlyOnEg25() {
        try (Uc15Emulator emu = Uc15Emulator.builder().model(Model.EG25).build(); RawAtClient at = RawAtClient.connect(emu)) {
            Modem m = new Modem(at);
            m.ok("AT+QSMTPCFG=\"bodyoriginal\",1");
            assertEquals(List.of("+QSMTPCFG: \"bodyoriginal\",1", "OK"), at.command("AT+QSMTPCFG=\"bodyoriginal\""));
        }
        try (RawAtClient at = RawAtClient.connect(uc15.emulator())) {
            assertEquals("+CME ERROR: 664", new Modem(at).result("AT+QSMTPCFG=\"bodyoriginal\",1"));
        }
    }

    @Test
    void defaultModelIsUc15AndNamesParse() {
        assertEquals(Model.UC15, uc15.emulator().model());
        assertEquals(Uc15Emulator.MANUFACTURER_INFO, Model.UC15.manufacturerInfo());
        assertEquals(Model.BG95, Model.parse("bg95-m3"));
        assertEquals(Model.EG25, Model.parse("eg25"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Model.parse("M95"));
        assertTrue(e.getMessage().contains("EC25"), e.getMessage());
        assertFalse(Model.BG95.hasSmtp());
    }

    @ParameterizedTest
    @EnumSource(value = Model.class, names = {"UC15", "EC25", "EG25"})
    void theSdkSendsThroughEverySmtpModel(Model model) throws Exception {
        try (Uc15Emulator emu = Uc15Emulator.builder().model(model).build()) {
            SmtpConfig config = SmtpConfig.builder().server("127.0.0.1", uc15.smtpPort()).security(Security.NONE)
                    .sender("Unit 7", "unit7@example.com").build();
            try (ModemMailer mailer = ModemMailer.open(emu.connect(), config)) {
                mailer.send(EmailDraft.builder().to("ops@example.com").subject("via " + model).body("hi").build());
            }
            assertEquals("via " + model, uc15.receivedMessages()[0].getSubject());
        }
    }
}
