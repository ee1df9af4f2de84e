package io.github.uc15mail.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.EmailDraft;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decisions of the telemetry sample: threshold with hysteresis, daily summary, CSV. */
class TemperatureWatchTest {

    static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");

    private final TemperatureWatch watch = new TemperatureWatch(70, 5, ZoneId.of("UTC"), "pi-1", List.of("ops@example.com"));

    private List<EmailDraft> feed(double... temperatures) {
        List<EmailDraft> out = new ArrayList<>();
        for (int i = 0; i < temperatures.length; i++) {
            out.addAll(watch.onReading(new Reading(T0.plusSeconds(60L * i), temperatures[i])));
        }
        return out;
    }

    @Test
    void belowThresholdSendsNothing() {
        assertTrue(feed(50, 60, 69.9).isEmpty());
        assertTrue(watch.isArmed());
    }

    @Test
    void crossingSendsOneAlertWithTheReadingsAsCsv() throws Exception {
        List<EmailDraft> sent = feed(60, 70.0);
        assertEquals(1, sent.size());
        EmailDraft alert = sent.get(0);
        assertEquals("ALERT pi-1: 70.0 C (threshold 70.0 C)", alert.subject());
        assertEquals("readings-2025-06-01.csv", alert.attachments().get(0).name());
        assertEquals("time,celsius\n2025-06-01T10:00:00Z,60.0\n2025-06-01T10:01:00Z,70.0\n", content(alert));
    }

    @Test
    void hoveringAtTheThresholdAlertsOnceUntilItFallsBelowTheHysteresis() {
        assertEquals(1, feed(71, 69, 72, 66, 71.5).size(), "66 is not below 70 - 5");
        assertFalse(watch.isArmed());
        assertTrue(feed(64.9).isEmpty());
        assertTrue(watch.isArmed());
        assertEquals(1, watch.onReading(new Reading(T0.plusSeconds(3600), 75)).size(), "re-armed, alerts again");
    }

    @Test
    void firstReadingOfANewDaySendsTheSummaryOfThePreviousOne() throws Exception {
        feed(50, 72, 60);
        List<EmailDraft> next = watch.onReading(new Reading(Instant.parse("2025-06-02T00:00:05Z"), 55));
        assertEquals(1, next.size());
        EmailDraft summary = next.get(0);
        assertEquals("Daily summary pi-1 2025-06-01: max 72.0 C", summary.subject());
        assertTrue(summary.body().contains("3 readings, min 50.0 C, max 72.0 C, mean 60.7 C, 1 alert(s)"),
                summary.body());
        assertEquals(4, content(summary).lines().count(), "header and the day's three readings");
    }

    @Test
    void csvUsesIsoTimesAndOneDecimal() {
        assertEquals("time,celsius\n2025-06-01T10:00:00Z,48.3\n",
                TemperatureWatch.toCsv(List.of(new Reading(T0, 48.312))));
        assertEquals("time,celsius\n", TemperatureWatch.toCsv(List.of()));
    }

    @Test
    void badSettingsNameTheKey() {
        Properties p = new Properties();
        p.setProperty("port", "/dev/ttyUSB2");
        p.setProperty("server", "smtp.example.com");
        p.setProperty("from", "pi@example.com");
        p.setProperty("to", "ops@example.com");
        p.setProperty("user", "pi@example.com");
        p.setProperty("password-env", "PW");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TelemetrySettings.from(p, name -> null));
        assertTrue(e.getMessage().startsWith("password-env: the environment variable PW"), e.getMessage());
        p.setProperty("threshold", "hot");
        e = assertThrows(IllegalArgumentException.class, () -> TelemetrySettings.from(p, name -> "pw"));
        assertEquals("threshold: must be a number, was \"hot\"", e.getMessage());
        p.setProperty("threshold", "65.5");
        TelemetrySettings s = TelemetrySettings.from(p, name -> "pw");
        assertEquals(65.5, s.threshold());
        assertEquals(List.of("ops@example.com"), s.recipients());
        assertFalse(s.smtp().toString().contains("pw\""), "the password stays out of toString");
        p.setProperty("port", "tcp:localhost");
        e = assertThrows(IllegalArgumentException.class, () -> TelemetrySettings.from(p, name -> "pw"));
        assertEquals("port: must be a device path or tcp:HOST:PORT, was \"tcp:localhost\"", e.getMessage());
    }

    @Test
    void thermalZoneFileIsReadAsMillidegrees(@TempDir Path tmp) throws Exception {
        Path zone = Files.writeString(tmp.resolve("temp"), "48312\n");
        assertEquals(48.312, new ThermalZoneSensor(zone).readCelsius(), 1e-9);
        Files.writeString(zone, "n/a");
        assertThrows(IOException.class, () -> new ThermalZoneSensor(zone).readCelsius());
    }

    static String content(EmailDraft draft) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var in = draft.attachments().get(0).payload().open()) {
            in.transferTo(out);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
