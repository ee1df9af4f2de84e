package io.github.uc15mail.gateway.internal.mime;

import io.github.uc15mail.mail.EmailDraft;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the file names in a message into names the modem can store in RAM: printable ASCII of letters,
 * digits, {@code . _ -} only (accents dropped, anything else becomes {@code _}), at most
 * {@link EmailDraft#ATTACHMENT_NAME_MAX} bytes with the extension kept, unique within one message ignoring
 * case ({@code report.pdf}, {@code report-2.pdf}), and never starting with {@code uc15mail-} (the SDK's own
 * RAM files use that prefix). One instance per message; not thread-safe.
 */
public final class AttachmentNames {

    static final int MAX = EmailDraft.ATTACHMENT_NAME_MAX;
    private static final int EXTENSION_MAX = 10;
    private static final String RESERVED_PREFIX = "uc15mail-";
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("text/plain", ".txt"), Map.entry("text/html", ".html"), Map.entry("text/csv", ".csv"),
            Map.entry("text/calendar", ".ics"), Map.entry("image/png", ".png"), Map.entry("image/jpeg", ".jpg"),
            Map.entry("image/gif", ".gif"), Map.entry("application/pdf", ".pdf"), Map.entry("application/zip", ".zip"),
            Map.entry("application/json", ".json"), Map.entry("application/xml", ".xml"), Map.entry("text/xml", ".xml"),
            Map.entry("message/rfc822", ".eml"), Map.entry("application/pgp-signature", ".asc"));

    private final Set<String> taken = new HashSet<>();
    private int unnamed;

    /**
     * A safe, unique name for a part named {@code proposed} (may be null or blank) of MIME type
     * {@code mimeType} (lower case, without parameters; may be null). The name is taken.
     */
    public String add(String proposed, String mimeType) {
        String base = proposed == null ? "" : stripPath(proposed.strip());
        String safe = AsciiText.fold(base, AttachmentNames::allowed, '_');
        safe = trimEdges(safe);
        if (safe.isEmpty() || safe.chars().allMatch(c -> c == '_' || c == '.')) {
            unnamed++;
            safe = "attachment-" + unnamed + extensionFor(mimeType);
        }
        if (safe.regionMatches(true, 0, RESERVED_PREFIX, 0, RESERVED_PREFIX.length())) {
            safe = "file-" + safe;
        }
        String extension = extensionOf(safe);
        String stem = safe.substring(0, safe.length() - extension.length());
        String candidate = fit(stem, "", extension);
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = fit(stem, "-" + n, extension);
        }
        return candidate;
    }

    private static boolean allowed(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_';
    }

    /** Clients on Windows sometimes send the whole path. */
    private static String stripPath(String name) {
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return cut >= 0 ? name.substring(cut + 1) : name;
    }

    /** No leading dots (hidden files) or underscores from replaced characters, no trailing ones. */
    private static String trimEdges(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '.' || s.charAt(start) == '_' || s.charAt(start) == '-')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == '_')) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String extensionOf(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || name.length() - dot > EXTENSION_MAX) {
            return "";
        }
        return name.substring(dot);
    }

    static String extensionFor(String mimeType) {
        if (mimeType == null) {
            return ".bin";
        }
        return EXTENSIONS.getOrDefault(mimeType.toLowerCase(Locale.ROOT), ".bin");
    }

    private static String fit(String stem, String suffix, String extension) {
        int room = MAX - suffix.length() - extension.length();
        String s = stem.length() > room ? stem.substring(0, room) : stem;
        return s + suffix + extension;
    }
}
