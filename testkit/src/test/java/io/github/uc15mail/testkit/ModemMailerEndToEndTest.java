package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.Attachment;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.error.InvalidDraftException;
import io.github.uc15mail.mail.EmailDraft.MailCharset;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.mail.SendProgressListener.SendPhase;
import io.github.uc15mail.mail.SendProgressListener;
import io.github.uc15mail.SendReceipt;
import io.github.uc15mail.mail.Security;
import io.github.uc15mail.error.SmtpServiceException;
import io.github.uc15mail.mail.SmtpConfig;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The whole SDK stack (mailer, session, decoder) against the emulator delivering to real SMTP servers. */
class ModemMailerEndToEndTest {

    static final String USER = "modem@example.com";
    static final String PASSWORD = "s3cret-pw";

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer().withSmtpsServer()
            .withUser(USER, PASSWORD);

    private ModemMailer mailer;

    @AfterEach
    void closeMailer() {
        if (mailer != null) {
            mailer.close();
        }
    }

    private SmtpConfig.Builder plainConfig() {
        return SmtpConfig.builder().server(uc15.smtpHost(), uc15.smtpPort()).security(Security.NONE)
                .account(USER, PASSWORD).sender("Field Unit 7", "unit7@example.com");
    }

    private ModemMailer mailer(SmtpConfig config) throws Exception {
        mailer = ModemMailer.open(uc15.emulator().connect(), config);
        return mailer;
    }

    static byte[] binary(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private void assertModemClean() {
        Uc15Emulator modem = uc15.emulator();
        assertTrue(modem.ramFiles().isEmpty(), "RAM files left: " + modem.ramFiles().keySet());
        assertTrue(modem.isContentEmpty(), "email content left on the modem");
        assertFalse(modem.isInDataMode(), "modem left in data mode");
    }

    @Test
    void sendsEveryFieldAndLeavesTheModemClean() throws Exception {
        byte[] blob = binary(5000, 7);
        SendReceipt receipt = mailer(plainConfig().build()).send(EmailDraft.builder()
                .to("alice@example.com", "bob@example.com").cc("carol@example.com").bcc("dave@example.com")
                .subject("Grüße — pump 3 \"tripped\"").body("Pressure low.\r\nÜmlaut ✓\r\n")
                .attach(Attachment.ofBytes("log.bin", blob))
                .attach(Attachment.ofBytes("readings.csv", "t,p\n1,2\n".getBytes(StandardCharsets.US_ASCII)))
                .build());
        assertEquals(0, receipt.resultCode());
        assertEquals(4, receipt.recipients());
        assertTrue(receipt.bytesWritten() > blob.length, "receipt counts the bytes written");
        assertTrue(receipt.phaseTimes().containsKey(SendPhase.SMTP));

        MimeMessage[] got = uc15.receivedMessages();
        assertEquals(4, got.length, "one copy per envelope recipient, Bcc included");
        MimeMessage msg = got[0];
        InternetAddress from = (InternetAddress) msg.getFrom()[0];
        assertEquals("unit7@example.com", from.getAddress());
        assertEquals("Field Unit 7", from.getPersonal());
        assertEquals(List.of("alice@example.com", "bob@example.com"),
                SmtpDeliveryTest.addresses(msg.getRecipients(Message.RecipientType.TO)));
        assertEquals(List.of("carol@example.com"), SmtpDeliveryTest.addresses(msg.getRecipients(Message.RecipientType.CC)));
        assertNull(msg.getHeader("Bcc"), "Bcc must not appear in the headers");
        assertEquals("Grüße — pump 3 \"tripped\"", msg.getSubject());
        Multipart mp = (Multipart) msg.getContent();
        assertEquals("Pressure low.\nÜmlaut ✓\n", ((String) mp.getBodyPart(0).getContent()).replace("\r\n", "\n"));
        assertArrayEquals(blob, content(mp.getBodyPart(1)));
        assertEquals("log.bin", mp.getBodyPart(1).getFileName());
        assertEquals("readings.csv", mp.getBodyPart(2).getFileName());
        assertModemClean();
    }

    static byte[] content(Part p) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getDataHandler().writeTo(out);
        return out.toByteArray();
    }

    @Test
    void gb2312AndBig5TextArrivesIntact() throws Exception {
        mailer(plainConfig().build());
        for (MailCharset cs : List.of(MailCharset.GB2312, MailCharset.BIG5)) {
            String subject = cs == MailCharset.GB2312 ? "测试邮件 告警" : "測試郵件 告警";
            String body = cs == MailCharset.GB2312 ? "泵站压力过低。\r\n" : "泵站壓力過低。\r\n";
            mailer.send(EmailDraft.builder().to("ops@example.com").subject(subject).body(body).charset(cs).build());
            SentEmail sent = uc15.emulator().awaitSentEmail();
            assertEquals(cs.code(), sent.subjectCharset());
            assertEquals(subject, sent.subject());
            assertEquals(body, sent.body());
        }
        MimeMessage[] got = uc15.receivedMessages();
        assertEquals(2, got.length);
        assertEquals("测试邮件 告警", got[0].getSubject());
        assertEquals("測試郵件 告警", got[1].getSubject());
    }

    @Test
    void implicitTlsWithAuthentication() throws Exception {
        mailer(plainConfig().server(uc15.smtpHost(), uc15.smtpsPort()).security(Security.SSL).build());
        mailer.send(EmailDraft.builder().to("tls@example.com").subject("over TLS").body("secret stuff").build());
        assertEquals("over TLS", uc15.receivedMessages()[0].getSubject());
        SentEmail sent = uc15.emulator().awaitSentEmail();
        assertEquals(1, sent.sslType());
        assertModemClean();
    }

    @Test
    void startTls() throws Exception {
        try (SubethaServer server = SubethaServer.startTls(TestCerts.get("a").serverContext())) {
            mailer(SmtpConfig.builder().server("127.0.0.1", server.port()).security(Security.STARTTLS)
                    .sender("", "unit7@example.com").build());
            byte[] blob = binary(2048, 3);
            mailer.send(EmailDraft.builder().to("a@example.com").bcc("b@example.com").subject("starttls")
                    .body("hello").attach(Attachment.ofBytes("exact-2k.bin", blob)).build());
            assertEquals(1, server.received.size());
            assertEquals(List.of("a@example.com", "b@example.com"), server.received.get(0).recipients());
            MimeMessage msg = server.received.get(0).parse();
            assertArrayEquals(blob, content(((Multipart) msg.getContent()).getBodyPart(1)));
        }
        assertModemClean();
    }

    @Test
    void verifiedTlsSendsWithTheRightCaAndFailsWith665WithAWrongOne(@TempDir Path dir) throws Exception {
        try (SubethaServer server = SubethaServer.implicitTls(TestCerts.get("right").serverContext())) {
            Path right = Files.write(dir.resolve("right.pem"), TestCerts.get("right").pem);
            Path wrong = Files.write(dir.resolve("wrong.pem"), TestCerts.get("wrong").pem);
            SmtpConfig.Builder base = SmtpConfig.builder().server("127.0.0.1", server.port()).security(Security.SSL)
                    .sender("", "unit7@example.com");
            EmailDraft draft = EmailDraft.builder().to("a@example.com").subject("verified").body("x").build();

            try (ModemMailer wrongCa = ModemMailer.create(io.github.uc15mail.Modem.open(uc15.emulator().connect()),
                    base.verifyServerWith(wrong).build())) {
                SmtpServiceException e = assertThrows(SmtpServiceException.class, () -> wrongCa.send(draft));
                assertEquals(665, e.errorCode());
                wrongCa.session().close();
            }
            assertTrue(server.received.isEmpty());
            mailer(base.verifyServerWith(right).build()).send(draft);
            assertEquals(1, server.received.size());
        }
    }

    @Test
    void twentyRecipientsAreAcceptedAndTwentyOneRefusedBeforeAnyByte() throws Exception {
        List<String> twenty = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            twenty.add("r" + i + "@example.com");
        }
        EmailDraft.Builder builder = EmailDraft.builder().to(twenty.subList(0, 10).toArray(String[]::new))
                .cc(twenty.subList(10, 15).toArray(String[]::new)).bcc(twenty.subList(15, 20).toArray(String[]::new))
                .subject("many");
        mailer(plainConfig().build()).send(builder.build());
        assertEquals(20, uc15.emulator().awaitSentEmail().to().size() + uc15.emulator().sentEmails().get(0).cc().size()
                + uc15.emulator().sentEmails().get(0).bcc().size());

        int commandsBefore = uc15.emulator().commands().size();
        InvalidDraftException refused = assertThrows(InvalidDraftException.class,
                () -> builder.bcc("one-too-many@example.com").build());
        assertEquals("recipients: must be at most 20 (to, cc and bcc together), was 21", refused.getMessage());
        assertEquals(commandsBefore, uc15.emulator().commands().size(), "nothing reached the modem");
    }

    @Test
    void injectionAttemptsInEveryFieldAreRefusedBeforeAnyByte() throws Exception {
        Uc15Emulator modem = uc15.emulator();
        String evil = "x\"\r\nAT+QSMTPPUT=60\r";
        assertThrows(IllegalArgumentException.class, () -> plainConfig().server(evil, 25).build());
        assertThrows(IllegalArgumentException.class, () -> plainConfig().account(evil, "p").build());
        assertThrows(IllegalArgumentException.class, () -> plainConfig().account("u", evil).build());
        assertThrows(IllegalArgumentException.class, () -> plainConfig().sender(evil, "a@b.c").build());
        assertThrows(IllegalArgumentException.class, () -> plainConfig().sender("n", evil + "@b.c").build());
        for (EmailDraft.Builder b : List.of(
                EmailDraft.builder().to(evil + "@example.com"),
                EmailDraft.builder().to("a@example.com").cc("b@" + evil),
                EmailDraft.builder().to("a@example.com").bcc(evil),
                EmailDraft.builder().to("a@example.com").subject("ok\r\nBcc: victim@example.com"),
                EmailDraft.builder().to("a@example.com").attach(Attachment.ofBytes(evil, new byte[1])))) {
            assertThrows(InvalidDraftException.class, b::build);
        }
        assertTrue(modem.commands().isEmpty(), "no byte reached the modem: " + modem.commands());
    }

    @Test
    void authenticationFailureIsTypedWithBothNumbersAndTheNextSendWorks() throws Exception {
        mailer(plainConfig().account(USER, "wrong-password").build());
        EmailDraft draft = EmailDraft.builder().to("a@example.com").subject("auth").body("b")
                .attach(Attachment.ofBytes("a.txt", "abc".getBytes(StandardCharsets.US_ASCII))).build();
        SmtpServiceException e = assertThrows(SmtpServiceException.class, () -> mailer.send(draft));
        assertEquals(677, e.errorCode());
        assertEquals(535, e.protocolError());
        assertEquals(io.github.uc15mail.error.Fault.FaultKind.ACCOUNT, e.kind());
        assertFalse(e.getMessage().contains("wrong-password"));
        assertModemClean();
        mailer.close();

        mailer(plainConfig().build()).send(draft);
        assertEquals(1, uc15.receivedMessages().length);
        assertModemClean();
    }

    @Test
    void rejectedRecipientIs678With550() throws Exception {
        try (SubethaServer server = SubethaServer.plain(550, 0)) {
            mailer(SmtpConfig.builder().server("127.0.0.1", server.port()).sender("", "unit7@example.com").build());
            SmtpServiceException e = assertThrows(SmtpServiceException.class,
                    () -> mailer.send(EmailDraft.builder().to("reject-me@example.com").subject("s").build()));
            assertEquals(678, e.errorCode());
            assertEquals(550, e.protocolError());
            assertEquals(io.github.uc15mail.error.Fault.FaultKind.MESSAGE, e.kind());
        }
        assertModemClean();
    }

    @Test
    void cancelDuringUploadStopsAndLeavesTheModemClean() throws Exception {
        uc15.emulator().faults().lineSpeed(115_200);
        mailer(plainConfig().build());
        CountDownLatch uploading = new CountDownLatch(1);
        mailer.addProgressListener(new SendProgressListener() {
            @Override
            public void onBytes(String item, long written, long total) {
                if (item.equals("big.bin") && written >= 4096) {
                    uploading.countDown();
                }
            }
        });
        CompletableFuture<SendReceipt> f = mailer.sendAsync(EmailDraft.builder().to("a@example.com").subject("big")
                .attach(Attachment.ofBytes("big.bin", binary(200_000, 1))).build());
        assertTrue(uploading.await(20, TimeUnit.SECONDS), "upload started");
        assertTrue(f.cancel(true));
        assertThrows(CancellationException.class, f::join);

        uc15.emulator().faults().lineSpeed(0);
        // The next send runs after the cancelled one has cleaned up.
        mailer.send(EmailDraft.builder().to("a@example.com").subject("after cancel").build());
        assertEquals(1, uc15.receivedMessages().length);
        assertEquals("after cancel", uc15.receivedMessages()[0].getSubject());
        assertModemClean();
    }

    @Test
    void concurrentSendsAreSerializedAndBothDelivered() throws Exception {
        mailer(plainConfig().build());
        CompletableFuture<SendReceipt> a = mailer.sendAsync(EmailDraft.builder().to("a@example.com").subject("first")
                .attach(Attachment.fromStream("one.bin", new ByteArrayInputStream(binary(3000, 1)), 3000)).build());
        CompletableFuture<SendReceipt> b = mailer.sendAsync(EmailDraft.builder().to("b@example.com").subject("second")
                .attach(Attachment.ofBytes("two.bin", binary(3000, 2))).build());
        CompletableFuture.allOf(a, b).get(60, TimeUnit.SECONDS);
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : uc15.receivedMessages()) {
            subjects.add(m.getSubject());
        }
        assertEquals(List.of("first", "second"), subjects);
        assertModemClean();
    }

    @Test
    void attachmentFromAFileIsStreamedByteExact(@TempDir Path dir) throws Exception {
        byte[] blob = binary(70_000, 9);
        Path file = Files.write(dir.resolve("capture.bin"), blob);
        mailer(plainConfig().build()).send(EmailDraft.builder().to("a@example.com").subject("file")
                .attach(Attachment.fromPath(file)).build());
        assertArrayEquals(blob, content(((Multipart) uc15.receivedMessages()[0].getContent()).getBodyPart(1)));
    }

    @Test
    void failuresArriveThroughTheFutureNeverOnTheCallingThread() throws Exception {
        mailer(plainConfig().account(USER, "wrong").build());
        CompletableFuture<SendReceipt> f = mailer.sendAsync(EmailDraft.builder().to("a@example.com").build());
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
        assertInstanceOf(SmtpServiceException.class, e.getCause());
    }

    @Test
    void planShowsTheScriptWithSecretsMaskedAndTouchesNoModem() throws Exception {
        ModemMailer m = mailer(plainConfig().build());
        List<String> plan = m.plan(EmailDraft.builder().to("a@example.com").subject("s").body("hello")
                .attach(Attachment.ofBytes("a.txt", new byte[10])).build());
        assertTrue(plan.contains("AT+QSMTPCFG=\"account\",\"" + USER + "\",\"****\""), plan.toString());
        assertTrue(plan.contains("AT+QFUPL=\"RAM:a.txt\",10,60,1"), plan.toString());
        assertTrue(plan.contains("AT+QSMTPPUT=300"), plan.toString());
        assertTrue(plan.stream().noneMatch(l -> l.contains(PASSWORD)));
        assertTrue(uc15.emulator().commands().isEmpty());
    }

    @Test
    void aSimStillStartingIsWaitedFor() throws Exception {
        uc15.emulator().faults().cmeErrorOn("AT+CPIN?", 1, 14);
        mailer(plainConfig().build()).send(EmailDraft.builder().to("a@example.com").subject("after SIM busy").build());
        assertEquals("after SIM busy", uc15.receivedMessages()[0].getSubject());
        long cpinQueries = uc15.emulator().commands().stream().filter(c -> c.line().equals("AT+CPIN?")).count();
        assertEquals(2, cpinQueries, "asked again after +CME ERROR: 14 (SIM busy)");
    }

    @Test
    void aModemThatNeverRegistersFailsAfterTheReadyWait() throws Exception {
        try (Uc15Emulator searching = Uc15Emulator.builder().registered(false).build();
                ModemMailer m = ModemMailer.open(searching.connect(),
                        plainConfig().readyWait(Duration.ofSeconds(2)).build())) {
            io.github.uc15mail.error.ModemNotReadyException e = assertThrows(io.github.uc15mail.error.ModemNotReadyException.class,
                    () -> m.send(EmailDraft.builder().to("a@example.com").build()));
            assertEquals(io.github.uc15mail.error.ModemNotReadyException.Reason.NOT_REGISTERED, e.reason());
            long polls = searching.commands().stream().filter(c -> c.line().equals("AT+CGREG?")).count();
            assertTrue(polls >= 2, "registration was polled, not asked once: " + polls);
            assertTrue(searching.commands().stream().noneMatch(c -> c.line().startsWith("AT+QSMTPCFG")
                    || c.line().startsWith("AT+QSMTPPUT") || c.line().startsWith("AT+QFUPL")),
                    "nothing was configured, uploaded or sent on an unregistered modem");
        }
    }
}
