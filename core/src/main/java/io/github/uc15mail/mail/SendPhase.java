package io.github.uc15mail.mail;

/** The stages of a send, in order. */
public enum SendPhase {
    /**
     * Sync with the modem, echo off, error codes on, SIM and registration checked, the module identified
     * ({@code ATI}, {@code AT+QSMTPCFG=?}, and {@code AT+QSSLCFG=?} for SSL; once per module start).
     */
    PREFLIGHT,
    /** PDP context checked, configured and activated if needed. */
    NETWORK,
    /** SSL and SMTP settings written. */
    CONFIGURE,
    /** Attachments (and the CA certificate) uploaded to the modem's RAM. */
    UPLOAD,
    /** Recipients, subject, body and attachment list written. */
    COMPOSE,
    /** {@code AT+QSMTPPUT} written and its result awaited. */
    SMTP,
    /** Content cleared and uploaded files deleted, on success and on failure. */
    CLEANUP
}
