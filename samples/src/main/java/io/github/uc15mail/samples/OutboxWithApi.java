package io.github.uc15mail.samples;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.mail.Security;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.outbox.Dispatcher;
import io.github.uc15mail.outbox.DispatcherOptions;
import io.github.uc15mail.outbox.MessageId;
import io.github.uc15mail.outbox.Outbox;
import io.github.uc15mail.serial.SerialTransport;
import java.util.Map;

/**
 * The outbox in five lines: store an email durably, then let a dispatcher send it through the UC15 on
 * {@code /dev/ttyUSB2}. The five lines after the configuration in {@link #main} are the README's "Outbox"
 * example (a test keeps them identical). Set {@code SMTP_PASSWORD} and change the addresses before running.
 */
public final class OutboxWithApi {

    private OutboxWithApi() {}

    public static void main(String[] args) throws Exception {
        SmtpConfig config = SmtpConfig.builder().server("smtp.example.com").security(Security.SSL)
                .account("pi@example.com", System.getenv("SMTP_PASSWORD")).sender("", "pi@example.com").build();
        try (Outbox outbox = Outbox.open("sqlite:outbox.db");
                ModemMailer mailer = ModemMailer.open(new SerialTransport("/dev/ttyUSB2"), config);
                Dispatcher dispatcher = Dispatcher.start(outbox, Map.of("/dev/ttyUSB2", mailer), DispatcherOptions.defaults())) {
            MessageId id = outbox.enqueue(EmailDraft.builder().to("ops@example.com").subject("Pump 3").body("Pressure low").build());
            Thread.sleep(60_000); // outbox.find(id) now says QUEUED, SENDING, SENT, FAILED, UNKNOWN or CANCELLED
        }
    }
}
