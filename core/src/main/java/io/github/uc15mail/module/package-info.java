/**
 * Which Quectel module is on the line and what it can do: {@link io.github.uc15mail.module.ModuleIdentity}
 * (from {@code ATI}), {@link io.github.uc15mail.module.SmtpCapabilities} (from {@code AT+QSMTPCFG=?}),
 * {@link io.github.uc15mail.module.SmtpCapabilities.SslCapabilities} (from {@code AT+QSSLCFG=?}) and the
 * {@link io.github.uc15mail.module.ModuleProfile} chosen from them, each limit marked probed, verified or
 * inferred. {@link io.github.uc15mail.at.ModuleProbe} runs the three commands and refuses a module without
 * the SMTP service with an {@link io.github.uc15mail.module.ModuleProfile.UnsupportedModuleException}. Sends run it in their
 * preflight through {@link io.github.uc15mail.Modem}, which keeps the profile
 * ({@link io.github.uc15mail.Modem#profile()}) until the module restarts.
 *
 * <p>The USB id of a serial port is only a hint (several modules share one, and it can be reconfigured):
 * {@code ATI} decides which module it is, and the SMTP test command decides whether it can send.
 *
 * <p>The facts behind the profiles, and how sure each one is, come from the project's references
 * {@code uc15-at-reference.md} and {@code quectel-smtp-family.md}. Only the testkit's emulations of the models have
 * exercised this code; no module has been tried on hardware.
 */
package io.github.uc15mail.module;
