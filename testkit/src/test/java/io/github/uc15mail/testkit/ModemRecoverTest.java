package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.transport.Transport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link io.github.uc15mail.Modem#recover()} after a host crashed in the middle of a send. */
class ModemRecoverTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    /** What a host that died mid-send leaves: content, a marked file, a foreign file, an upload in data mode. */
    private void crash() throws Exception {
        try (RawAtClient raw = RawAtClient.connect(uc15.emulator())) {
            Modem m = new Modem(raw);
            m.ok("AT+QSMTPDST=1,1,\"ops@example.com\"");
            m.ok("AT+QSMTPSUB=0,\"half composed\"");
            upload(raw, "RAM:uc15mail-own-report.csv", "uc15mail");
            upload(raw, "RAM:report.csv", "t,p\n1,2\n");
            upload(raw, "RAM:theirs.txt", "not ours");
            assertEquals("CONNECT", Modem.last(raw.command("AT+QFUPL=\"RAM:uc15mail-own-half.bin\",100,60,0")));
            raw.write("only part of it".getBytes(StandardCharsets.US_ASCII));
        }
        assertTrue(uc15.emulator().isInDataMode(), "the dead host left an upload open");
        assertFalse(uc15.emulator().isContentEmpty());
    }

    private static void upload(RawAtClient raw, String file, String content) {
        assertEquals("CONNECT", Modem.last(raw.command("AT+QFUPL=\"" + file + "\"," + content.length() + ",60,0")));
        raw.write(content.getBytes(StandardCharsets.US_ASCII));
        assertEquals("OK", Modem.last(raw.readResponse(RawAtClient.TIMEOUT)));
    }

    @Test
    void recoverEndsDataModeClearsTheContentAndDeletesOnlyOurFiles() throws Exception {
        crash();
        Transport link = uc15.emulator().connect();
        try (io.github.uc15mail.Modem modem = io.github.uc15mail.Modem.open(link)) {
            List<String> deleted = modem.recover();
            assertTrue(deleted.containsAll(List.of("RAM:report.csv", "RAM:uc15mail-own-report.csv")), deleted.toString());
            assertFalse(uc15.emulator().isInDataMode());
            assertTrue(uc15.emulator().isContentEmpty());
            assertFalse(uc15.emulator().isSendInProgress());
            assertEquals(Set.of("RAM:theirs.txt"), uc15.emulator().ramFiles().keySet(), "only our files deleted");

            SmtpConfig config = SmtpConfig.builder().server("127.0.0.1", uc15.smtpPort())
                    .sender("", "unit7@example.com").build();
            try (ModemMailer mailer = ModemMailer.create(modem, config)) {
                mailer.send(EmailDraft.builder().to("ops@example.com").subject("after recovery").body("b").build());
            }
        }
        assertEquals(1, uc15.receivedMessages().length);
        assertEquals("after recovery", uc15.receivedMessages()[0].getSubject());
    }
}
