package io.github.uc15mail.samples;

import io.github.uc15mail.mail.Apn;
import io.github.uc15mail.mail.Security;
import io.github.uc15mail.mail.SmtpConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;

/**
 * The settings of the telemetry program, from a properties file; the SMTP password comes from the
 * environment variable named by {@code password-env}. Every problem is an {@link IllegalArgumentException}
 * naming the key, the rule and the value.
 *
 * <pre>
 * port=/dev/ttyUSB2              # or tcp:HOST:PORT
 * server=smtp.example.com
 * security=ssl                   # none | ssl | starttls
 * user=pi@example.com
 * password-env=SMTP_PASSWORD
 * from=pi@example.com
 * to=ops@example.com, oncall@example.com
 * threshold=70                   # degrees Celsius
 * hysteresis=5
 * interval-seconds=60
 * sensor=/sys/class/thermal/thermal_zone0/temp   # or simulated
 * </pre>
 *
 * @param port the modem's AT port, or {@code tcp:HOST:PORT}
 * @param smtp the checked SMTP configuration
 * @param recipients who gets alerts and summaries
 * @param threshold alert at or above this temperature
 * @param hysteresis re-arm below {@code threshold - hysteresis}
 * @param interval time between readings
 * @param sensor a thermal-zone file, or empty for the simulated sensor
 * @param unitName how the emails name this device
 * @param zone the time zone whose midnight ends a day
 */
public record TelemetrySettings(String port, SmtpConfig smtp, List<String> recipients, double threshold,
        double hysteresis, Duration interval, Path sensor, String unitName, ZoneId zone) {

    /** Reads and checks {@code file}. */
    public static TelemetrySettings load(Path file, Function<String, String> env) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return from(p, env);
    }

    /** Checks {@code p}. */
    public static TelemetrySettings from(Properties p, Function<String, String> env) {
        String port = required(p, "port");
        if (port.startsWith("tcp:") && !port.matches("tcp:[^:]+:\\d{1,5}")) {
            throw new IllegalArgumentException("port: must be a device path or tcp:HOST:PORT, was \"" + port + "\"");
        }
        SmtpConfig.Builder smtp = SmtpConfig.builder()
                .server(required(p, "server"), integer(p, "server-port", 0))
                .security(security(p.getProperty("security", "ssl").strip()))
                .sender(p.getProperty("from-name", "").strip(), required(p, "from"));
        String user = p.getProperty("user", "").strip();
        if (!user.isEmpty()) {
            String variable = required(p, "password-env");
            String password = env.apply(variable);
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("password-env: the environment variable " + variable
                        + " must hold the SMTP password, was unset or empty");
            }
            smtp.account(user, password);
        }
        String apn = p.getProperty("apn", "").strip();
        if (!apn.isEmpty()) {
            smtp.apn(Apn.of(apn));
        }
        List<String> to = Arrays.stream(required(p, "to").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        double threshold = decimal(p, "threshold", 70);
        double hysteresis = decimal(p, "hysteresis", 5);
        if (hysteresis < 0) {
            throw new IllegalArgumentException("hysteresis: must be 0 or more, was " + hysteresis);
        }
        int interval = integer(p, "interval-seconds", 60);
        if (interval < 1) {
            throw new IllegalArgumentException("interval-seconds: must be at least 1, was " + interval);
        }
        String sensor = p.getProperty("sensor", ThermalZoneSensor.CPU_ZONE.toString()).strip();
        return new TelemetrySettings(port, smtp.build(), to, threshold, hysteresis, Duration.ofSeconds(interval),
                sensor.equalsIgnoreCase("simulated") ? null : Path.of(sensor),
                p.getProperty("unit-name", "uc15-pi").strip(), ZoneId.of(p.getProperty("zone", "UTC").strip()));
    }

    /** The sensor the settings name. */
    public TemperatureSensor openSensor() {
        return sensor == null ? new SimulatedSensor(System.nanoTime()) : new ThermalZoneSensor(sensor);
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(key + ": is required, was not set");
        }
        return v.strip();
    }

    private static int integer(Properties p, String key, int fallback) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": must be a whole number, was \"" + v.strip() + "\"");
        }
    }

    private static double decimal(Properties p, String key, double fallback) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": must be a number, was \"" + v.strip() + "\"");
        }
    }

    private static Security security(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "none" -> Security.NONE;
            case "ssl" -> Security.SSL;
            case "starttls" -> Security.STARTTLS;
            default -> throw new IllegalArgumentException("security: must be none, ssl or starttls, was \"" + v + "\"");
        };
    }
}
