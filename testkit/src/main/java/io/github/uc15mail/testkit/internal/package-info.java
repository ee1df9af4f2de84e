/**
 * Implementation of the emulator. Public only for technical reasons: nothing here is API, and any of it
 * may change or disappear without notice. Use the types in {@code io.github.uc15mail.testkit}.
 */
package io.github.uc15mail.testkit.internal;
