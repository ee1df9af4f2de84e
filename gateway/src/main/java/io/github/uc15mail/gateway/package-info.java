/**
 * The mail gateway: programs that speak SMTP or Jakarta Mail send through a UC15 modem unchanged.
 *
 * <ul>
 *   <li>{@link io.github.uc15mail.gateway.MimeConverter}: a MIME message to an {@link io.github.uc15mail.mail.EmailDraft}.</li>
 *   <li>{@link io.github.uc15mail.gateway.GatewayServer}: the SMTP front door, answering {@code 250} only
 *       after a {@link io.github.uc15mail.gateway.MailSink} stored the message.</li>
 *   <li>{@link io.github.uc15mail.gateway.Uc15Transport}: the Jakarta Mail transport for protocol {@code uc15}.</li>
 *   <li>{@link io.github.uc15mail.gateway.StatusServer}: the status page, {@code /health} and {@code /metrics}
 *       over a {@link io.github.uc15mail.gateway.QueueView}.</li>
 * </ul>
 * Implementation classes live under {@code io.github.uc15mail.gateway.internal} and are not API.
 */
package io.github.uc15mail.gateway;
