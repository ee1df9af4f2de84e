package io.github.uc15mail.error;

/**
 * A send refused its attachments before uploading any byte of them, because the modem's RAM file system
 * cannot take them: a file of the same name that this SDK did not upload is there (the SDK never deletes
 * such a file, and the email would show the name of the file it attaches, so it cannot pick another), or
 * the modem reports less free RAM than the attachments need. Nothing of the email was sent.
 *
 * <p>{@link #reason()} says which; the message names the file or the sizes. Not retryable as it stands;
 * another modem may take it ({@link #isModemFault()} is true unless the attachments exceed the modem's whole
 * RAM file system).
 */
public class AttachmentRefusedException extends Uc15Exception {

    /** Why the attachments were refused. */
    public enum Reason {
        /** {@code RAM:<name>} exists and has no marker of this SDK. */
        NAME_IN_USE,
        /** The attachments need more bytes than the modem's RAM file system has free. */
        NOT_ENOUGH_RAM,
        /** The attachments need more bytes than the modem's RAM file system holds at all. */
        TOO_BIG_FOR_RAM
    }

    private final Reason reason;

    public AttachmentRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
