package io.github.uc15mail.mail;

import io.github.uc15mail.at.CommandKind;
import io.github.uc15mail.at.internal.AtText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the modem needs to reach the mail server: server and security, SSL context, PDP context
 * (and its APN), account and sender, and timeouts. Immutable; every value is checked by
 * {@link Builder#build()} against the modem's limits (50 bytes for each SMTP string, ranges from the
 * manual), with a message that names the field, the limit and the value. {@link #toString()} never shows
 * a password.
 */
public final class SmtpConfig {

    /** TLS versions of {@code AT+QSSLCFG="sslversion"}. */
    public enum TlsVersion {
        SSL_3_0(0), TLS_1_0(1), TLS_1_1(2), TLS_1_2(3), ALL(4);

        private final int code;

        TlsVersion(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    /**
     * How much longer than the modem's own {@code AT+QSMTPPUT} timeout the SDK waits for the result by default
     * (the modem reports its own timeout as 658 within that time).
     */
    public static final Duration SEND_RESULT_MARGIN = Duration.ofSeconds(30);

    /** The values as given to the builder (a private copy: port 0 and an empty sender name kept as given). */
    private final Builder v;

    private SmtpConfig(Builder b) {
        this.v = b.copy();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding every value of this configuration, to derive another one (another sender, another
     * server). A port left to the security's default stays so; {@link Builder#build()} checks all values again.
     */
    public Builder toBuilder() {
        return v.copy();
    }

    public String host() {
        return v.host;
    }

    /** The server port: as set, or the default of the security mode (25 / 465 / 587). */
    public int port() {
        return v.port == 0 ? v.security.defaultPort() : v.port;
    }

    public Security security() {
        return v.security;
    }

    public int sslContextId() {
        return v.sslContextId;
    }

    public TlsVersion tlsVersion() {
        return v.tlsVersion;
    }

    public int cipherSuite() {
        return v.cipherSuite;
    }

    /** The CA certificate (PEM) the server is verified against; present means security level 1. */
    public Optional<Path> caCertificate() {
        return Optional.ofNullable(v.caCertificate);
    }

    /** {@code AT+QSSLCFG="seclevel"}: 1 with a CA certificate, else 0 (no verification). */
    public int securityLevel() {
        return v.caCertificate == null ? 0 : 1;
    }

    public int contextId() {
        return v.contextId;
    }

    public Optional<Apn> apn() {
        return Optional.ofNullable(v.apn);
    }

    public String user() {
        return v.user;
    }

    /** The account password. Do not log it. */
    public String password() {
        return v.password;
    }

    /** The sender's display name; the address when none was given (an empty name is not documented as allowed). */
    public String senderName() {
        return v.senderName.isEmpty() ? v.senderAddress : v.senderName;
    }

    public String senderAddress() {
        return v.senderAddress;
    }

    /** The {@code <timeout>} of {@code AT+QSMTPPUT}, 60-65535 s. */
    public int sendTimeoutSeconds() {
        return v.sendTimeoutSeconds;
    }

    /**
     * A deadline the caller set for a kind of command, if any.
     *
     * @deprecated see {@link Builder#commandTimeout}
     */
    @Deprecated
    public Optional<Duration> commandTimeout(CommandKind kind) {
        return Optional.ofNullable(v.commandTimeouts.get(kind));
    }

    /** How long a send waits for a busy SMTP service (652, an earlier send still running) to become free. */
    public Duration busyWait() {
        return v.busyWait;
    }

    /**
     * How long the SDK waits for the {@code +QSMTPPUT:} result after the modem accepted the send: as set,
     * or the {@code AT+QSMTPPUT} timeout plus 30 s.
     */
    public Duration sendResultTimeout() {
        return v.sendResultTimeout != null ? v.sendResultTimeout
                : Duration.ofSeconds(v.sendTimeoutSeconds).plus(SEND_RESULT_MARGIN);
    }

    /**
     * How long a send waits for a module that is still starting up (SIM busy or not ready, not yet
     * registered) before it fails with {@link io.github.uc15mail.error.ModemNotReadyException}.
     */
    public Duration readyWait() {
        return v.readyWait;
    }

    /** Whether mail and credentials cross the network without verified encryption. */
    public boolean isUnverified() {
        return v.security == Security.NONE || v.caCertificate == null;
    }

    @Override
    public String toString() {
        return "SmtpConfig[server=" + v.host + ":" + port() + ", security=" + v.security + ", sslContextId="
                + v.sslContextId + ", tlsVersion=" + v.tlsVersion + ", securityLevel=" + securityLevel()
                + ", contextId=" + v.contextId + ", apn=" + v.apn + ", user=" + v.user + ", password="
                + (v.password.isEmpty() ? "" : AtText.MASK) + ", sender=" + senderName() + " <" + v.senderAddress
                + ">, sendTimeout=" + v.sendTimeoutSeconds + "s]";
    }

    /** Builds an {@link SmtpConfig}; {@link #build()} checks every value. */
    public static final class Builder {
        String host;
        int port;
        Security security = Security.NONE;
        int sslContextId = 1;
        TlsVersion tlsVersion = TlsVersion.ALL;
        int cipherSuite = 0xFFFF;
        Path caCertificate;
        int contextId = 1;
        Apn apn;
        String user = "";
        String password = "";
        String senderName = "";
        String senderAddress;
        int sendTimeoutSeconds = 300;
        final Map<CommandKind, Duration> commandTimeouts = new EnumMap<>(CommandKind.class);
        Duration busyWait = Duration.ofSeconds(330);
        Duration readyWait = Duration.ofSeconds(30);
        Duration sendResultTimeout;

        private Builder() {}

        /** A new builder with the same values (the setters only store; {@link #build()} checks). */
        Builder copy() {
            Builder b = new Builder().server(host, port).security(security).sslContextId(sslContextId)
                    .tlsVersion(tlsVersion).cipherSuite(cipherSuite).verifyServerWith(caCertificate).contextId(contextId)
                    .apn(apn).account(user, password).sender(senderName, senderAddress)
                    .sendTimeoutSeconds(sendTimeoutSeconds).busyWait(busyWait).readyWait(readyWait);
            b.commandTimeouts.putAll(commandTimeouts);
            b.sendResultTimeout = sendResultTimeout;
            return b;
        }

        /** The SMTP server's host name or IP address (at most 50 bytes). */
        public Builder server(String host) {
            this.host = host;
            return this;
        }

        /** The SMTP server and port; port 0 means the default of the security mode. */
        public Builder server(String host, int port) {
            this.host = host;
            this.port = port;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder security(Security security) {
            this.security = security;
            return this;
        }

        /** The SSL context (0-5, default 1) the modem uses for SSL and STARTTLS. */
        public Builder sslContextId(int id) {
            this.sslContextId = id;
            return this;
        }

        public Builder tlsVersion(TlsVersion version) {
            this.tlsVersion = version;
            return this;
        }

        /** {@code AT+QSSLCFG="ciphersuite"}; 0xFFFF (the default) allows all. */
        public Builder cipherSuite(int suite) {
            this.cipherSuite = suite;
            return this;
        }

        /**
         * Verify the server against this CA certificate (PEM): the SDK uploads it to the modem and sets
         * security level 1. Without it the modem does not verify the server (level 0).
         */
        public Builder verifyServerWith(Path caCertificatePem) {
            this.caCertificate = caCertificatePem;
            return this;
        }

        /** The PDP context the modem sends through (1-16, default 1). */
        public Builder contextId(int id) {
            this.contextId = id;
            return this;
        }

        /** The APN to configure the context with when it is not active yet. */
        public Builder apn(Apn apn) {
            this.apn = apn;
            return this;
        }

        /** The SMTP account (each at most 50 bytes). */
        public Builder account(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        /** The sender shown to recipients (each at most 50 bytes). */
        public Builder sender(String name, String address) {
            this.senderName = name;
            this.senderAddress = address;
            return this;
        }

        /** The {@code AT+QSMTPPUT} timeout: how long the modem may take to send (60-65535 s, default 300). */
        public Builder sendTimeoutSeconds(int seconds) {
            this.sendTimeoutSeconds = seconds;
            return this;
        }

        /**
         * Overrides the deadline of one kind of command for this configuration's sends (a payload still adds its
         * time, by {@link io.github.uc15mail.at.AtSessionOptions#deadline}).
         *
         * @deprecated deadlines belong to the session: set them once in
         *     {@link io.github.uc15mail.at.AtSessionOptions.Builder#timeout} and open the modem with
         *     {@link io.github.uc15mail.Modem#open(io.github.uc15mail.transport.Transport, io.github.uc15mail.at.AtSessionOptions)};
         *     this override is still applied.
         */
        @Deprecated
        public Builder commandTimeout(CommandKind kind, Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("command timeout for " + kind + ": must be positive, was " + timeout);
            }
            commandTimeouts.put(kind, timeout);
            return this;
        }

        /** How long to wait for a busy SMTP service before failing (default 330 s). */
        public Builder busyWait(Duration wait) {
            this.busyWait = wait;
            return this;
        }

        /**
         * How long to wait for the {@code +QSMTPPUT:} result once the modem accepted the send (default: the
         * send timeout plus 30 s). Shorter than the modem's own timeout means the SDK may give up while the
         * modem is still sending: the send then fails with {@link io.github.uc15mail.error.CommandTimeoutException} and the email may
         * still go out.
         */
        public Builder sendResultTimeout(Duration wait) {
            if (wait == null || wait.isNegative() || wait.isZero()) {
                throw new IllegalArgumentException("send result timeout: must be positive, was " + wait);
            }
            this.sendResultTimeout = wait;
            return this;
        }

        /**
         * How long to wait for a module that is still starting up (SIM busy, not yet registered) before
         * failing; zero fails at once (default 30 s).
         */
        public Builder readyWait(Duration wait) {
            this.readyWait = wait;
            return this;
        }

        /** Checks every value; the exception names the field, the limit and the value. */
        public SmtpConfig build() {
            SmtpConfigRules.check(this);
            return new SmtpConfig(this);
        }
    }
}
