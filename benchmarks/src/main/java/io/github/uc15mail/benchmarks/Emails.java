package io.github.uc15mail.benchmarks;

import io.github.uc15mail.mail.Attachment;
import io.github.uc15mail.mail.EmailDraft;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Random;

/** The emails the benchmarks send, and the size of the same email as MIME. */
public final class Emails {

    static final String TO = "ops@example.com";
    static final String SUBJECT = "Telemetry report";
    static final String BODY = "Readings of the last 24 hours attached.\r\nPump 3 pressure low at 04:10.\r\n";

    private Emails() {
    }

    /** Deterministic incompressible bytes. */
    public static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** A small email: one recipient, a subject, two lines of body, no attachment. */
    public static EmailDraft small(int sequence) {
        return EmailDraft.builder().to(TO).subject(SUBJECT + " " + sequence).body(BODY).build();
    }

    /** The report email with {@code attachment} as {@code readings.bin}. */
    public static EmailDraft withAttachment(Attachment attachment) {
        return EmailDraft.builder().to(TO).subject(SUBJECT).body(BODY).attach(attachment).build();
    }

    /** Writes {@code size} random bytes to a new temporary file, without holding them in memory. */
    public static Path randomFile(long size, long seed) {
        try {
            Path file = Files.createTempFile("uc15mail-bench-", ".bin");
            file.toFile().deleteOnExit();
            Random random = new Random(seed);
            byte[] block = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(file)) {
                for (long left = size; left > 0; left -= block.length) {
                    random.nextBytes(block);
                    out.write(block, 0, (int) Math.min(block.length, left));
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The size in bytes of the report email with {@code attachment} as a MIME message (what a host SMTP
     * client would hand to the server in DATA), built with Jakarta Mail: text part plus base64 attachment.
     */
    public static long mimeSize(byte[] attachment) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress("bench@example.com", "Bench Unit"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(TO));
            message.setSubject(SUBJECT);
            MimeBodyPart text = new MimeBodyPart();
            text.setText(BODY, "US-ASCII");
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment, "application/octet-stream")));
            file.setFileName("readings.bin");
            MimeMultipart multipart = new MimeMultipart(text, file);
            message.setContent(multipart);
            message.saveChanges();
            CountingOutputStream counter = new CountingOutputStream();
            message.writeTo(counter);
            return counter.count;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("could not build the MIME message", e);
        }
    }

    private static final class CountingOutputStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
