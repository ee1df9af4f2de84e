package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.Attachment;
import io.github.uc15mail.error.ModemFileException.AttachmentRefusedException;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.mail.RetryPolicy;
import io.github.uc15mail.mail.SendProgressListener.SendPhase;
import io.github.uc15mail.mail.SendProgressListener;
import io.github.uc15mail.SendReceipt;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.error.TransportClosedException;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.at.Commands;
import io.github.uc15mail.at.AtSession;
import io.github.uc15mail.at.AtSessionOptions;
import io.github.uc15mail.at.CommandKind;
import io.github.uc15mail.at.DataPayload;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The defects of issue 11, each with the test that failed before the fix. */
class SendDefectsTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer()
            .withEmulator(b -> b.ramCapacity(64 * 1024));

    private SmtpConfig config() {
        return SmtpConfig.builder().server("127.0.0.1", uc15.smtpPort()).sender("Unit 7", "unit7@example.com")
                .sendTimeoutSeconds(60).build();
    }

    private ModemMailer mailer(RetryPolicy retry) throws Exception {
        return ModemMailer.builder(io.github.uc15mail.Modem.open(uc15.emulator().connect()), config()).retryPolicy(retry)
                .ownsSession(true).build();
    }

    private static EmailDraft draft(String subject, Attachment... attachments) {
        EmailDraft.Builder b = EmailDraft.builder().to("ops@example.com").subject(subject).body("b");
        for (Attachment a : attachments) {
            b.attach(a);
        }
        return b.build();
    }

    private List<String> lines() {
        return uc15.emulator().commands().stream().map(RecordedCommand::line).toList();
    }

    @Test
    void aTemporaryRefusalReportedAfterThePutIsRetried() throws Exception {
        uc15.emulator().faults().forcePutResult(667, 450);
        try (ModemMailer mailer = mailer(RetryPolicy.attempts(2, Duration.ofMillis(10)))) {
            SendReceipt receipt = mailer.send(draft("retried after 450"));
            assertEquals(2, receipt.attempts());
        }
        assertEquals(1, uc15.receivedMessages().length, "delivered once, by the second attempt");
    }

    @Test
    void aFileOfTheSameNameThatTheSdkDidNotUploadIsNeverDeleted() throws Exception {
        byte[] theirs = "someone else's file".getBytes(StandardCharsets.US_ASCII);
        try (ModemMailer mailer = mailer(RetryPolicy.none())) {
            mailer.modem().execute(Commands.upload("RAM:report.csv", DataPayload.ofBytes(theirs), 60, false));
            int before = lines().size();
            AttachmentRefusedException e = assertThrows(AttachmentRefusedException.class, () -> mailer.send(
                    draft("collides", Attachment.ofBytes("report.csv", "a,b\n".getBytes(StandardCharsets.US_ASCII)))));
            assertEquals(AttachmentRefusedException.Reason.NAME_IN_USE, e.reason());
            assertTrue(e.getMessage().contains("RAM:report.csv"), e.getMessage());
            List<String> send = lines().subList(before, lines().size());
            assertFalse(send.stream().anyMatch(l -> l.startsWith("AT+QFUPL") || l.startsWith("AT+QFDEL=\"RAM:report")),
                    "nothing uploaded or deleted: " + send);
        }
        assertArrayEquals(theirs, uc15.emulator().ramFiles().get("RAM:report.csv"), "their file is intact");
        assertEquals(0, uc15.receivedMessages().length);
    }

    @Test
    void attachmentsThatDoNotFitTheFreeRamAreRefusedBeforeAnyUpload() throws Exception {
        byte[] big = new byte[80 * 1024];
        try (ModemMailer mailer = mailer(RetryPolicy.none())) {
            AttachmentRefusedException e = assertThrows(AttachmentRefusedException.class,
                    () -> mailer.send(draft("too big", Attachment.ofBytes("big.bin", big))));
            assertEquals(AttachmentRefusedException.Reason.TOO_BIG_FOR_RAM, e.reason());
            assertTrue(e.getMessage().contains(String.valueOf(big.length)) && e.getMessage().contains("65536"),
                    e.getMessage());
        }
        assertFalse(lines().stream().anyMatch(l -> l.startsWith("AT+QFUPL")), "nothing uploaded: " + lines());
        assertTrue(uc15.emulator().ramFiles().isEmpty());
    }

    @Test
    void anInterruptedSendIsCancelledAndCleanedUp() throws Exception {
        uc15.emulator().faults().lineSpeed(19_200);
        byte[] attachment = new byte[40 * 1024];
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        CountDownLatch uploading = new CountDownLatch(1);
        // Short upload deadline: the cancelled upload's data mode ends with +++ once the deadline passes.
        io.github.uc15mail.Modem modem = io.github.uc15mail.Modem.open(uc15.emulator().connect(),
                AtSessionOptions.builder().minLineBytesPerSecond(8000).timeout(CommandKind.FILE_UPLOAD,
                        Duration.ofSeconds(1)).build());
        ModemMailer mailer = ModemMailer.builder(modem, config()).ownsSession(true).build();
        mailer.addProgressListener(new SendProgressListener() {
            @Override
            public void onBytes(String item, long written, long total) {
                if (item.equals("data.bin") && written > 0) {
                    uploading.countDown();
                }
            }
        });
        Thread sender = new Thread(() -> {
            try {
                mailer.send(draft("interrupted", Attachment.ofBytes("data.bin", attachment)));
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        sender.start();
        assertTrue(uploading.await(30, TimeUnit.SECONDS), "the upload started");
        sender.interrupt();
        sender.join(10_000);
        assertFalse(sender.isAlive(), "send() returned after the interrupt");
        assertTrue(outcome.get() instanceof Uc15Exception, String.valueOf(outcome.get()));
        mailer.close(); // waits for the cancelled send's cleanup
        assertFalse(lines().stream().anyMatch(l -> l.startsWith("AT+QSMTPPUT")), "never submitted: " + lines());
        assertFalse(uc15.emulator().isInDataMode());
        assertTrue(uc15.emulator().isContentEmpty());
        assertTrue(uc15.emulator().ramFiles().isEmpty(), "files deleted: " + uc15.emulator().ramFiles().keySet());
        assertEquals(0, uc15.receivedMessages().length);
    }

    @Test
    void closeWaitsForARunningSendLongerThanTenSeconds() throws Exception {
        uc15.emulator().faults().putResultDelay(Duration.ofSeconds(12));
        ModemMailer mailer = mailer(RetryPolicy.none());
        CompletableFuture<SendReceipt> send = mailer.sendAsync(draft("slow server"));
        Await.until("AT+QSMTPPUT written", () -> lines().stream().anyMatch(l -> l.startsWith("AT+QSMTPPUT")));
        mailer.close();
        assertTrue(send.isDone());
        assertEquals(1, send.get().attempts(), "the send completed normally");
        assertTrue(uc15.emulator().isContentEmpty());
        assertEquals(1, uc15.receivedMessages().length);
    }

    @Test
    void aLostLinkIsNotRetriedOnTheDeadSession() throws Exception {
        uc15.emulator().faults().closeLinkOnNext("AT+QSMTPCFG");
        try (ModemMailer mailer = mailer(RetryPolicy.attempts(3, Duration.ofMillis(10)))) {
            TransportClosedException e = assertThrows(TransportClosedException.class,
                    () -> mailer.send(draft("link lost")));
            assertFalse(e.isRetryable());
            assertTrue(e.isModemFault());
            assertEquals(1, mailer.modem().consecutiveFailures());
        }
    }

    @Test
    void phasesAreStillReported() throws Exception {
        List<SendPhase> phases = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ModemMailer mailer = mailer(RetryPolicy.none())) {
            mailer.addProgressListener(new SendProgressListener() {
                @Override
                public void onPhase(SendPhase phase) {
                    phases.add(phase);
                }
            });
            SendReceipt r = mailer.send(draft("phases", Attachment.ofBytes("a.txt", new byte[] {1, 2, 3})));
            assertTrue(r.phaseTimes().keySet().containsAll(List.of(SendPhase.PREFLIGHT, SendPhase.UPLOAD,
                    SendPhase.SMTP, SendPhase.CLEANUP)), r.phaseTimes().toString());
        }
        assertEquals(List.of(SendPhase.values()), phases, "each phase entered once, in order");
    }
}
