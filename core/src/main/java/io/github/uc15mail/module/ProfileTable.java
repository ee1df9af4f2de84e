package io.github.uc15mail.module;

import io.github.uc15mail.module.ModuleIdentity.ModuleFamily;
import io.github.uc15mail.module.ModuleLimit.AllowedValues;
import io.github.uc15mail.module.ModuleLimit.Provenance;
import io.github.uc15mail.module.ModuleLimit.Kind;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The limits of each family before probing, with their provenance, as {@code quectel-smtp-family.md}
 * (sections 2, 3 and 7) and {@code uc15-at-reference.md} state them. Probed values replace some of these in
 * {@link ModuleProfile#select}.
 */
final class ProfileTable {

    static final String UC15_MANUAL = "UC15 SMTP AT Commands Manual V1.0";
    static final String EC2X_MANUAL = "EC2x&EG9x&EM05 SMTP AT Commands Manual V1.0";
    static final String EG25G_CAPTURE = "captured EG25-G test-command output";
    static final String AG35_MANUAL = "AG35 SMTP AT Commands Manual V1.0";
    static final String AS_UC15 = "as the UC15: same command family, not seen for this model";
    static final String SIBLINGS = "TCP/IP manuals of sibling modules";

    private ProfileTable() {
    }

    static Map<Kind, ModuleLimit> defaults(ModuleFamily family) {
        Map<Kind, ModuleLimit> m = new EnumMap<>(Kind.class);
        // Start from the UC15 baseline, each fact as its manual gives it.
        put(m, Kind.RECIPIENTS, 1, 20, "To, Cc and Bcc together", Provenance.VERIFIED, UC15_MANUAL);
        put(m, Kind.SMTP_STRING_BYTES, 1, 50, "", Provenance.VERIFIED, UC15_MANUAL);
        put(m, Kind.SUBJECT_ASCII_CHARS, 0, 100, "", Provenance.VERIFIED, UC15_MANUAL);
        put(m, Kind.SUBJECT_HEX_DIGITS, 0, 200, "", Provenance.VERIFIED, UC15_MANUAL);
        put(m, Kind.BODY_BYTES, 1, 10240, "", Provenance.VERIFIED, UC15_MANUAL);
        put(m, Kind.CHARSETS, 0, 3, "ASCII, UTF-8, GB2312, BIG5", Provenance.VERIFIED, UC15_MANUAL);
        put(m, Kind.ATTACHMENTS, 1, 10, "", Provenance.VERIFIED, UC15_MANUAL);
        put(m, Kind.ATTACHMENT_NAME_BYTES, 1, 50, "", Provenance.VERIFIED, UC15_MANUAL);
        m.put(Kind.ATTACHMENT_BYTES, new ModuleLimit(Kind.ATTACHMENT_BYTES, Optional.empty(),
                "no fixed limit documented: bounded by free RAM (AT+QFLDS); error 662 when it does not fit",
                Provenance.INFERRED, UC15_MANUAL));
        m.put(Kind.FILE_STORAGE, new ModuleLimit(Kind.FILE_STORAGE, Optional.empty(),
                "RAM: (UFS without the prefix)", Provenance.VERIFIED, UC15_MANUAL));
        put(m, Kind.SEND_TIMEOUT_SECONDS, 60, 65535, "", Provenance.VERIFIED, UC15_MANUAL);
        put(m, Kind.BODY_INPUT_SECONDS, 1, 65535, "default 90", Provenance.VERIFIED, UC15_MANUAL);
        put(m, Kind.PDP_ACTIVATE_SECONDS, 1, 150, "", Provenance.INFERRED, SIBLINGS);
        put(m, Kind.CONTEXT_IDS, 1, 16, "", Provenance.VERIFIED, UC15_MANUAL);
        put(m, Kind.SSL_CONTEXT_IDS, 0, 5, "", Provenance.VERIFIED, UC15_MANUAL);
        put(m, Kind.SSL_TYPES, 0, 2, "0 none, 1 SSL/TLS, 2 STARTTLS", Provenance.VERIFIED, UC15_MANUAL);
        put(m, Kind.SSL_VERSIONS, 0, 4, "0 SSL3.0 … 3 TLS1.2, 4 all", Provenance.INFERRED, "UC20/EC2x SSL manuals");
        put(m, Kind.ERROR_CODES, 651, 682, "", Provenance.VERIFIED, UC15_MANUAL);
        switch (family) {
            case UC15:
                return m;
            case UC20:
                inferAll(m);
                m.put(Kind.FILE_STORAGE, with(m.get(Kind.FILE_STORAGE), Provenance.VERIFIED,
                        "public UC20 driver code attaches RAM: files"));
                return m;
            case EC2X:
                inferAll(m);
                for (Kind k : new Kind[] {Kind.BODY_BYTES, Kind.CHARSETS, Kind.BODY_INPUT_SECONDS}) {
                    m.put(k, with(m.get(k), Provenance.VERIFIED, EC2X_MANUAL));
                }
                for (Kind k : new Kind[] {Kind.CONTEXT_IDS, Kind.SSL_CONTEXT_IDS, Kind.SSL_TYPES, Kind.SSL_VERSIONS}) {
                    m.put(k, with(m.get(k), Provenance.VERIFIED, EG25G_CAPTURE));
                }
                m.put(Kind.FILE_STORAGE, with(m.get(Kind.FILE_STORAGE), Provenance.VERIFIED,
                        "public EC25/EG25-G driver code uploads to RAM:"));
                m.put(Kind.ERROR_CODES, with(m.get(Kind.ERROR_CODES), Provenance.INFERRED,
                        "as the UC15: the EC2x manual's SMTP reply table matches, its <err> numbers were not seen"));
                return m;
            case AG35:
                inferAll(m);
                m.put(Kind.SSL_TYPES, with(m.get(Kind.SSL_TYPES), Provenance.VERIFIED, AG35_MANUAL));
                return m;
            default:
                inferAll(m);
                return m;
        }
    }

    private static void put(Map<Kind, ModuleLimit> m, Kind kind, long min, long max, String note, Provenance p,
            String source) {
        m.put(kind, new ModuleLimit(kind, Optional.of(AllowedValues.between(min, max)), note, p, source));
    }

    /** Every limit becomes inferred from the UC15 (those already inferred keep their own source). */
    private static void inferAll(Map<Kind, ModuleLimit> m) {
        m.replaceAll((k, l) -> l.provenance() == Provenance.INFERRED ? l : with(l, Provenance.INFERRED, AS_UC15));
    }

    static ModuleLimit with(ModuleLimit l, Provenance p, String source) {
        return new ModuleLimit(l.kind(), l.values(), l.note(), p, source);
    }
}
