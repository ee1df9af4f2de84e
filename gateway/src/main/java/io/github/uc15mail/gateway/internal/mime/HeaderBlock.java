package io.github.uc15mail.gateway.internal.mime;

import java.io.ByteArrayOutputStream;

/**
 * Finds where a raw message's header block really ends. A line that is neither a header field
 * ({@code Name: value}) nor its continuation (starting with a space or tab) starts the body, so a message
 * sent without headers, or with headers a relay added in front of plain text, keeps its text.
 */
public final class HeaderBlock {

    private HeaderBlock() {}

    /** The message with an empty line put before the first line that cannot be a header, when there is one. */
    public static byte[] closeBeforeText(byte[] raw) {
        int pos = 0;
        boolean first = true;
        while (pos < raw.length) {
            int end = pos;
            while (end < raw.length && raw[end] != '\n') {
                end++;
            }
            int lineEnd = end > pos && raw[end - 1] == '\r' ? end - 1 : end;
            if (lineEnd == pos) {
                return raw; // the header block ends with an empty line
            }
            boolean continuation = !first && (raw[pos] == ' ' || raw[pos] == '\t');
            if (!continuation && !isField(raw, pos, lineEnd)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 2);
                out.write(raw, 0, pos);
                out.write('\r');
                out.write('\n');
                out.write(raw, pos, raw.length - pos);
                return out.toByteArray();
            }
            first = false;
            pos = end + 1;
        }
        return raw;
    }

    /** RFC 5322 2.2: a field name of printable ASCII but colon, then a colon. */
    private static boolean isField(byte[] raw, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = raw[i];
            if (b == ':') {
                return i > from;
            }
            if (b < 33 || b > 126) {
                return false;
            }
        }
        return false;
    }
}
