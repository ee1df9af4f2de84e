package io.github.uc15mail.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.Attachment;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.mail.EmailDraft.RecipientType;
import io.github.uc15mail.error.InvalidDraftException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MimeConverterTest {

    private static final List<String> ENVELOPE = List.of("ann@example.com");

    record Case(String name, String mime, List<String> envelope, Consumer<ConvertedMail> check) {
        @Override
        public String toString() {
            return name;
        }
    }

    static String b64(String s, java.nio.charset.Charset cs) {
        return Base64.getMimeEncoder().encodeToString(s.getBytes(cs));
    }

    static String b64(byte[] b) {
        return Base64.getMimeEncoder().encodeToString(b);
    }

    static byte[] bytesOf(Attachment a) {
        try (InputStream in = a.payload().open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String textOf(Attachment a) {
        return new String(bytesOf(a), StandardCharsets.UTF_8);
    }

    static List<String> names(EmailDraft d) {
        return d.attachments().stream().map(Attachment::name).collect(Collectors.toList());
    }

    static String mime(String headers, String body) {
        return (headers + "\r\n\r\n" + body).replace("\r\n", "\n").replace("\n", "\r\n");
    }

    static Stream<Case> cases() {
        String latin1Body = "Gr\u00fc\u00dfe aus K\u00f6ln, caf\u00e9";
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        String bigBody = "line of text that repeats\n".repeat(600);
        StringBuilder many = new StringBuilder();
        for (int i = 1; i <= 11; i++) {
            many.append("--B\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"f")
                    .append(i).append(".bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\nAAEC\r\n");
        }
        return Stream.of(
                new Case("plain ASCII", mime("Subject: Hello\nTo: ann@example.com\nFrom: Bob <bob@example.com>",
                        "Hi Ann\nsee you"), ENVELOPE, c -> {
                            assertEquals("Hello", c.draft().subject());
                            assertEquals("Hi Ann\r\nsee you", c.draft().body().replace("\n", "\r\n").replace("\r\r", "\r"));
                            assertTrue(c.draft().attachments().isEmpty());
                            assertEquals(List.of(new EmailDraft.Recipient(RecipientType.TO, "ann@example.com")),
                                    c.draft().recipients());
                        }),
                new Case("ISO-8859-1 quoted-printable", mime("Subject: qp\nTo: ann@example.com\nMIME-Version: 1.0\n"
                        + "Content-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: quoted-printable",
                        "Gr=FC=DFe aus K=F6ln, caf=E9"), ENVELOPE,
                        c -> assertEquals(latin1Body, c.draft().body())),
                new Case("ISO-8859-1 8bit", "Subject: 8bit\r\nTo: ann@example.com\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                        + latin1Body, ENVELOPE, c -> assertEquals(latin1Body, c.draft().body())),
                new Case("UTF-8 base64", mime("Subject: b64\nTo: ann@example.com\nMIME-Version: 1.0\n"
                        + "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64",
                        b64("\u041f\u0440\u0438\u0432\u0435\u0442 \u4f60\u597d \ud83d\ude00", StandardCharsets.UTF_8)),
                        ENVELOPE, c -> {
                            assertEquals("\u041f\u0440\u0438\u0432\u0435\u0442 \u4f60\u597d \ud83d\ude00", c.draft().body());
                            assertEquals(io.github.uc15mail.mail.EmailDraft.MailCharset.UTF_8, c.draft().bodyCharset());
                        }),
                new Case("UTF-8 without charset label", "Subject: nolabel\r\nTo: ann@example.com\r\n\r\n"
                        + "na\u00efve", ENVELOPE, c -> assertEquals("na\u00efve", c.draft().body())),
                new Case("encoded subjects Q and B", mime("Subject: =?ISO-8859-1?Q?Gr=FC=DFe?= und "
                        + "=?UTF-8?B?" + b64("\u00e9t\u00e9 \u2600", StandardCharsets.UTF_8) + "?=\nTo: ann@example.com",
                        "x"), ENVELOPE, c -> assertEquals("Gr\u00fc\u00dfe und \u00e9t\u00e9 \u2600", c.draft().subject())),
                new Case("folded subject and tab", mime("Subject: part one\n\tpart\ttwo\nTo: ann@example.com", "x"),
                        ENVELOPE, c -> assertEquals("part one part two", c.draft().subject())),
                new Case("long subject shortened, whole subject in body", mime("Subject: " + "word ".repeat(40)
                        + "\nTo: ann@example.com", "the body"), ENVELOPE, c -> {
                            assertTrue(c.draft().subject().endsWith("..."));
                            assertTrue(c.draft().subject().length() <= 100);
                            assertTrue(c.draft().body().startsWith("Subject: " + ("word ".repeat(40)).strip() + "\n\n"));
                            assertTrue(c.draft().body().endsWith("the body"));
                            assertEquals(1, c.notes().size());
                        }),
                new Case("multipart/alternative takes the text part", mime("Subject: alt\nTo: ann@example.com\n"
                        + "MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=\"A\"",
                        "--A\nContent-Type: text/plain; charset=utf-8\n\nplain version\n--A\n"
                                + "Content-Type: text/html; charset=utf-8\n\n<p>html <b>version</b></p>\n--A--\n"),
                        ENVELOPE, c -> {
                            assertEquals("plain version", c.draft().body().strip());
                            assertTrue(c.draft().attachments().isEmpty());
                        }),
                new Case("HTML only: text rendering plus message.html", mime("Subject: html\nTo: ann@example.com\n"
                        + "MIME-Version: 1.0\nContent-Type: text/html; charset=ISO-8859-1\n"
                        + "Content-Transfer-Encoding: quoted-printable",
                        "<html><head><style>p{color:red}</style></head><body><h1>Title</h1><p>Caf=E9 is open.<br>"
                                + "Come <a href=3D\"https://example.com/x\">here</a>.</p><ul><li>one</li><li>two</li>"
                                + "</ul><script>alert(1)</script></body></html>"), ENVELOPE, c -> {
                            String body = c.draft().body();
                            assertEquals("Title\n\nCaf\u00e9 is open.\nCome here <https://example.com/x>.\n\n- one\n- two",
                                    body);
                            assertEquals(List.of("message.html"), names(c.draft()));
                            String html = textOf(c.draft().attachments().get(0));
                            assertTrue(html.contains("Caf\u00e9 is open."), html);
                            assertTrue(html.toLowerCase().contains("charset=\"utf-8\"") || html.toLowerCase()
                                    .contains("charset=utf-8"), html);
                        }),
                new Case("alternative of text/html only inside mixed with attachment", mime("Subject: mixed\n"
                        + "To: ann@example.com\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=M",
                        "--M\nContent-Type: multipart/alternative; boundary=A\n\n--A\nContent-Type: text/html\n\n"
                                + "<div>only html</div>\n--A--\n--M\nContent-Type: image/png; name=logo.png\n"
                                + "Content-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=logo.png\n\n"
                                + b64(png) + "\n--M--\n"), ENVELOPE, c -> {
                            assertEquals("only html", c.draft().body());
                            assertEquals(List.of("logo.png", "message.html"), names(c.draft()));
                            assertArrayEquals(png, bytesOf(c.draft().attachments().get(0)));
                        }),
                new Case("mixed with attachments, odd names made safe and unique", mime("Subject: files\n"
                        + "To: ann@example.com\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=M",
                        "--M\nContent-Type: text/plain\n\nsee attached\n"
                                + "--M\nContent-Type: application/pdf\nContent-Disposition: attachment; "
                                + "filename=\"=?UTF-8?Q?R=C3=A9sum=C3=A9_2024.pdf?=\"\nContent-Transfer-Encoding: base64\n\n"
                                + b64("%PDF-1", StandardCharsets.US_ASCII) + "\n"
                                + "--M\nContent-Type: application/pdf\nContent-Disposition: attachment; "
                                + "filename*=UTF-8''r%C3%A9sum%C3%A9%202024.pdf\nContent-Transfer-Encoding: base64\n\n"
                                + b64("%PDF-2", StandardCharsets.US_ASCII) + "\n"
                                + "--M\nContent-Type: text/plain\nContent-Disposition: attachment; "
                                + "filename=\"C:\\\\Users\\\\x\\\\a:b*?.txt\"\n\nnotes\n"
                                + "--M\nContent-Type: application/octet-stream\nContent-Disposition: attachment; "
                                + "filename=\"" + "x".repeat(60) + ".tar.gz\"\n\ndata\n"
                                + "--M\nContent-Type: application/octet-stream\nContent-Disposition: attachment; "
                                + "filename=\"uc15mail-own-trick\"\n\ndata\n"
                                + "--M\nContent-Type: image/jpeg\nContent-Transfer-Encoding: base64\n\n"
                                + b64(png) + "\n--M--\n"), ENVELOPE, c -> {
                            assertEquals("see attached", c.draft().body().strip());
                            List<String> names = names(c.draft());
                            assertEquals("Resume_2024.pdf", names.get(0));
                            assertEquals("resume_2024-2.pdf", names.get(1));
                            assertEquals("a_b_.txt", names.get(2));
                            assertEquals(46, names.get(3).length());
                            assertTrue(names.get(3).endsWith(".gz"), names.get(3));
                            assertEquals("file-uc15mail-own-trick", names.get(4));
                            assertEquals("attachment-1.jpg", names.get(5));
                            assertEquals("%PDF-2", textOf(c.draft().attachments().get(1)));
                        }),
                new Case("nested multiparts: mixed > related > alternative", mime("Subject: nested\n"
                        + "To: ann@example.com\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=M",
                        "--M\nContent-Type: multipart/related; boundary=R\n\n--R\n"
                                + "Content-Type: multipart/alternative; boundary=A\n\n--A\nContent-Type: text/plain; "
                                + "charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nnested =E2=9C=93\n"
                                + "--A\nContent-Type: text/html\n\n<p>nested</p>\n--A--\n--R\nContent-Type: image/png\n"
                                + "Content-ID: <img1>\nContent-Transfer-Encoding: base64\n\n" + b64(png) + "\n--R--\n"
                                + "--M\nContent-Type: message/rfc822\n\nSubject: Forwarded one\nFrom: x@example.com\n\n"
                                + "inner body\n--M--\n"), ENVELOPE, c -> {
                            assertEquals("nested \u2713", c.draft().body().strip());
                            assertEquals(List.of("attachment-1.png", "Forwarded_one.eml"), names(c.draft()));
                            assertTrue(textOf(c.draft().attachments().get(1)).contains("inner body"));
                        }),
                new Case("inline text parts around an image are joined", mime("Subject: apple\nTo: ann@example.com\n"
                        + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=M",
                        "--M\nContent-Type: text/plain\n\nbefore\n--M\nContent-Type: image/png; name=p.png\n"
                                + "Content-Disposition: inline; filename=p.png\nContent-Transfer-Encoding: base64\n\n"
                                + b64(png) + "\n--M\nContent-Type: text/plain\n\nafter\n--M--\n"), ENVELOPE, c -> {
                            assertEquals("before\n\nafter", c.draft().body());
                            assertEquals(List.of("p.png"), names(c.draft()));
                        }),
                new Case("no body at all", mime("Subject: empty\nTo: ann@example.com", ""), ENVELOPE, c -> {
                    assertEquals("", c.draft().body());
                    assertEquals(0, c.draft().bodyBytes().length);
                }),
                new Case("only an attachment, no text", mime("Subject: pdf\nTo: ann@example.com\nMIME-Version: 1.0\n"
                        + "Content-Type: application/pdf; name=r.pdf\nContent-Transfer-Encoding: base64",
                        b64("%PDF", StandardCharsets.US_ASCII)), ENVELOPE, c -> {
                            assertEquals("", c.draft().body());
                            assertEquals(List.of("r.pdf"), names(c.draft()));
                        }),
                new Case("body over 10240 bytes goes as body.txt", mime("Subject: big\nTo: ann@example.com",
                        bigBody), ENVELOPE, c -> {
                            assertEquals(List.of("body.txt"), names(c.draft()));
                            assertTrue(c.draft().bodyBytes().length < 200);
                            assertEquals(bigBody.strip().replace("\n", "\r\n"),
                                    textOf(c.draft().attachments().get(0)).strip());
                        }),
                new Case("body.txt name stays unique", mime("Subject: big\nTo: ann@example.com\nMIME-Version: 1.0\n"
                        + "Content-Type: multipart/mixed; boundary=M", "--M\nContent-Type: text/plain\n\n" + bigBody
                        + "\n--M\nContent-Type: text/plain\nContent-Disposition: attachment; filename=BODY.txt\n\nmine\n"
                        + "--M--\n"), ENVELOPE, c -> assertEquals(List.of("BODY.txt", "body-2.txt"), names(c.draft()))),
                new Case("envelope typed by headers: To, Cc, else Bcc; duplicates once", mime(
                        "Subject: r\nTo: \"Ann\" <ANN@example.com>, dan@example.com\nCc: Cy <cy@example.com>",
                        "x"), List.of("ann@example.com", "cy@example.com", "hidden@example.com", "Ann@Example.com"),
                        c -> assertEquals(List.of(new EmailDraft.Recipient(RecipientType.TO, "ann@example.com"),
                                new EmailDraft.Recipient(RecipientType.CC, "cy@example.com"),
                                new EmailDraft.Recipient(RecipientType.BCC, "hidden@example.com")),
                                c.draft().recipients())),
                new Case("From display name kept, folded to ASCII", mime("Subject: n\nTo: ann@example.com\n"
                        + "From: =?UTF-8?Q?J=C3=BCrgen_=22Ops=22_M=C3=BCller?= <j@example.com>", "x"), ENVELOPE,
                        c -> assertEquals(Optional.of("Jurgen Ops Muller"), c.fromName())),
                new Case("unknown charset label read as UTF-8 or Latin-1", "Subject: x\r\nTo: ann@example.com\r\n"
                        + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=x-unknown-1\r\n\r\nd\u00e9j\u00e0",
                        ENVELOPE, c -> assertEquals("d\u00e9j\u00e0", c.draft().body())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void converts(Case c) throws Exception {
        boolean latin1 = c.name().contains("8bit") || c.name().contains("unknown charset");
        byte[] raw = c.mime().getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        ConvertedMail converted = MimeConverter.create(true, 1 << 20).convert(new ByteArrayInputStream(raw), c.envelope());
        c.check().accept(converted);
    }

    @Test
    void anEmptyAttachmentIsRefusedByNameNotLeftOut() {
        String m = "Subject: e\r\nTo: ann@example.com\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=M"
                + "\r\n\r\n--M\r\nContent-Type: text/plain\r\n\r\nbody\r\n--M\r\nContent-Type: text/plain\r\n"
                + "Content-Disposition: attachment; filename=empty.log\r\n\r\n\r\n--M--\r\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MimeConverter.create(false,
                1 << 20).convert(new ByteArrayInputStream(m.getBytes(StandardCharsets.US_ASCII)), ENVELOPE));
        assertTrue(e.getMessage().startsWith("attachment \"empty.log\": is empty"), e.getMessage());
    }

    @Test
    void elevenAttachmentsAreRefusedWithTheLimitNamed() {
        StringBuilder m = new StringBuilder("Subject: many\r\nTo: ann@example.com\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nhi\r\n");
        for (int i = 1; i <= 11; i++) {
            m.append("--B\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=f")
                    .append(i).append(".bin\r\nContent-Transfer-Encoding: base64\r\n\r\nAAEC\r\n");
        }
        m.append("--B--\r\n");
        InvalidDraftException e = assertThrows(InvalidDraftException.class, () -> MimeConverter.create(false, 1 << 20)
                .convert(new ByteArrayInputStream(m.toString().getBytes(StandardCharsets.US_ASCII)), ENVELOPE));
        assertEquals("attachments: must be at most 10, was 11", e.getMessage());
    }

    @Test
    void aFromNameWithNoAsciiFormIsRefusedNamingItAndLatinLettersFold() throws Exception {
        byte[] cjk = mime("Subject: n\nTo: ann@example.com\nFrom: =?UTF-8?B?5bGx55Sw5aSq6YOO?= <y@example.com>", "x")
                .getBytes(StandardCharsets.US_ASCII);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MimeConverter.create(true, 1 << 20).convert(new ByteArrayInputStream(cjk), ENVELOPE));
        assertEquals("From: the display name \"\u5c71\u7530\u592a\u90ce\" cannot be the modem's sender name (printable "
                + "ASCII, at most 50 bytes, as keep-from-name needs): U+5C71 at position 0 has no ASCII form",
                e.getMessage());
        assertFalse(MimeConverter.create(false, 1 << 20).convert(new ByteArrayInputStream(cjk), ENVELOPE).fromName()
                .isPresent(), "not read at all unless asked for");
        byte[] latin = mime("Subject: n\nTo: ann@example.com\nFrom: =?UTF-8?Q?S=C3=B8ren_=C3=86bel=C3=B8_Stra=C3=9Fe?= "
                + "<s@example.com>", "x").getBytes(StandardCharsets.US_ASCII);
        assertEquals(Optional.of("Soren AEbelo Strasse"), MimeConverter.create(true, 1 << 20)
                .convert(new ByteArrayInputStream(latin), ENVELOPE).fromName());
    }

    @Test
    void fromNameIsLeftOutUnlessAskedFor() throws Exception {
        byte[] raw = mime("Subject: n\nTo: ann@example.com\nFrom: Bob <bob@example.com>", "x")
                .getBytes(StandardCharsets.US_ASCII);
        assertFalse(MimeConverter.create(false, 1 << 20).convert(new ByteArrayInputStream(raw), ENVELOPE)
                .fromName().isPresent());
    }

    @Test
    void aPartOverTheLimitFailsTheConversion() {
        byte[] raw = mime("Subject: n\nTo: ann@example.com", "x".repeat(5000)).getBytes(StandardCharsets.US_ASCII);
        assertThrows(IOException.class,
                () -> MimeConverter.create(false, 1000).convert(new ByteArrayInputStream(raw), ENVELOPE));
    }
}
