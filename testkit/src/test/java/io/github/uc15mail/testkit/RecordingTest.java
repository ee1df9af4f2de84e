package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.Attachment;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.mail.Security;
import io.github.uc15mail.mail.SmtpConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The recording: per send its content, result and own commands, so interleaving shows. */
class RecordingTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    @Test
    void eachSendCarriesItsContentResultAndOwnCommands() throws Exception {
        Uc15Emulator modem = uc15.emulator();
        SmtpConfig config = SmtpConfig.builder().server("127.0.0.1", uc15.smtpPort()).security(Security.NONE)
                .sender("Unit 7", "unit7@example.com").build();
        try (ModemMailer mailer = ModemMailer.open(modem.connect(), config)) {
            mailer.send(EmailDraft.builder().to("a@example.com").subject("first").body("one")
                    .attach(Attachment.ofBytes("r.csv", "t,p\n".getBytes(StandardCharsets.US_ASCII))).build());
            mailer.send(EmailDraft.builder().to("b@example.com").cc("c@example.com").subject("second").body("two")
                    .build());
        }
        Recording rec = modem.recording();
        assertEquals(2, rec.emails().size());
        SentEmail first = rec.emails().get(0);
        SentEmail second = rec.emails().get(1);
        assertEquals(List.of("a@example.com"), first.to());
        assertEquals("first", first.subject());
        assertEquals("one", first.body().trim());
        assertEquals(List.of("r.csv"), List.copyOf(first.attachments().keySet()));
        assertTrue(first.delivered());
        assertEquals(List.of("b@example.com"), second.to());
        assertEquals(List.of("c@example.com"), second.cc());
        assertTrue(second.delivered());

        for (SentEmail e : rec.emails()) {
            List<RecordedCommand> own = e.commands();
            assertTrue(own.get(own.size() - 1).line().startsWith("AT+QSMTPPUT="), "ends with its PUT: " + own);
            assertEquals(1, own.stream().filter(c -> c.line().startsWith("AT+QSMTPPUT=")).count());
        }
        assertTrue(Recording.contentCommands(first).stream().noneMatch(l -> l.contains("b@example.com")));
        assertTrue(Recording.contentCommands(second).stream().noneMatch(l -> l.contains("a@example.com")));
        assertTrue(Recording.contentCommands(second).stream().anyMatch(l -> l.contains("second")));
        int total = first.commands().size() + second.commands().size();
        assertTrue(total <= rec.commands().size(), "the sends' commands come from the modem's record");
        assertEquals(rec.commands().subList(0, first.commands().size()), first.commands(), "in order, from the start");
    }

    @Test
    void interleavedCommandsShowInTheRecording() {
        Uc15Emulator modem = uc15.emulator();
        try (RawAtClient at = RawAtClient.connect(modem)) {
            Modem m = new Modem(at).server("127.0.0.1", uc15.smtpPort(), 0, "", "");
            m.to(1, "mine@example.com");
            m.to(1, "theirs@example.com"); // another send's recipient got in between
            m.ok("AT+QSMTPSUB=0,\"mine\"");
            assertEquals("+QSMTPPUT: 0,0", m.put());
        }
        SentEmail e = modem.recording().emails().get(0);
        List<String> content = Recording.contentCommands(e);
        assertTrue(content.stream().anyMatch(l -> l.contains("theirs@example.com")), content.toString());
        assertEquals(List.of("mine@example.com", "theirs@example.com"), e.to());
        assertFalse(modem.recording().emails().isEmpty());
    }

    @Test
    void aFailedSendIsRecordedAsNotDelivered() {
        Uc15Emulator modem = uc15.emulator();
        try (RawAtClient at = RawAtClient.connect(modem)) {
            Modem m = new Modem(at).to(1, "a@example.com"); // no PDP context active
            assertEquals("+QSMTPPUT: 657,0", m.put());
        }
        SentEmail e = modem.recording().emails().get(0);
        assertFalse(e.delivered());
        assertEquals(657, e.err());
        assertEquals(0, uc15.receivedMessages().length);
    }
}
