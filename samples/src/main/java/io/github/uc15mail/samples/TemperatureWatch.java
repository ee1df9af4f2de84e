package io.github.uc15mail.samples;

import io.github.uc15mail.mail.Attachment;
import io.github.uc15mail.mail.EmailDraft;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;

/**
 * The decisions of the telemetry program, without the loop, the sensor or the modem: which readings call
 * for an email, and what the email says. Feed it readings in time order with {@link #onReading}; it returns
 * the emails to send now.
 *
 * <ul>
 *   <li>An <b>alert</b> when a reading reaches the threshold while the watch is armed. It then stays quiet
 *       until a reading falls below {@code threshold - hysteresis}, so a temperature hovering at the
 *       threshold sends one alert, not one per reading.</li>
 *   <li>A <b>daily summary</b> of the previous day (min, max, mean, alerts) with its readings as CSV, with
 *       the first reading of a new day (in {@code zone}).</li>
 * </ul>
 * Alerts carry the day's readings so far as CSV, at most {@link #MAX_CSV_ROWS} rows (the newest), so the
 * attachment always fits the modem's RAM. Not thread-safe.
 */
public final class TemperatureWatch {

    /** At most this many readings go into one CSV attachment (about 30 bytes each). */
    public static final int MAX_CSV_ROWS = 5_000;

    private final double threshold;
    private final double hysteresis;
    private final ZoneId zone;
    private final String unitName;
    private final List<String> recipients;
    private final List<Reading> today = new ArrayList<>();
    private LocalDate day;
    private boolean armed = true;
    private int alertsToday;

    /**
     * @param threshold alert at or above this many degrees Celsius
     * @param hysteresis how far below the threshold a reading must fall to re-arm (0 or more)
     * @param zone the time zone whose midnight ends a day
     * @param unitName how the emails name this device
     * @param recipients who gets the emails (1-20)
     */
    public TemperatureWatch(double threshold, double hysteresis, ZoneId zone, String unitName, List<String> recipients) {
        if (hysteresis < 0) {
            throw new IllegalArgumentException("hysteresis: must be 0 or more, was " + hysteresis);
        }
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("recipients: must be at least 1, was 0");
        }
        this.threshold = threshold;
        this.hysteresis = hysteresis;
        this.zone = zone;
        this.unitName = unitName;
        this.recipients = List.copyOf(recipients);
    }

    /** The emails {@code reading} calls for, in the order to send them (a summary before an alert). */
    public List<EmailDraft> onReading(Reading reading) {
        List<EmailDraft> out = new ArrayList<>();
        LocalDate date = reading.time().atZone(zone).toLocalDate();
        if (day != null && !date.equals(day)) {
            if (!today.isEmpty()) {
                out.add(dailySummary());
            }
            today.clear();
            alertsToday = 0;
        }
        day = date;
        today.add(reading);
        if (today.size() > MAX_CSV_ROWS) {
            today.remove(0);
        }
        if (armed && reading.celsius() >= threshold) {
            armed = false;
            alertsToday++;
            out.add(alert(reading));
        } else if (!armed && reading.celsius() < threshold - hysteresis) {
            armed = true;
        }
        return out;
    }

    /** Whether the next reading at or above the threshold raises an alert. */
    public boolean isArmed() {
        return armed;
    }

    private EmailDraft alert(Reading reading) {
        String body = String.format(Locale.ROOT,
                "%s measured %.1f C at %s, at or above the alert threshold of %.1f C.%n"
                        + "No further alert until it falls below %.1f C.%nToday's readings are attached.%n",
                unitName, reading.celsius(), reading.time(), threshold, threshold - hysteresis);
        return draft(String.format(Locale.ROOT, "ALERT %s: %.1f C (threshold %.1f C)", unitName, reading.celsius(),
                threshold), body, "readings-" + day + ".csv");
    }

    private EmailDraft dailySummary() {
        DoubleSummaryStatistics stats = today.stream().mapToDouble(Reading::celsius).summaryStatistics();
        String body = String.format(Locale.ROOT,
                "%s on %s: %d readings, min %.1f C, max %.1f C, mean %.1f C, %d alert(s) at %.1f C.%n",
                unitName, day, stats.getCount(), stats.getMin(), stats.getMax(), stats.getAverage(), alertsToday,
                threshold);
        return draft(String.format(Locale.ROOT, "Daily summary %s %s: max %.1f C", unitName, day, stats.getMax()), body,
                "readings-" + day + ".csv");
    }

    private EmailDraft draft(String subject, String body, String csvName) {
        return EmailDraft.builder()
                .to(recipients.toArray(String[]::new))
                .subject(subject)
                .body(body)
                .attach(Attachment.ofBytes(csvName, toCsv(today).getBytes(StandardCharsets.US_ASCII)))
                .build();
    }

    /** {@code time,celsius} then one row per reading: ISO-8601 UTC time, one decimal. */
    public static String toCsv(List<Reading> readings) {
        StringBuilder sb = new StringBuilder("time,celsius\n");
        for (Reading r : readings) {
            sb.append(r.time()).append(',').append(String.format(Locale.ROOT, "%.1f", r.celsius())).append('\n');
        }
        return sb.toString();
    }
}
