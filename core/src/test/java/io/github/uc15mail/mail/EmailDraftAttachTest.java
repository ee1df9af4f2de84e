package io.github.uc15mail.mail;

import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.error.InvalidDraftException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code attach(Path)} and {@code attach(String, byte[])} overloads, and planning without a modem. */
class EmailDraftAttachTest {

    @TempDir
    Path tmp;

    @Test
    void attachAPathUnderItsFileName() throws Exception {
        Path csv = Files.writeString(tmp.resolve("readings.csv"), "t,c\n1,2\n");
        EmailDraft d = EmailDraft.builder().to("a@b.co").attach(csv).build();
        Attachment a = d.attachments().get(0);
        assertEquals("readings.csv", a.name());
        assertEquals(Files.size(csv), a.length());
        assertArrayEquals(Files.readAllBytes(csv), read(a));
    }

    @Test
    void attachBytesUnderAName() throws Exception {
        byte[] content = "hello".getBytes(StandardCharsets.US_ASCII);
        EmailDraft d = EmailDraft.builder().to("a@b.co").attach("note.txt", content).build();
        content[0] = 'J'; // copied when attached
        assertEquals("note.txt", d.attachments().get(0).name());
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), read(d.attachments().get(0)));
    }

    @Test
    void aDirectoryOrAMissingPathIsRefusedByBuild() {
        InvalidDraftException dir = assertThrows(InvalidDraftException.class,
                () -> EmailDraft.builder().to("a@b.co").attach(tmp).build());
        assertEquals("attachment[0]", dir.violations().get(0).field());
        assertTrue(dir.getMessage().contains("a directory"), dir.getMessage());
        InvalidDraftException missing = assertThrows(InvalidDraftException.class,
                () -> EmailDraft.builder().to("a@b.co").attach(tmp.resolve("absent.bin")).build());
        assertTrue(missing.getMessage().contains("absent.bin"), missing.getMessage());
    }

    @Test
    void planNeedsNoModem() {
        SmtpConfig config = SmtpConfig.builder().server("smtp.example.com", 25).sender("Unit 7", "u7@example.com")
                .build();
        EmailDraft d = EmailDraft.builder().to("a@b.co").subject("s").body("b").attach("x.bin", new byte[] {1, 2})
                .build();
        List<String> plan = ModemMailer.plan(config, d);
        assertTrue(plan.stream().anyMatch(l -> l.startsWith("AT+QFUPL=\"RAM:x.bin\",2")), plan.toString());
        assertTrue(plan.stream().anyMatch(l -> l.startsWith("AT+QSMTPPUT=")), plan.toString());
        assertEquals(io.github.uc15mail.internal.mail.Sends.plan(config, d), plan);
    }

    private static byte[] read(Attachment a) throws Exception {
        try (InputStream in = a.payload().open()) {
            return in.readAllBytes();
        }
    }
}
