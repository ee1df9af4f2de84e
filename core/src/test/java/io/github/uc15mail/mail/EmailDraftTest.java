package io.github.uc15mail.mail;

import io.github.uc15mail.mail.EmailDraft.MailCharset;
import io.github.uc15mail.error.InvalidDraftException.DraftViolation;
import io.github.uc15mail.error.InvalidDraftException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailDraftTest {

    @Test
    void validateReportsEveryViolationAtOnce() {
        EmailDraft.Builder b = EmailDraft.builder()
                .to("x".repeat(45) + "@example.com", "not-an-address")
                .cc("dup@example.com").bcc("DUP@example.com")
                .subject("line\nbreak")
                .body("y".repeat(10_241))
                .attach(Attachment.ofBytes("n".repeat(47), new byte[1]))
                .attach(Attachment.ofBytes("a.txt", new byte[0]));
        List<DraftViolation> v = b.validate();
        List<String> fields = v.stream().map(DraftViolation::field).toList();
        assertEquals(List.of("to[0]", "to[1]", "bcc[0]", "subject", "body", "attachment[0].name", "attachment[1].length"),
                fields, v.toString());
        assertEquals("to[0]: must be at most 50 bytes, was 57 bytes: \"" + "x".repeat(45) + "@example.com\"",
                v.get(0).message());
        InvalidDraftException e = assertThrows(InvalidDraftException.class, b::build);
        assertEquals(v, e.violations());
    }

    @Test
    void asciiWhenTheTextAllowsElseUtf8() {
        EmailDraft ascii = EmailDraft.builder().to("a@b.co").subject("Alarm").body("plain").build();
        assertEquals(MailCharset.ASCII, ascii.subjectCharset());
        assertEquals(MailCharset.ASCII, ascii.bodyCharset());
        EmailDraft utf8 = EmailDraft.builder().to("a@b.co").subject("Größe").body("Größe").build();
        assertEquals(MailCharset.UTF_8, utf8.subjectCharset());
        assertEquals(MailCharset.UTF_8, utf8.bodyCharset());
        assertArrayEquals("Größe".getBytes(StandardCharsets.UTF_8), utf8.bodyBytes());
    }

    @Test
    void aSubjectWithAQuoteTravelsAsUtf8Hex() {
        EmailDraft d = EmailDraft.builder().to("a@b.co").subject("say \"hi\"").build();
        assertEquals(MailCharset.UTF_8, d.subjectCharset());
        assertArrayEquals("say \"hi\"".getBytes(StandardCharsets.UTF_8), d.subjectBytes());
    }

    @Test
    void idnDomainsBecomeAscii() {
        EmailDraft d = EmailDraft.builder().to("info@bücher.example").build();
        assertEquals("info@xn--bcher-kva.example", d.recipients().get(0).address());
        assertFalse(EmailDraft.builder().to("jörg@example.com").validate().isEmpty(), "non-ASCII local part refused");
    }

    @Test
    void bodyLimitIsInEncodedBytesAndOverflowCanTravelAsAttachment() {
        String text = "é".repeat(5121); // 10242 bytes in UTF-8, only 5121 characters
        InvalidDraftException e = assertThrows(InvalidDraftException.class,
                () -> EmailDraft.builder().to("a@b.co").body(text).build());
        assertTrue(e.getMessage().contains("at most 10240 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("10242 bytes"), e.getMessage());
        EmailDraft d = EmailDraft.builder().to("a@b.co").body(text).bodyOverflowAsAttachment(true).build();
        assertEquals("body.txt", d.attachments().get(0).name());
        assertEquals(10242, d.attachments().get(0).length());
        assertTrue(d.bodyBytes().length < 200);
    }

    @Test
    void charsetsThatCannotCarryTheTextAreRefused() {
        List<DraftViolation> v = EmailDraft.builder().to("a@b.co").body("Größe").charset(MailCharset.ASCII).validate();
        assertEquals(1, v.size());
        assertEquals("body: must be encodable in ASCII, was U+00F6 at position 2", v.get(0).message());
        assertTrue(EmailDraft.builder().to("a@b.co").subject("测试").charset(MailCharset.GB2312).validate().isEmpty());
    }

    @Test
    void recipientLimitsAndAttachmentLimits() {
        assertEquals("recipients: must be at least 1 (to, cc or bcc), was 0",
                EmailDraft.builder().validate().get(0).message());
        EmailDraft.Builder b = EmailDraft.builder().to("a@b.co");
        for (int i = 0; i < 11; i++) {
            b.attach(Attachment.ofBytes("f" + i, new byte[1]));
        }
        assertEquals("attachments: must be at most 10, was 11", b.validate().get(0).message());
        assertFalse(EmailDraft.builder().to("a@b.co").attach(Attachment.ofBytes("x.txt", new byte[1]))
                .attach(Attachment.ofBytes("X.TXT", new byte[1])).validate().isEmpty(), "names must be unique");
        assertTrue(EmailDraft.builder().to("a@b.co").attach(Attachment.ofBytes("n".repeat(46), new byte[1]))
                .validate().isEmpty(), "46 bytes is the limit");
    }

    @Test
    void bodyLineEndsGoOutAsCrlf() {
        EmailDraft d = EmailDraft.builder().to("a@b.co").body("one\ntwo\rthree\r\nfour").build();
        assertArrayEquals("one\r\ntwo\r\nthree\r\nfour".getBytes(StandardCharsets.US_ASCII), d.bodyBytes());
        assertEquals("one\ntwo\rthree\r\nfour", d.body());
    }
}
