package io.github.uc15mail.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.mail.Security;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.testkit.Uc15EmulatorExtension;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One alert of the telemetry sample, through the real SDK and the emulator, to an SMTP server. */
class PiTelemetryEndToEndTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer().withUser("pi@example.com", "pi-pw-42");

    @Test
    void crossingTheThresholdEmailsAnAlertWithTheCsv() throws Exception {
        SmtpConfig config = SmtpConfig.builder().server(uc15.smtpHost(), uc15.smtpPort()).security(Security.NONE)
                .account("pi@example.com", "pi-pw-42").sender("Greenhouse Pi", "pi@example.com").build();
        Deque<Double> temperatures = new ArrayDeque<>(List.of(58.0, 71.2, 72.0));
        TemperatureSensor sensor = temperatures::removeFirst;
        TemperatureWatch watch = new TemperatureWatch(70, 5, ZoneId.of("UTC"), "greenhouse-pi",
                List.of("ops@example.com"));
        Clock clock = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC);

        try (ModemMailer mailer = ModemMailer.open(uc15.emulator().connect(), config)) {
            PiTelemetry telemetry = new PiTelemetry(sensor, watch, mailer, clock);
            assertEquals(0, telemetry.tick(), "58.0 C is below the threshold");
            assertEquals(1, telemetry.tick(), "71.2 C crosses it");
            assertEquals(0, telemetry.tick(), "72.0 C: still above, no second alert");
        }

        MimeMessage[] got = uc15.receivedMessages();
        assertEquals(1, got.length);
        assertEquals("ALERT greenhouse-pi: 71.2 C (threshold 70.0 C)", got[0].getSubject());
        Multipart parts = (Multipart) got[0].getContent();
        Part csv = parts.getBodyPart(1);
        assertEquals("readings-2025-06-01.csv", csv.getFileName());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        csv.getInputStream().transferTo(bytes);
        String text = bytes.toString(StandardCharsets.US_ASCII).replace("\r\n", "\n");
        assertEquals("time,celsius\n2025-06-01T10:00:00Z,58.0\n2025-06-01T10:00:00Z,71.2\n", text);
        assertTrue(((String) parts.getBodyPart(0).getContent()).contains("71.2 C"));
    }
}
