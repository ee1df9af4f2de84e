/**
 * Sample programs: {@link io.github.uc15mail.samples.SendWithApi} (the README's "API in ten lines") and
 * {@link io.github.uc15mail.samples.PiTelemetry}, a Raspberry Pi temperature monitor that emails alerts and
 * daily summaries.
 */
package io.github.uc15mail.samples;
