/**
 * A UC15 modem emulator for tests ({@link io.github.uc15mail.testkit.Uc15Emulator}), its fault injection
 * ({@link io.github.uc15mail.testkit.Faults}), records of what it received and sent, a raw AT driver and a
 * JUnit 5 extension with an embedded SMTP server.
 */
package io.github.uc15mail.testkit;
