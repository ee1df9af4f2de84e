package io.github.uc15mail.cli;

import io.github.uc15mail.mail.Apn;
import io.github.uc15mail.mail.Attachment;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.error.InvalidDraftException;
import io.github.uc15mail.mail.EmailDraft.MailCharset;
import io.github.uc15mail.mail.Security;
import io.github.uc15mail.mail.SmtpConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The settings of one send, merged from the flags and the {@code --config} file (flags win) and checked
 * completely before any port is opened: a problem ends with exit code 2 and one line naming the field,
 * the limit and the value. Secrets are read from the environment here and kept only in the
 * {@link SmtpConfig} and the {@link SecretMasker}.
 */
public final class SendSettings {

    /** The keys a {@code --config} file may hold: the flag names without {@code --}. */
    public static final Set<String> CONFIG_KEYS = Set.of("port", "baud", "server", "server-port", "security",
            "ssl-context", "context-id", "apn", "apn-user", "apn-password-env", "user", "password-env", "from",
            "from-name", "to", "cc", "bcc", "subject", "body", "body-file", "charset", "attach", "timeout", "verbose",
            CaCertOption.CONFIG_KEY, "body-overflow-attachment", "allow-empty");

    private final ModemAddress address;
    private final int baud;
    private final SmtpConfig config;
    private final EmailDraft draft;
    private final boolean verbose;
    private final SecretMasker masker;

    private SendSettings(ModemAddress address, int baud, SmtpConfig config, EmailDraft draft, boolean verbose,
            SecretMasker masker) {
        this.address = address;
        this.baud = baud;
        this.config = config;
        this.draft = draft;
        this.verbose = verbose;
        this.masker = masker;
    }

    /**
     * Merges and checks everything.
     *
     * @throws CliFailure with {@link ExitCodes#BAD_INPUT} for the first problem found
     */
    public static SendSettings resolve(SendOptions flags, Function<String, String> env) {
        return resolve(flags, env, true, true, Set.of());
    }

    /**
     * The SMTP settings only, for a command that sends queued mail through modems it names itself
     * ({@code gateway}): the port and the content flags are not read ({@link #address()} and
     * {@link #draft()} are null).
     *
     * @throws CliFailure with {@link ExitCodes#BAD_INPUT} for the first problem found
     */
    public static SendSettings resolveSmtp(SendOptions flags, Function<String, String> env) {
        return resolve(flags, env, false, false, Set.of());
    }

    /** As {@link #resolveSmtp(SendOptions, Function)}, with {@code moreKeys} also allowed in the config file. */
    static SendSettings resolveSmtp(SendOptions flags, Function<String, String> env, Set<String> moreKeys) {
        return resolve(flags, env, false, false, moreKeys);
    }

    /**
     * Reads a {@code --config} file whose keys are the send keys or {@code moreKeys}.
     *
     * @throws CliFailure with {@link ExitCodes#BAD_INPUT} for an unreadable file or an unknown key
     */
    static Properties loadConfig(Path file, Set<String> moreKeys) {
        return load(file, moreKeys);
    }

    /**
     * The email only, from the content flags and the {@code --config} file, checked as {@code send} checks
     * it ({@code queue}): no port, server or password is needed or read.
     *
     * @throws CliFailure with {@link ExitCodes#BAD_INPUT} for the first problem found
     */
    public static EmailDraft resolveDraft(SendOptions flags) {
        return resolveDraft(flags, null);
    }

    /** As {@link #resolveDraft(SendOptions)}, the draft carrying {@code senderName} (null: none) as its own. */
    public static EmailDraft resolveDraft(SendOptions flags, String senderName) {
        refuseSecretsOnCommandLine(flags);
        Properties file = flags.run.config == null ? new Properties() : load(flags.run.config, Set.of());
        return draft(new Merged(file), flags, senderName);
    }

    /** Passwords given as values on the command line are refused (every user of the machine can see them). */
    private static void refuseSecretsOnCommandLine(SendOptions flags) {
        if (flags.account.passwordOnCommandLine != null) {
            throw CliFailure.badInput("password: is not accepted on the command line (other users can see it); "
                    + "put it in an environment variable and name that with --password-env VAR");
        }
        if (flags.link.apnPasswordOnCommandLine != null) {
            throw CliFailure.badInput("apn-password: is not accepted on the command line (other users can see it); "
                    + "put it in an environment variable and name that with --apn-password-env VAR");
        }
    }

    private static SendSettings resolve(SendOptions flags, Function<String, String> env, boolean withPort,
            boolean withDraft, Set<String> moreKeys) {
        refuseSecretsOnCommandLine(flags);
        Properties file = flags.run.config == null ? new Properties() : load(flags.run.config, moreKeys);
        Merged m = new Merged(file);

        ModemAddress address = withPort ? ModemAddress.parse(m.text("port", flags.portFlag.port)) : null;
        int baud = m.integer("baud", flags.link.baud, 115_200);
        if (baud < 1) {
            throw CliFailure.badInput("baud: must be positive, was " + baud);
        }
        boolean verbose = flags.run.verbose || Boolean.parseBoolean(m.text("verbose", null));

        SecretMasker masker = new SecretMasker();
        String user = m.text("user", flags.account.user);
        String passwordEnv = m.text("password-env", flags.account.passwordEnv);
        String password = "";
        if (user != null && !user.isEmpty()) {
            if (passwordEnv == null || passwordEnv.isEmpty()) {
                throw CliFailure.badInput("password-env: is required when user is set (name the environment variable "
                        + "that holds the SMTP password), was not given");
            }
            password = secretFromEnv("password-env", passwordEnv, env);
        } else if (passwordEnv != null) {
            throw CliFailure.badInput("user: is required when password-env is set, was not given");
        }
        masker.add(password);

        Security security = security(m.text("security", flags.account.security));
        SmtpConfig.Builder config = SmtpConfig.builder()
                .server(m.text("server", flags.account.server), m.integer("server-port", flags.account.serverPort, 0))
                .security(security)
                .sslContextId(m.integer("ssl-context", flags.link.sslContext, 1))
                .contextId(m.integer("context-id", flags.link.contextId, 1))
                .account(user == null ? "" : user, password)
                .sender(orEmpty(m.text("from-name", flags.account.fromName)), m.text("from", flags.account.from))
                .sendTimeoutSeconds(m.integer("timeout", flags.link.timeout, 300));
        String apnName = m.text("apn", flags.link.apn);
        String apnUser = m.text("apn-user", flags.link.apnUser);
        String apnPasswordEnv = m.text("apn-password-env", flags.link.apnPasswordEnv);
        if (apnName != null) {
            String apnPassword = apnPasswordEnv == null ? "" : secretFromEnv("apn-password-env", apnPasswordEnv, env);
            masker.add(apnPassword);
            try {
                config.apn(apnUser == null && apnPassword.isEmpty() ? Apn.of(apnName)
                        : Apn.of(apnName, orEmpty(apnUser), apnPassword));
            } catch (IllegalArgumentException e) {
                throw CliFailure.badInput(e.getMessage());
            }
        } else if (apnUser != null || apnPasswordEnv != null) {
            throw CliFailure.badInput("apn: is required when apn-user or apn-password-env is set, was not given");
        }
        Path caCert = flags.account.caCert.path();
        String caCertFromFile = m.text(CaCertOption.CONFIG_KEY, null);
        CaCertOption.apply(caCert != null ? caCert : caCertFromFile == null ? null : Path.of(caCertFromFile), security,
                config);
        SmtpConfig smtpConfig;
        try {
            smtpConfig = config.build();
        } catch (IllegalArgumentException e) {
            throw CliFailure.badInput(e.getMessage());
        }

        EmailDraft draft = withDraft ? draft(m, flags, null) : null;
        return new SendSettings(address, baud, smtpConfig, draft, verbose, masker);
    }

    private static EmailDraft draft(Merged m, SendOptions flags, String senderName) {
        List<String> to = m.list("to", flags.content.to);
        List<String> cc = m.list("cc", flags.content.cc);
        List<String> bcc = m.list("bcc", flags.content.bcc);
        if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
            throw CliFailure.badInput("to: at least 1 recipient is required (--to, --cc or --bcc), was none");
        }
        String body = m.text("body", flags.content.body);
        String bodyFile = m.text("body-file", flags.content.bodyFile == null ? null : flags.content.bodyFile.toString());
        if (body != null && bodyFile != null) {
            throw CliFailure.badInput("body: give either body or body-file, was both");
        }
        if (bodyFile != null) {
            body = readBody(Path.of(bodyFile));
        }
        String subject = orEmpty(m.text("subject", flags.content.subject));
        EmailDraft.Builder draft = EmailDraft.builder()
                .to(to.toArray(String[]::new)).cc(cc.toArray(String[]::new)).bcc(bcc.toArray(String[]::new))
                .subject(subject)
                .body(orEmpty(body))
                .charset(charset(m.text("charset", flags.content.charset)))
                .bodyOverflowAsAttachment(m.flag("body-overflow-attachment", flags.content.bodyOverflowAttachment))
                .senderName(senderName);
        List<String> attachments = m.list("attach",
                flags.content.attach.stream().map(Path::toString).toList());
        for (String a : attachments) {
            draft.attach(Attachment.fromPath(readableFile(Path.of(a))));
        }
        if (subject.isBlank() && orEmpty(body).isBlank() && !m.flag("allow-empty", flags.content.allowEmpty)) {
            throw CliFailure.badInput("subject and body: at least one is required (--subject, --body or --body-file), "
                    + "was both empty; add --allow-empty to send without them");
        }
        try {
            return draft.build();
        } catch (InvalidDraftException e) {
            // The API names its builder method; a CLI user needs the flag.
            throw CliFailure.badInput(e.getMessage().replace("(or opt in to bodyOverflowAsAttachment)",
                    "(or add --body-overflow-attachment to send it as the attachment body.txt)")
                    .replace("senderName: ", "from-name: "));
        }
    }

    /** An {@code --attach} path that can be uploaded: an existing, readable regular file. */
    private static Path readableFile(Path file) {
        String problem = Files.isDirectory(file) ? "a directory"
                : !Files.exists(file) ? "not found"
                : !Files.isRegularFile(file) ? "not a regular file"
                : !Files.isReadable(file) ? "not readable" : null;
        if (problem != null) {
            throw CliFailure.badInput("attach: must be a readable file (--attach PATH), was " + problem + ": " + file);
        }
        return file;
    }

    private static String readBody(Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw CliFailure.badInput("body-file: must be UTF-8 text, was not: " + file);
        } catch (IOException e) {
            throw CliFailure.badInput("body-file: must be a readable file, was " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static String secretFromEnv(String field, String variable, Function<String, String> env) {
        String value = env.apply(variable);
        if (value == null || value.isEmpty()) {
            throw CliFailure.badInput(field + ": the environment variable " + variable
                    + " must hold the password, was unset or empty");
        }
        return value;
    }

    private static Security security(String value) {
        if (value == null) {
            return Security.NONE;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "none" -> Security.NONE;
            case "ssl" -> Security.SSL;
            case "starttls" -> Security.STARTTLS;
            // "tls" is refused, not guessed: people use it for TLS from the first byte and for STARTTLS alike.
            default -> throw CliFailure.badInput("security: must be none, ssl or starttls, was \"" + value + "\""
                    + ("tls".equalsIgnoreCase(value) ? " (ssl: TLS from the first byte, usually port 465; starttls: "
                            + "upgrade on port 587)" : ""));
        };
    }

    private static MailCharset charset(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "auto" -> null;
            case "ascii", "us-ascii" -> MailCharset.ASCII;
            case "utf-8", "utf8" -> MailCharset.UTF_8;
            case "gb2312" -> MailCharset.GB2312;
            case "big5" -> MailCharset.BIG5;
            default -> throw CliFailure.badInput("charset: must be auto, ascii, utf-8, gb2312 or big5, was \""
                    + value + "\"");
        };
    }

    private static Properties load(Path file, Set<String> moreKeys) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw CliFailure.badInput("config: must be a readable properties file, was " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        Set<String> unknown = new TreeSet<>(p.stringPropertyNames());
        unknown.removeAll(CONFIG_KEYS);
        unknown.removeAll(moreKeys);
        if (unknown.contains("password")) {
            throw CliFailure.badInput("config: the key password is not accepted (keep secrets out of files that get "
                    + "copied around); use password-env=VAR, was in " + file);
        }
        if (!unknown.isEmpty()) {
            throw CliFailure.badInput("config: unknown key " + unknown.iterator().next() + " in " + file
                    + " (keys are the flag names without --)");
        }
        return p;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Where the modem is. */
    public ModemAddress address() {
        return address;
    }

    public int baud() {
        return baud;
    }

    public SmtpConfig config() {
        return config;
    }

    public EmailDraft draft() {
        return draft;
    }

    public boolean verbose() {
        return verbose;
    }

    /** Hides this send's passwords in anything printed. */
    public SecretMasker masker() {
        return masker;
    }

    /** A flag's value, else the file's, else a default. */
    private static final class Merged {
        private final Properties file;

        Merged(Properties file) {
            this.file = file;
        }

        String text(String key, String flag) {
            if (flag != null) {
                return flag;
            }
            String v = file.getProperty(key);
            return v == null ? null : v.strip();
        }

        /** A boolean flag: set on the command line, or {@code true} in the file. */
        boolean flag(String key, boolean flag) {
            return flag || Boolean.parseBoolean(text(key, null));
        }

        int integer(String key, Integer flag, int fallback) {
            if (flag != null) {
                return flag;
            }
            String v = file.getProperty(key);
            if (v == null || v.isBlank()) {
                return fallback;
            }
            try {
                return Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                throw CliFailure.badInput(key + ": must be a whole number, was \"" + v.strip() + "\" (config file)");
            }
        }

        List<String> list(String key, List<String> flag) {
            if (!flag.isEmpty()) {
                return flag;
            }
            String v = file.getProperty(key);
            if (v == null || v.isBlank()) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
            return out;
        }
    }
}
