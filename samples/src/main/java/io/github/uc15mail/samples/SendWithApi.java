package io.github.uc15mail.samples;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.mail.Security;
import io.github.uc15mail.SendReceipt;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.serial.SerialTransport;

/**
 * The smallest complete program: one email through a UC15 on {@code /dev/ttyUSB2}. The body of
 * {@link #main} is, line for line, the snippet "The API in ten lines" of the README (a test keeps them
 * identical). Set {@code SMTP_PASSWORD} in the environment and change the addresses before running.
 */
public final class SendWithApi {

    private SendWithApi() {}

    public static void main(String[] args) throws Exception {
        SmtpConfig config = SmtpConfig.builder()
                .server("smtp.example.com").security(Security.SSL)
                .account("pi@example.com", System.getenv("SMTP_PASSWORD"))
                .sender("Greenhouse Pi", "pi@example.com").build();
        EmailDraft draft = EmailDraft.builder().to("ops@example.com")
                .subject("Hello from the UC15").body("Sent over 3G.").build();
        try (ModemMailer mailer = ModemMailer.open(new SerialTransport("/dev/ttyUSB2"), config)) {
            SendReceipt receipt = mailer.send(draft);
            System.out.println("sent to " + receipt.recipients() + " recipient(s)");
        }
    }
}
