package io.github.uc15mail.samples;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.SendReceipt;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.serial.SerialTransport;
import io.github.uc15mail.transport.Transport.SocketTransport;
import io.github.uc15mail.transport.Transport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Raspberry Pi telemetry program: reads the CPU temperature every interval, emails an alert with the
 * day's readings as CSV when it crosses the threshold, and a summary of each day after midnight.
 *
 * <pre>
 * SMTP_PASSWORD=... java -cp samples/target/uc15mail.jar io.github.uc15mail.samples.PiTelemetry telemetry.properties
 * </pre>
 * See {@link TelemetrySettings} for the file. The decisions live in {@link TemperatureWatch}; this class
 * only reads, decides and sends. A failed send is logged and the program goes on: the next alert or
 * summary tries again.
 */
public final class PiTelemetry {

    private static final Logger log = LoggerFactory.getLogger(PiTelemetry.class);

    private final TemperatureSensor sensor;
    private final TemperatureWatch watch;
    private final ModemMailer mailer;
    private final Clock clock;

    public PiTelemetry(TemperatureSensor sensor, TemperatureWatch watch, ModemMailer mailer, Clock clock) {
        this.sensor = sensor;
        this.watch = watch;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** Takes one reading and sends what it calls for; returns how many emails were sent. */
    public int tick() {
        Reading reading;
        try {
            reading = new Reading(Instant.now(clock), sensor.readCelsius());
        } catch (IOException e) {
            log.warn("could not read the temperature: {}", e.getMessage());
            return 0;
        }
        int sent = 0;
        for (EmailDraft draft : watch.onReading(reading)) {
            try {
                SendReceipt receipt = mailer.send(draft);
                log.info("sent \"{}\" to {} recipient(s)", draft.subject(), receipt.recipients());
                sent++;
            } catch (Uc15Exception e) {
                log.warn("could not send \"{}\": {}", draft.subject(), e.getMessage());
            }
        }
        return sent;
    }

    /** Ticks every interval until the thread is interrupted. */
    public void run(java.time.Duration interval) throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            tick();
            Thread.sleep(interval.toMillis());
        }
    }

    static Transport transport(String port) {
        if (port.startsWith("tcp:")) {
            int colon = port.lastIndexOf(':');
            return new SocketTransport(port.substring(4, colon), Integer.parseInt(port.substring(colon + 1)));
        }
        return new SerialTransport(port);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: PiTelemetry <telemetry.properties>");
            System.exit(2);
        }
        TelemetrySettings settings;
        try {
            settings = TelemetrySettings.load(Path.of(args[0]), System::getenv);
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("telemetry: " + e.getMessage());
            System.exit(2);
            return;
        }
        TemperatureWatch watch = new TemperatureWatch(settings.threshold(), settings.hysteresis(), settings.zone(),
                settings.unitName(), settings.recipients());
        try (ModemMailer mailer = ModemMailer.open(transport(settings.port()), settings.smtp())) {
            System.out.println("watching " + (settings.sensor() == null ? "a simulated sensor" : settings.sensor())
                    + " every " + settings.interval().toSeconds() + " s; alert at " + settings.threshold() + " C");
            new PiTelemetry(settings.openSensor(), watch, mailer, Clock.systemUTC()).run(settings.interval());
        }
    }
}
