package io.github.uc15mail.outbox;

/**
 * The name and size of one attachment a message holds in the outbox, without its bytes.
 *
 * @param name the file name the email shows
 * @param size the attachment's size in bytes, as stored (before any encoding for the modem)
 */
public record StoredAttachment(String name, long size) {
}
