package io.github.uc15mail.samples;

import java.util.Random;

/**
 * A CPU that warms and cools slowly around 55 °C, with a load spike now and then that crosses a 70 °C
 * threshold: for running the telemetry program on a machine without a thermal zone.
 */
public final class SimulatedSensor implements TemperatureSensor {

    private final Random random;
    private double celsius = 55;
    private int spikeLeft;

    public SimulatedSensor(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public double readCelsius() {
        if (spikeLeft == 0 && random.nextInt(20) == 0) {
            spikeLeft = 3 + random.nextInt(3);
        }
        double target = spikeLeft > 0 ? 76 : 55;
        if (spikeLeft > 0) {
            spikeLeft--;
        }
        celsius += (target - celsius) * 0.5 + random.nextGaussian() * 0.5;
        return Math.round(celsius * 10) / 10.0;
    }
}
