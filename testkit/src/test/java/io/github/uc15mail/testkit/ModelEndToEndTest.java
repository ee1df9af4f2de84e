package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.Attachment;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.Modem;
import io.github.uc15mail.error.ModemErrorException;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.mail.Security;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.module.ModuleProfile.UnsupportedModuleException;
import io.github.uc15mail.module.ModuleProfile;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SDK's end-to-end send (mailer, modem, session, decoder) against every model the emulator plays with the
 * SMTP service, plain, over implicit TLS and over STARTTLS, each with one attachment; and the refusal of the
 * models without it before anything is configured.
 */
class ModelEndToEndTest {

    static Stream<Arguments> smtpModelsAndSecurity() {
        return Stream.of(Model.values()).filter(Model::hasSmtp)
                .flatMap(m -> Stream.of(Security.NONE, Security.SSL, Security.STARTTLS).map(s -> Arguments.of(m, s)));
    }

    private static SubethaServer server(Security security) {
        return switch (security) {
            case NONE -> SubethaServer.plain(0, 0);
            case SSL -> SubethaServer.implicitTls(TestCerts.get("a").serverContext());
            case STARTTLS -> SubethaServer.startTls(TestCerts.get("a").serverContext());
        };
    }

    private static List<String> lines(Uc15Emulator emu) {
        return emu.commands().stream().map(RecordedCommand::line).toList();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("smtpModelsAndSecurity")
    void sendsWithOneAttachmentAndIdentifiesTheModuleOnce(Model model, Security security) throws Exception {
        byte[] blob = ModemMailerEndToEndTest.binary(3000, model.ordinal());
        try (SubethaServer server = server(security);
                Uc15Emulator emu = Uc15Emulator.builder().model(model).build();
                ModemMailer mailer = ModemMailer.open(emu.connect(), SmtpConfig.builder()
                        .server("127.0.0.1", server.port()).security(security)
                        .sender("Field Unit 7", "unit7@example.com").build())) {
            for (int i = 1; i <= 2; i++) {
                mailer.send(EmailDraft.builder().to("ops@example.com").subject(model + " " + security + " #" + i)
                        .body("reading " + i).attach(Attachment.ofBytes("log.bin", blob)).build());
            }
            assertEquals(2, server.received.size());
            MimeMessage msg = server.received.get(1).parse();
            assertEquals(model + " " + security + " #2", msg.getSubject());
            assertArrayEquals(blob, ModemMailerEndToEndTest.content(((Multipart) msg.getContent()).getBodyPart(1)));
            assertEquals(security.sslType(), emu.awaitSentEmail().sslType());

            List<String> asked = lines(emu);
            assertEquals(1, asked.stream().filter("AT+QSMTPCFG=?"::equals).count(), "probed once: " + asked);
            assertEquals(security == Security.NONE ? 0 : 1, asked.stream().filter("AT+QSSLCFG=?"::equals).count(),
                    "SSL options asked only for SSL: " + asked);
            assertTrue(asked.indexOf("AT+QSMTPCFG=?") < firstConfiguration(asked), "probed before configuring: " + asked);

            ModuleProfile profile = mailer.modem().profile().orElseThrow();
            assertEquals(model.atiModel(), profile.identity().model());
            assertEquals(model.revision(), profile.identity().revision());
            assertEquals(model.hasBodyOriginal(), profile.hasBodyOriginal());
            assertEquals(security != Security.NONE, profile.ssl().isPresent());
            assertTrue(emu.ramFiles().isEmpty(), "RAM files left: " + emu.ramFiles().keySet());
            assertTrue(emu.isContentEmpty());
        }
    }

    private static int firstConfiguration(List<String> asked) {
        for (int i = 0; i < asked.size(); i++) {
            String l = asked.get(i);
            if (l.startsWith("AT+QSMTPCFG=\"") || l.startsWith("AT+QSSLCFG=\"") || l.startsWith("AT+QICSGP")) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    @ParameterizedTest
    @EnumSource(value = Model.class, names = {"BG95", "BG96"})
    void aModelWithoutSmtpIsRefusedBeforeAnythingIsConfigured(Model model) throws Exception {
        try (SubethaServer server = SubethaServer.plain(0, 0);
                Uc15Emulator emu = Uc15Emulator.builder().model(model).build();
                ModemMailer mailer = ModemMailer.open(emu.connect(), SmtpConfig.builder()
                        .server("127.0.0.1", server.port()).security(Security.SSL).apn(io.github.uc15mail.mail.Apn.of("internet"))
                        .sender("", "unit7@example.com").build())) {
            UnsupportedModuleException e = assertThrows(UnsupportedModuleException.class, () -> mailer.send(
                    EmailDraft.builder().to("ops@example.com").subject("s").body("b")
                            .attach(Attachment.ofBytes("a.txt", new byte[] {1})).build()));
            assertEquals(model.atiModel() + " (revision " + model.revision() + ") has no SMTP service of the AT+QSMTP"
                    + " kind (it answered ERROR to AT+QSMTPCFG=?); uc15mail needs " + UnsupportedModuleException.SUPPORTED_MODULES
                    + ".", e.getMessage());
            assertEquals(UnsupportedModuleException.Reason.NO_SMTP_SERVICE, e.reason());
            assertInstanceOf(ModemErrorException.class, e.getCause());
            assertFalse(e.isRetryable());
            List<String> asked = lines(emu);
            assertTrue(asked.contains("AT+QSMTPCFG=?"), asked.toString());
            assertTrue(asked.stream().noneMatch(l -> l.startsWith("AT+QSMTPCFG=\"") || l.startsWith("AT+QSSLCFG")
                    || l.startsWith("AT+QICSGP") || l.startsWith("AT+QIACT=") || l.startsWith("AT+QFUPL")
                    || l.startsWith("AT+QSMTPDST") || l.startsWith("AT+QSMTPCLR")), "nothing configured: " + asked);
            assertTrue(server.received.isEmpty());
            assertTrue(mailer.modem().profile().isEmpty());
            assertTrue(mailer.modem().status().problems().contains(e.getMessage()));
        }
    }
}
