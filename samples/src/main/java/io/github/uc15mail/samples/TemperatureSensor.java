package io.github.uc15mail.samples;

import java.io.IOException;

/** Where temperatures come from: the Pi's thermal zone, or a simulation elsewhere. */
public interface TemperatureSensor {

    /** The current temperature in degrees Celsius. */
    double readCelsius() throws IOException;
}
