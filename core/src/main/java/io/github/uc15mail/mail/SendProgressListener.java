package io.github.uc15mail.mail;

/**
 * Follows a send. Called on the mailer's thread: must be fast and must not throw (what it throws is
 * logged and ignored).
 */
public interface SendProgressListener {

    /** A phase begins. */
    default void onPhase(SendPhase phase) {}

    /**
     * Bytes of one item written to the modem so far.
     *
     * @param item an attachment's name, or {@code "body"}
     * @param written bytes written so far
     * @param total the item's size
     */
    default void onBytes(String item, long written, long total) {}

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
}
