package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The emulator against real SMTP servers: the delivered message is parsed and compared field by field. */
class SmtpDeliveryTest {

    static final String USER = "modem@example.com";
    static final String PASSWORD = "s3cret";

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpsServer().withUser(USER, PASSWORD);

    static byte[] binary(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Composes the same rich email every time: To, Cc, Bcc, UTF-8 subject and body, two attachments. */
    static void compose(Modem m) {
        m.to(1, "alice@example.com").to(1, "bob@example.com").to(2, "carol@example.com").to(3, "dave@example.com");
        m.subjectUtf8("Grüße from the modem ✓");
        m.body(1, "Hello Alice,\r\nÜmlauts and ✓ survive.\r\n".getBytes(StandardCharsets.UTF_8));
        m.upload("RAM:data.bin", binary(3000, 1)).attach(1, "RAM:data.bin");
        m.upload("RAM:note.txt", "plain text attachment\n".getBytes(StandardCharsets.US_ASCII)).attach(2, "RAM:note.txt");
    }

    static void assertComposed(MimeMessage msg) throws Exception {
        InternetAddress from = (InternetAddress) msg.getFrom()[0];
        assertEquals("sender@example.com", from.getAddress());
        assertEquals("Modem Sender", from.getPersonal());
        assertEquals(List.of("alice@example.com", "bob@example.com"), addresses(msg.getRecipients(Message.RecipientType.TO)));
        assertEquals(List.of("carol@example.com"), addresses(msg.getRecipients(Message.RecipientType.CC)));
        assertNull(msg.getHeader("Bcc"));
        assertEquals("Grüße from the modem ✓", msg.getSubject());
        Multipart mp = (Multipart) msg.getContent();
        assertEquals(3, mp.getCount());
        Part text = mp.getBodyPart(0);
        assertTrue(text.isMimeType("text/plain"));
        assertTrue(text.getContentType().toLowerCase().contains("utf-8"), text.getContentType());
        assertEquals("Hello Alice,\r\nÜmlauts and ✓ survive.\r\n", ((String) text.getContent()).replace("\r\n", "\n").replace("\n", "\r\n"));
        Map<String, byte[]> atts = new LinkedHashMap<>();
        for (int i = 1; i < mp.getCount(); i++) {
            Part p = mp.getBodyPart(i);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            p.getDataHandler().writeTo(out);
            atts.put(p.getFileName(), out.toByteArray());
        }
        assertEquals(List.of("data.bin", "note.txt"), List.copyOf(atts.keySet()));
        assertArrayEquals(binary(3000, 1), atts.get("data.bin"));
        assertArrayEquals("plain text attachment\n".getBytes(StandardCharsets.US_ASCII), atts.get("note.txt"));
    }

    static List<String> addresses(Address[] a) {
        return Arrays.stream(a).map(x -> ((InternetAddress) x).getAddress()).toList();
    }

    @Test
    void plainSmtpWithAuthDeliversEveryField() throws Exception {
        try (RawAtClient at = RawAtClient.connect(uc15.emulator())) {
            Modem m = new Modem(at).server(uc15.smtpHost(), uc15.smtpPort(), 0, USER, PASSWORD);
            compose(m);
            assertEquals("+QSMTPPUT: 0,0", m.put());
        }
        MimeMessage[] got = uc15.receivedMessages();
        assertEquals(4, got.length, "one copy per envelope recipient, Bcc included");
        assertComposed(got[0]);
        SentEmail sent = uc15.emulator().awaitSentEmail();
        assertEquals(List.of("dave@example.com"), sent.bcc());
        assertEquals("Grüße from the modem ✓", sent.subject());
        assertEquals(USER, sent.accountUser());
        assertEquals(Map.of("data.bin", 3000, "note.txt", 22),
                Map.of("data.bin", sent.attachments().get("data.bin").length, "note.txt", sent.attachments().get("note.txt").length));
        assertEquals(0, sent.err());
        assertFalse(sent.forced());
    }

    @Test
    void implicitTlsWithAuth() throws Exception {
        try (RawAtClient at = RawAtClient.connect(uc15.emulator())) {
            Modem m = new Modem(at).server(uc15.smtpHost(), uc15.smtpsPort(), 1, USER, PASSWORD);
            m.ok("AT+QSMTPCFG=\"sslctxid\",1");
            m.ok("AT+QSSLCFG=\"seclevel\",1,0");
            m.ok("AT+QSSLCFG=\"sslversion\",1,4");
            compose(m);
            assertEquals("+QSMTPPUT: 0,0", m.put());
        }
        assertComposed(uc15.receivedMessages()[0]);
    }

    @Test
    void startTlsWithSubetha() throws Exception {
        try (SubethaServer server = SubethaServer.startTls(TestCerts.get("a").serverContext());
                RawAtClient at = RawAtClient.connect(uc15.emulator())) {
            Modem m = new Modem(at).server("127.0.0.1", server.port(), 2, "", "");
            compose(m);
            assertEquals("+QSMTPPUT: 0,0", m.put());
            assertEquals(1, server.received.size());
            SubethaServer.Received r = server.received.get(0);
            assertEquals("sender@example.com", r.from());
            assertEquals(List.of("alice@example.com", "bob@example.com", "carol@example.com", "dave@example.com"), r.recipients());
            assertComposed(r.parse());
        }
    }

    @Test
    void startTlsRequiredButNotOfferedFailsWith665() {
        try (SubethaServer server = SubethaServer.plain(0, 0); RawAtClient at = RawAtClient.connect(uc15.emulator())) {
            Modem m = new Modem(at).server("127.0.0.1", server.port(), 2, "", "");
            m.to(1, "alice@example.com");
            assertEquals("+QSMTPPUT: 665,0", m.put());
            assertTrue(server.received.isEmpty());
        }
    }

    @Test
    void authenticationFailureIs677_535() {
        try (RawAtClient at = RawAtClient.connect(uc15.emulator())) {
            Modem m = new Modem(at).server(uc15.smtpHost(), uc15.smtpPort(), 0, USER, "wrong");
            m.to(1, "alice@example.com");
            assertEquals("+QSMTPPUT: 677,535", m.put());
        }
        assertEquals(0, uc15.receivedMessages().length);
        SentEmail sent = uc15.emulator().awaitSentEmail();
        assertEquals(677, sent.err());
        assertEquals(535, sent.protocolError());
    }

    @Test
    void unknownHostIs653() {
        try (RawAtClient at = RawAtClient.connect(uc15.emulator())) {
            Modem m = new Modem(at).server("no-such-host.invalid", 25, 0, "", "");
            m.to(1, "alice@example.com");
            assertEquals("+QSMTPPUT: 653,0", m.put());
        }
    }

    @Test
    void connectionRefusedIs654() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (RawAtClient at = RawAtClient.connect(uc15.emulator())) {
            Modem m = new Modem(at).server("127.0.0.1", port, 0, "", "");
            m.to(1, "alice@example.com");
            assertEquals("+QSMTPPUT: 654,0", m.put());
        }
    }

    @Test
    void rejectedRecipientIs678_550() {
        try (SubethaServer server = SubethaServer.plain(550, 0); RawAtClient at = RawAtClient.connect(uc15.emulator())) {
            Modem m = new Modem(at).server("127.0.0.1", server.port(), 0, "", "");
            m.to(1, "reject-me@example.com");
            assertEquals("+QSMTPPUT: 678,550", m.put());
            assertTrue(server.received.isEmpty());
        }
    }

    @Test
    void storageExceededIs680_552() {
        try (SubethaServer server = SubethaServer.plain(0, 552); RawAtClient at = RawAtClient.connect(uc15.emulator())) {
            Modem m = new Modem(at).server("127.0.0.1", server.port(), 0, "", "");
            m.to(1, "alice@example.com");
            assertEquals("+QSMTPPUT: 680,552", m.put());
        }
    }

    @Test
    void gb2312AndBig5AreDecodedAndDeclared() throws Exception {
        Charset gb = Charset.forName("GB2312");
        Charset big5 = Charset.forName("Big5");
        try (RawAtClient at = RawAtClient.connect(uc15.emulator())) {
            Modem m = new Modem(at).server(uc15.smtpHost(), uc15.smtpPort(), 0, USER, PASSWORD);
            m.to(1, "alice@example.com");
            m.ok("AT+QSMTPSUB=2,\"" + java.util.HexFormat.of().formatHex("测试邮件".getBytes(gb)) + "\"");
            m.body(3, "這是正文".getBytes(big5));
            assertEquals("+QSMTPPUT: 0,0", m.put());
        }
        MimeMessage msg = uc15.receivedMessages()[0];
        assertEquals("测试邮件", msg.getSubject());
        assertTrue(msg.getHeader("Subject")[0].toUpperCase().contains("GB2312"), msg.getHeader("Subject")[0]);
        assertTrue(msg.getContentType().toLowerCase().contains("big5"), msg.getContentType());
        assertEquals("這是正文", msg.getContent());
    }
}
