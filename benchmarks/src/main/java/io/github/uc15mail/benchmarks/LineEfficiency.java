package io.github.uc15mail.benchmarks;

import io.github.uc15mail.Modem;

import io.github.uc15mail.mail.Attachment;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.SendReceipt;
import io.github.uc15mail.at.AtSession;
import io.github.uc15mail.at.AtSessionOptions;
import io.github.uc15mail.at.TrafficListener;
import io.github.uc15mail.testkit.Uc15Emulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One email with an attachment sent through an emulator whose line runs at a given baud rate, timed, with
 * every byte that crossed the link counted both ways. The physical minimum is those bytes at 10 bits per
 * byte (8N1) divided by the baud rate: the time the line alone needs, were the two ends infinitely fast
 * and the SMTP server instant.
 */
public final class LineEfficiency {

    /** What one send measured. */
    public record Result(int attachmentBytes, int baud, long bytesToModem, long bytesFromModem, long measuredNanos,
            long smtpWaitNanos, long mimeBytes) {

        /** Bytes that crossed the serial link, both ways. */
        public long linkBytes() {
            return bytesToModem + bytesFromModem;
        }

        /** The time the line needs for {@link #linkBytes()} at 10 bits per byte. */
        public double minimumSeconds() {
            return baud == 0 ? 0 : linkBytes() * 10.0 / baud;
        }

        public double measuredSeconds() {
            return measuredNanos / 1e9;
        }

        /** Measured time over the physical minimum. */
        public double ratio() {
            return measuredSeconds() / minimumSeconds();
        }

        /** From {@code AT+QSMTPPUT} written to its result URC read: mostly the SMTP server, off the line. */
        public double smtpWaitSeconds() {
            return smtpWaitNanos / 1e9;
        }
    }

    private LineEfficiency() {
    }

    /**
     * Sends the report email with {@code attachmentBytes} random bytes attached over a line at {@code baud}
     * (0: no line limit, for warming up).
     */
    public static Result run(SmtpServer smtp, int attachmentBytes, int baud) {
        byte[] attachment = Emails.randomBytes(attachmentBytes, attachmentBytes);
        try (Uc15Emulator modem = Uc15Emulator.builder().build()) {
            modem.faults().lineSpeed(baud);
            CountingTransport link = new CountingTransport(modem.connect());
            Modem modemHandle = Modem.open(link, AtSessionOptions.defaults());
            AtSession session = modemHandle.session();
            AtomicLong putWritten = new AtomicLong();
            AtomicLong resultRead = new AtomicLong();
            session.addTrafficListener(new TrafficListener() {
                @Override
                public void onCommand(String maskedLine) {
                    if (maskedLine.startsWith("AT+QSMTPPUT=")) {
                        putWritten.set(System.nanoTime());
                    }
                }

                @Override
                public void onLine(String maskedLine) {
                    if (maskedLine.startsWith("+QSMTPPUT:")) {
                        resultRead.set(System.nanoTime());
                    }
                }
            });
            try (ModemMailer mailer = ModemMailer.builder(modemHandle, smtp.config()).ownsSession(true).build()) {
                long start = System.nanoTime();
                SendReceipt receipt = mailer.send(Emails.withAttachment(Attachment.ofBytes("readings.bin", attachment)));
                long elapsed = System.nanoTime() - start;
                if (receipt.resultCode() != 0) {
                    throw new IllegalStateException("the send failed: " + receipt);
                }
                return new Result(attachmentBytes, baud, link.bytesWritten(), link.bytesReceived(), elapsed,
                        resultRead.get() - putWritten.get(), Emails.mimeSize(attachment));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
