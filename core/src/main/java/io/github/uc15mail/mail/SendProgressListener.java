package io.github.uc15mail.mail;

/**
 * Follows a send. Called on the thread that runs it (the modem's worker for sendAsync): must be fast and
 * must not throw (what it throws is logged and ignored).
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

    /**
     * A last word before a send becomes irreversible. {@link #beforeSubmit()} is called on the thread that runs
     * the send once the email is composed in the modem, immediately before {@code AT+QSMTPPUT} is written; from that
     * command on, the server may receive the email whatever happens to the host or the link.
     *
     * <p>A store-and-forward queue uses it to record, durably, that the message is about to be submitted, so
     * that after a crash it can tell a message that never reached the modem's SMTP client (safe to send again)
     * from one that may have been delivered (never re-sent silently).
     *
     * <p>The call may block (a database commit, an fsync). If it throws, the send stops before
     * {@code AT+QSMTPPUT}: the modem's content is cleared, this send's files are deleted, and the send fails
     * with a {@link io.github.uc15mail.error.Uc15Exception} whose cause is what the gate threw. It is not called at all when the send
     * fails or is cancelled earlier, and it is called once per attempt when a {@link RetryPolicy} retries.
     */
    @FunctionalInterface
    public interface SubmitGate {

        /** A gate that lets every send through. */
        SubmitGate OPEN = () -> {};

        /** Called right before {@code AT+QSMTPPUT} is written; throw to stop the send. */
        void beforeSubmit();
    }
}
