package io.github.uc15mail.module;

import io.github.uc15mail.module.SmtpCapabilities.SslCapabilities;
import io.github.uc15mail.module.ModuleIdentity.ModuleFamily;
import io.github.uc15mail.module.ModuleLimit.AllowedValues;
import io.github.uc15mail.module.ModuleLimit.Provenance;
import io.github.uc15mail.module.ModuleLimit.Kind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import io.github.uc15mail.error.Fault.FaultKind;
import io.github.uc15mail.error.Uc15Exception;

/**
 * What uc15mail knows about the module on the line: who it is, the SMTP settings and SSL options it
 * accepts, and its limits (recipients, subject, body, attachments, file storage, SSL, command timeouts),
 * each marked {@link Provenance#PROBED probed}, {@link Provenance#VERIFIED verified} or
 * {@link Provenance#INFERRED inferred}.
 *
 * <p>Choose one with {@link #select}; {@link io.github.uc15mail.at.ModuleProbe} does it from a live module. The limits start from
 * the family's table in the project's reference ({@code quectel-smtp-family.md}); the ranges the module
 * printed for {@code "contextid"}, {@code "sslctxid"}, {@code "ssltype"} and {@code "sslversion"} replace
 * the table's and are marked probed.
 *
 * <p>Guarantees: a profile exists only for a module whose {@code AT+QSMTPCFG=?} lists the settings a send
 * needs; {@link #toString()} and {@link #description()} mark every inferred limit as such. Does not
 * guarantee that an inferred limit holds: for every model but the UC15 most limits are carried over from
 * the UC15 manual and have not been tried on hardware by this project. Immutable and thread-safe.
 */
public final class ModuleProfile {

    /** Where attachment files are kept before a send. */
    public enum FileStorage {
        /** The module's RAM file system ({@code RAM:} prefix): what the vendor recommends and uc15mail uses. */
        RAM("RAM:"),
        /** The module's flash file system (no prefix, listed as {@code UFS:}). */
        UFS("UFS:");

        private final String prefix;

        FileStorage(String prefix) {
            this.prefix = prefix;
        }

        /** The file-name prefix, {@code RAM:} or {@code UFS:}. */
        public String prefix() {
            return prefix;
        }
    }

    private final ModuleIdentity identity;
    private final ModuleFamily family;
    private final SmtpCapabilities smtp;
    private final SslCapabilities ssl;
    private final Map<Kind, ModuleLimit> limits;

    private ModuleProfile(ModuleIdentity identity, ModuleFamily family, SmtpCapabilities smtp, SslCapabilities ssl,
            Map<Kind, ModuleLimit> limits) {
        this.identity = identity;
        this.family = family;
        this.smtp = smtp;
        this.ssl = ssl;
        this.limits = limits;
    }

    /**
     * Chooses the profile for a module from its identity and what it answered to the test commands.
     *
     * @param identity who the module is ({@code ATI})
     * @param smtp     its answer to {@code AT+QSMTPCFG=?}
     * @param ssl      its answer to {@code AT+QSSLCFG=?}, when that was asked
     * @throws UnsupportedModuleException for a GSM M-series module (another command set), or when the answer
     *                                    lacks the settings a send needs ({@code "account"}, {@code "sender"},
     *                                    {@code "smtpserver"})
     */
    public static ModuleProfile select(ModuleIdentity identity, SmtpCapabilities smtp, Optional<SslCapabilities> ssl) {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(ssl, "ssl");
        ModuleFamily family = identity.family();
        if (family == ModuleFamily.GSM_M_SERIES) {
            throw UnsupportedModuleException.otherCommandSet(identity);
        }
        List<String> missing = smtp.missingRequired();
        if (missing.size() == SmtpCapabilities.REQUIRED.size()) {
            throw UnsupportedModuleException.noSmtpService(identity,
                    "its answer to AT+QSMTPCFG=? lists none of the settings account, sender, smtpserver", null);
        }
        if (!missing.isEmpty()) {
            throw UnsupportedModuleException.missingSetting(identity, missing);
        }
        Map<Kind, ModuleLimit> limits = new EnumMap<>(ProfileTable.defaults(family));
        probed(limits, Kind.CONTEXT_IDS, smtp.contextIds(), "AT+QSMTPCFG=?");
        probed(limits, Kind.SSL_CONTEXT_IDS, smtp.sslContextIds(), "AT+QSMTPCFG=?");
        probed(limits, Kind.SSL_TYPES, smtp.sslTypes(), "AT+QSMTPCFG=?");
        ssl.ifPresent(s -> probed(limits, Kind.SSL_VERSIONS, s.sslVersions(), "AT+QSSLCFG=?"));
        return new ModuleProfile(identity, family, smtp, ssl.orElse(null), limits);
    }

    private static void probed(Map<Kind, ModuleLimit> limits, Kind kind, Optional<AllowedValues> values, String source) {
        values.ifPresent(v -> {
            ModuleLimit old = limits.get(kind);
            limits.put(kind, new ModuleLimit(kind, Optional.of(v), old.note(), Provenance.PROBED, source));
        });
    }

    /** Who the module said it is. */
    public ModuleIdentity identity() {
        return identity;
    }

    /** The family the limits were taken from. */
    public ModuleFamily family() {
        return family;
    }

    /** The SMTP settings the module listed. */
    public SmtpCapabilities smtp() {
        return smtp;
    }

    /** The SSL options the module listed, when {@code AT+QSSLCFG=?} was asked. */
    public Optional<SslCapabilities> ssl() {
        return Optional.ofNullable(ssl);
    }

    /** Every limit, in {@link Kind} order. */
    public List<ModuleLimit> limits() {
        return List.copyOf(limits.values());
    }

    /** One limit. */
    public ModuleLimit limit(Kind kind) {
        return limits.get(Objects.requireNonNull(kind, "kind"));
    }

    /** The limits that are inferred rather than probed or verified. */
    public List<ModuleLimit> inferred() {
        return limits.values().stream().filter(l -> l.provenance() == Provenance.INFERRED).toList();
    }

    /** Most recipients of one email. */
    public int maxRecipients() {
        return (int) max(Kind.RECIPIENTS);
    }

    /** Most bytes of the body. */
    public int maxBodyBytes() {
        return (int) max(Kind.BODY_BYTES);
    }

    /** Most characters of an ASCII subject. */
    public int maxSubjectAsciiChars() {
        return (int) max(Kind.SUBJECT_ASCII_CHARS);
    }

    /** Most attachments of one email. */
    public int maxAttachments() {
        return (int) max(Kind.ATTACHMENTS);
    }

    /** Where attachments go: {@link FileStorage#RAM} for every supported module. */
    public FileStorage fileStorage() {
        return FileStorage.RAM;
    }

    /** Whether {@code AT+QSMTPCFG} takes {@code "bodyoriginal"} here (probed; its meaning is undocumented). */
    public boolean hasBodyOriginal() {
        return smtp.hasBodyOriginal();
    }

    /** Whether the module can send over TLS: it lists {@code "ssltype"} with a value above 0. */
    public boolean supportsTls() {
        return limit(Kind.SSL_TYPES).max().orElse(0L) > 0 && smtp.supports("ssltype");
    }

    private long max(Kind kind) {
        return limits.get(kind).max().orElseThrow();
    }

    /**
     * Several lines for {@code probe} output: the module, the family, the probed settings, then one line per
     * limit with its provenance and source.
     */
    public String description() {
        StringBuilder sb = new StringBuilder();
        sb.append("module: ").append(identity).append(", family ").append(family.label()).append('\n');
        sb.append("AT+QSMTPCFG=? settings: ").append(smtp).append('\n');
        if (ssl != null) {
            sb.append("AT+QSSLCFG=? options: ").append(ssl).append('\n');
        }
        for (ModuleLimit l : limits.values()) {
            sb.append("  ").append(l);
            if (!l.source().isEmpty()) {
                sb.append(" (").append(l.source()).append(')');
            }
            sb.append('\n');
        }
        long inferred = inferred().size();
        sb.append(inferred == 0 ? "no limit is inferred" : inferred + " of " + limits.size()
                + " limits are inferred from sibling modules, not seen for this model");
        return sb.toString();
    }

    /**
     * One line, for example {@code EC25 (revision EC25EFAR06A03M4G), family EC2x/EG2x/EG9x/EM05: recipients
     * 1-20 [inferred], body bytes 1-10240 [verified], …}.
     */
    @Override
    public String toString() {
        String shown = List.of(Kind.RECIPIENTS, Kind.SUBJECT_ASCII_CHARS, Kind.BODY_BYTES, Kind.ATTACHMENTS,
                Kind.FILE_STORAGE, Kind.SSL_TYPES, Kind.SEND_TIMEOUT_SECONDS).stream()
                .map(k -> limits.get(k).toString())
                .collect(Collectors.joining(", "));
        return identity + ", family " + family.label() + ": " + shown
                + (hasBodyOriginal() ? ", bodyoriginal [probed]" : "")
                + "; " + inferred().size() + " of " + limits.size() + " limits inferred";
    }

    /**
     * The module on the line cannot send mail the way uc15mail drives it: it has no SMTP service of the
     * {@code AT+QSMTPCFG} kind (BG95 and BG96 answer {@code ERROR} to {@code AT+QSMTPCFG=?}), it uses the GSM
     * M-series' other command set, or it lacks a setting or SSL support the send needs. Raised when the module
     * is identified, before anything is configured on it.
     *
     * <p>The message is one line naming the module and its revision, for example: {@code BG95-M3 (revision
     * BG95M3LAR02A03) has no SMTP service of the AT+QSMTP kind (it answered ERROR to AT+QSMTPCFG=?); uc15mail
     * needs UC15, UC20, EC21, EC25, EG21-G, EG25-G, EG91, EG95, EM05 or AG35.} Never retryable: trying again
     * with the same module gives the same answer.
     */
    public static class UnsupportedModuleException extends Uc15Exception {

        /** The modules uc15mail can drive, as the message names them. */
        public static final String SUPPORTED_MODULES = "UC15, UC20, EC21, EC25, EG21-G, EG25-G, EG91, EG95, EM05 or AG35";

        /** Why the module was refused. */
        public enum Reason {
            /** {@code AT+QSMTPCFG=?} was refused, or listed none of the settings a send needs. */
            NO_SMTP_SERVICE,
            /** A GSM M-series module: SMTP with another command set ({@code AT+QSMTPUSER}, …). */
            OTHER_COMMAND_SET,
            /** The SMTP service lacks a setting the send needs (named in the message). */
            MISSING_SETTING,
            /** SSL was asked for and the module has no usable SSL configuration. */
            NO_SSL
        }

        private final transient ModuleIdentity identity;
        private final Reason reason;

        /**
         * @param identity who the module said it is
         * @param reason   why it is refused
         * @param why      the rest of the message, after the module's name, such as "has no SMTP service …"
         * @param cause    the modem's refusal, if any
         */
        public UnsupportedModuleException(ModuleIdentity identity, Reason reason, String why, Throwable cause) {
            super(identity + " " + why, cause, FaultKind.MODEM);
            this.identity = Objects.requireNonNull(identity, "identity");
            this.reason = Objects.requireNonNull(reason, "reason");
        }

        /** A module that answered {@code detail} (for example "ERROR") to {@code AT+QSMTPCFG=?}. */
        public static UnsupportedModuleException noSmtpService(ModuleIdentity identity, String detail, Throwable cause) {
            return new UnsupportedModuleException(identity, Reason.NO_SMTP_SERVICE,
                    "has no SMTP service of the AT+QSMTP kind (" + detail + "); uc15mail needs " + SUPPORTED_MODULES + ".",
                    cause);
        }

        /** A GSM M-series module. */
        public static UnsupportedModuleException otherCommandSet(ModuleIdentity identity) {
            return new UnsupportedModuleException(identity, Reason.OTHER_COMMAND_SET,
                    "is a GSM M-series module: its SMTP service uses another command set (AT+QSMTPUSER, AT+QSMTPSRV, …)"
                            + " that uc15mail does not drive; uc15mail needs " + SUPPORTED_MODULES + ".", null);
        }

        /** A module whose {@code AT+QSMTPCFG=?} answer lacks settings a send needs. */
        public static UnsupportedModuleException missingSetting(ModuleIdentity identity, List<String> names) {
            return new UnsupportedModuleException(identity, Reason.MISSING_SETTING,
                    "does not list " + String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList())
                            + " in its answer to AT+QSMTPCFG=?, which uc15mail needs to send; check its firmware.", null);
        }

        /** SSL was asked for and the module cannot do it; {@code detail} says what was seen. */
        public static UnsupportedModuleException noSsl(ModuleIdentity identity, String detail, Throwable cause) {
            return new UnsupportedModuleException(identity, Reason.NO_SSL,
                    "cannot send over SSL/TLS (" + detail + "); update its firmware or use another module.", cause);
        }

        /** Who the module said it is. */
        public ModuleIdentity identity() {
            return identity;
        }

        /** Why it was refused. */
        public Reason reason() {
            return reason;
        }
    }
}
