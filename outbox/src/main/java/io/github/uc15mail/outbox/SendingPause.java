package io.github.uc15mail.outbox;

import java.time.Instant;

/**
 * Why a {@link Dispatcher} submits nothing: the SMTP server refused the account or the configuration
 * (authentication 535/677, 676, 655, TLS verification 665, 664 to a settings command). Every queued message
 * would be refused the same way, and each try would be one more failed login at the provider, so the
 * dispatcher stops submitting until {@link Dispatcher#resume()} (the configuration changed) or until a
 * probe (one message every {@link DispatcherOptions#accountProbe()}) is accepted. The modems stay healthy;
 * the messages stay QUEUED with the refusal on their attempt.
 *
 * @param reason the refusal in words, with the modem's code and the server's reply, such as
 *     {@code the SMTP server refused the account (authentication failed): 677 ... (SMTP 535)}
 * @param since when the first refusal of this pause came
 * @param nextProbe when one message will be tried again
 * @param refusals how many refusals this dispatcher has seen since it started (for a metric)
 */
public record SendingPause(String reason, Instant since, Instant nextProbe, long refusals) {}
