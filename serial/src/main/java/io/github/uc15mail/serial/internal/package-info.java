/**
 * Implementation details of {@code io.github.uc15mail.serial}. Public only so that the API package can reach
 * them: nothing here is a supported API, and any of it may change in any release.
 */
package io.github.uc15mail.serial.internal;
