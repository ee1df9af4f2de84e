package io.github.uc15mail.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU temperature of a Raspberry Pi (or any Linux machine): {@code /sys/class/thermal/thermal_zone0/temp}
 * holds millidegrees Celsius as text, for example {@code 48312}.
 */
public final class ThermalZoneSensor implements TemperatureSensor {

    /** The Pi's CPU thermal zone. */
    public static final Path CPU_ZONE = Path.of("/sys/class/thermal/thermal_zone0/temp");

    private final Path file;

    public ThermalZoneSensor(Path file) {
        this.file = file;
    }

    @Override
    public double readCelsius() throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            return Integer.parseInt(text) / 1000.0;
        } catch (NumberFormatException e) {
            throw new IOException(file + ": expected millidegrees, found \"" + text + "\"", e);
        }
    }
}
