package io.github.uc15mail.gateway.internal.outbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The idempotency key of a message handed in through the front door or the Jakarta transport: its
 * Message-ID together with a SHA-256 digest of the envelope recipients and the message bytes. The same
 * message handed in again (a client's retry after a lost reply, or after a {@code 451} whose commit did
 * land) has the same key; a different message that reuses a Message-ID does not. A message without a
 * Message-ID has no key and is never deduplicated. The {@code Received:} header fields on top of the
 * message (the front door adds its own, different in each session) are left out of the digest.
 */
public final class IdempotencyKeys {

    private IdempotencyKeys() {}

    /** The key, or null when {@code messageId} is missing or blank. At most 200 characters. */
    public static String of(String messageId, List<String> envelope, byte[] raw) {
        if (messageId == null || messageId.isBlank()) {
            return null;
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
        String id = messageId.strip();
        sha.update(id.getBytes(StandardCharsets.UTF_8));
        for (String r : envelope) {
            sha.update((byte) 0);
            sha.update(r.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        }
        sha.update((byte) 1);
        int from = afterLeadingReceived(raw);
        sha.update(raw, from, raw.length - from);
        String digest = HexFormat.of().formatHex(sha.digest());
        String shownId = id.length() > 120 ? id.substring(0, 120) : id;
        return "mid:" + shownId + ":" + digest;
    }

    /** Where the message starts once the {@code Received:} fields at its top (with their folded lines) are skipped. */
    static int afterLeadingReceived(byte[] raw) {
        int pos = 0;
        while (startsWithIgnoreCase(raw, pos, "Received:")) {
            int next = pos;
            do {
                while (next < raw.length && raw[next] != '\n') {
                    next++;
                }
                next++;
            } while (next < raw.length && (raw[next] == ' ' || raw[next] == '\t'));
            pos = Math.min(next, raw.length);
        }
        return pos;
    }

    private static boolean startsWithIgnoreCase(byte[] raw, int pos, String prefix) {
        if (raw.length - pos < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase((char) raw[pos + i]) != Character.toLowerCase(prefix.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
