package io.github.uc15mail.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.Attachment;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.SendReceipt;
import io.github.uc15mail.mail.SendProgressListener;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.error.TransportClosedException;
import io.github.uc15mail.testkit.Uc15EmulatorExtension;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole email through jSerialComm on a real pseudo-terminal: socat bridges the pty to the emulator's
 * TCP listener, and the emulator delivers to a real SMTP server.
 */
class SerialMailEndToEndTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    @TempDir
    Path dir;

    @BeforeEach
    void needsSocat() {
        PtyPair.assumeSocat();
    }

    private SmtpConfig config() {
        return SmtpConfig.builder().server(uc15.smtpHost(), uc15.smtpPort()).sender("Pi", "pi@example.com").build();
    }

    @Test
    void sendsAnEmailWithAnAttachmentOverAPty() throws Exception {
        int port = uc15.emulator().listenTcp(0);
        byte[] blob = new byte[20_000];
        new Random(5).nextBytes(blob);
        try (PtyPair pty = PtyPair.bridgeToTcp(dir, "modem", port);
                ModemMailer mailer = ModemMailer.open(new SerialTransport(pty.a().toString()), config())) {
            SendReceipt receipt = mailer.sendAsync(EmailDraft.builder().to("ops@example.com").subject("over a pty")
                    .body("sent through jSerialComm").attach(Attachment.ofBytes("blob.bin", blob)).build())
                    .get(60, TimeUnit.SECONDS);
            assertEquals(0, receipt.resultCode());
        }
        MimeMessage[] got = uc15.receivedMessages();
        assertEquals(1, got.length);
        assertEquals("over a pty", got[0].getSubject());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((Multipart) got[0].getContent()).getBodyPart(1).getDataHandler().writeTo(out);
        assertArrayEquals(blob, out.toByteArray());
        assertTrue(uc15.emulator().ramFiles().isEmpty());
    }

    @Test
    void aPortThatDisappearsMidSendEndsInATransportErrorWithoutHanging() throws Exception {
        int port = uc15.emulator().listenTcp(0);
        uc15.emulator().faults().lineSpeed(115_200);
        byte[] blob = new byte[300_000];
        try (PtyPair pty = PtyPair.bridgeToTcp(dir, "modem", port);
                ModemMailer mailer = ModemMailer.open(new SerialTransport(pty.a().toString()), config())) {
            CountDownLatch uploading = new CountDownLatch(1);
            mailer.addProgressListener(new SendProgressListener() {
                @Override
                public void onBytes(String item, long written, long total) {
                    if (written >= 8192) {
                        uploading.countDown();
                    }
                }
            });
            CompletableFuture<SendReceipt> f = mailer.sendAsync(EmailDraft.builder().to("ops@example.com")
                    .subject("never").attach(Attachment.ofBytes("big.bin", blob)).build());
            assertTrue(uploading.await(30, TimeUnit.SECONDS), "upload under way");
            pty.kill();
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
            assertInstanceOf(TransportClosedException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains(pty.a().toString()), e.getCause().getMessage());
        }
        assertEquals(0, uc15.receivedMessages().length);
    }
}
