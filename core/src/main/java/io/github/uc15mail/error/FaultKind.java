package io.github.uc15mail.error;

/**
 * Whose trouble a failure is, which decides what a sender does next. Given by {@link Fault#of(Throwable) fault classifier}, the
 * one place in the SDK that makes this decision; the mailer's retries, a pool's choice of modem and the
 * outbox's verdicts all read it.
 */
public enum FaultKind {
    /**
     * The message's own: a recipient or content the server refused for good (5xx), an invalid draft, an
     * attachment too big for any modem. Sending the same message again fails again; nobody else is blamed.
     */
    MESSAGE,
    /**
     * The account's or the configuration's: authentication refused (535/677, 530/676), an authentication type
     * the module lacks (655), TLS verification failed (665), a setting the modem refused (664 to a settings
     * command). Every message would fail the same way until the configuration changes, and each try may count
     * against the account at the server: stop submitting, do not blame the modem.
     */
    ACCOUNT,
    /**
     * The network's or the server's, beyond the modem: DNS (653), TCP or transfer failures (654, 656), the
     * modem's SMTP timeout (658), a failed send (660), temporary replies of the server (4xx: 666-669).
     * Trying later may succeed.
     */
    NETWORK,
    /**
     * The modem's, its link's or its radio's: no SIM, no registration, no PDP context, a command that timed
     * out, a lost link, a restart, a {@code +CME ERROR}, a busy SMTP service (652), a deactivated PDP context
     * (657), its RAM file system (661-663). Another modem may succeed.
     */
    MODEM,
    /**
     * This host's: the caller's process, not anything on the line (an interruption, an unexpected exception,
     * a closed mailer). Nobody on the line is blamed.
     */
    HOST,
    /**
     * {@code AT+QSMTPPUT} was given and no result came back: the server may have the email. Never sent again
     * automatically, whatever else is known.
     */
    UNKNOWN_OUTCOME
}
