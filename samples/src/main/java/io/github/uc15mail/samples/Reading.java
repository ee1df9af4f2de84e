package io.github.uc15mail.samples;

import java.time.Instant;

/**
 * One temperature measurement.
 *
 * @param time when it was taken
 * @param celsius the temperature in degrees Celsius
 */
public record Reading(Instant time, double celsius) {}
