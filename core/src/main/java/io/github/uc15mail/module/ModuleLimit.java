package io.github.uc15mail.module;

import java.util.Objects;
import java.util.Optional;

/**
 * One limit of a module, with how sure uc15mail is of it and where it comes from.
 *
 * <p>Guarantees: {@link #provenance()} is never stronger than the evidence in the project's reference; a
 * limit no source states has no {@link #values()} and says why in {@link #note()}. Does not guarantee the
 * module enforces the limit the same way on every firmware.
 *
 * @param kind       which limit
 * @param values     the allowed numbers (a count or size as {@code 1..max}), empty when not numeric or not known
 * @param note       what the numbers mean, or why there are none (for example "RAM: files")
 * @param provenance probed, verified or inferred
 * @param source     where the value comes from, in a few words (a manual's name, "AT+QSMTPCFG=?")
 */
public record ModuleLimit(Kind kind, Optional<AllowedValues> values, String note, Provenance provenance, String source) {

    /** The limits a profile carries. */
    public enum Kind {
        /** Recipients (To, Cc and Bcc together) of one email. */
        RECIPIENTS("recipients"),
        /** Bytes of one recipient address, and of the other SMTP string settings (user, sender, server). */
        SMTP_STRING_BYTES("address/setting bytes"),
        /** Characters of an ASCII subject ({@code AT+QSMTPSUB=0}). */
        SUBJECT_ASCII_CHARS("subject ASCII chars"),
        /** Hex digits of a non-ASCII subject (two per byte). */
        SUBJECT_HEX_DIGITS("subject hex digits"),
        /** Bytes of the body ({@code AT+QSMTPBODY}). */
        BODY_BYTES("body bytes"),
        /** Body and subject charsets: 0 ASCII, 1 UTF-8, 2 GB2312, 3 BIG5. */
        CHARSETS("charsets"),
        /** Attachments of one email ({@code AT+QSMTPATT} index). */
        ATTACHMENTS("attachments"),
        /** Bytes of an attachment's file name, prefix included. */
        ATTACHMENT_NAME_BYTES("attachment name bytes"),
        /** Bytes of one attachment. */
        ATTACHMENT_BYTES("attachment bytes"),
        /** Where attachments are stored before the send. */
        FILE_STORAGE("file storage"),
        /** Seconds {@code AT+QSMTPPUT=<timeout>} takes. */
        SEND_TIMEOUT_SECONDS("send timeout s"),
        /** Seconds of {@code AT+QSMTPBODY}'s input time. */
        BODY_INPUT_SECONDS("body input time s"),
        /** Seconds the module may take to activate a PDP context ({@code AT+QIACT}). */
        PDP_ACTIVATE_SECONDS("PDP activation s"),
        /** PDP context ids {@code "contextid"} takes. */
        CONTEXT_IDS("contextid"),
        /** SSL context ids {@code "sslctxid"} takes. */
        SSL_CONTEXT_IDS("sslctxid"),
        /** SSL types {@code "ssltype"} takes: 0 none, 1 SSL/TLS, 2 STARTTLS. */
        SSL_TYPES("ssltype"),
        /** {@code AT+QSSLCFG="sslversion"} values. */
        SSL_VERSIONS("sslversion"),
        /** The module's SMTP error codes ({@code <err>} of {@code +CME ERROR} and {@code +QSMTPPUT}). */
        ERROR_CODES("error codes");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** A short name for descriptions. */
        public String label() {
            return label;
        }
    }

    public ModuleLimit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(values, "values");
        note = Objects.requireNonNullElse(note, "");
        Objects.requireNonNull(provenance, "provenance");
        source = Objects.requireNonNullElse(source, "");
    }

    /** The largest allowed number, when known. */
    public Optional<Long> max() {
        return values.map(AllowedValues::max);
    }

    /**
     * For example {@code recipients 1-20 [inferred]} or {@code file storage RAM: (else UFS) [verified]}.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(kind.label());
        values.ifPresent(v -> sb.append(' ').append(v));
        if (!note.isEmpty()) {
            sb.append(" ").append(note);
        }
        return sb.append(" [").append(provenance.label()).append(']').toString();
    }
}
