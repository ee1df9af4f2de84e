package io.github.uc15mail.gateway;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;

/**
 * How the SMTP front door runs: where it listens, the largest message it takes, who may send and how the
 * connection is protected. Immutable; {@link Builder#build()} checks every value.
 *
 * <p>What it guarantees: a front door bound to an address other than loopback always has an auth file
 * (clients must log in) and a key store (STARTTLS is offered and required before login); {@link Builder#build()}
 * refuses such settings otherwise and says which is missing. {@link #toString()} never shows the key
 * store password. What it does not check: that the files can be read (the server does that when it starts).
 */
public final class GatewaySettings {

    /** {@code 127.0.0.1:2525}. */
    public static final String DEFAULT_LISTEN = "127.0.0.1:2525";
    /** 1 MiB: what the modem's RAM comfortably holds, uploaded at serial speed. */
    public static final int DEFAULT_MAX_SIZE = 1 << 20;

    private final InetSocketAddress listen;
    private final int maxMessageSize;
    private final Path authFile;
    private final Path keyStore;
    private final char[] keyStorePassword;
    private final boolean keepFromName;
    private final String hostName;
    private final Limits limits;

    /**
     * What one client may hold: connections in all and per address, how long a line may take (shorter for
     * everybody when the connections pass 80 % of the cap), and how failed logins are slowed and locked out.
     * Defaults: 64 connections, 16 per address, 60 s per line, 10 s under stress, logins delayed 1 s doubling
     * to 8 s, the 5th failure from an address within 15 min locks it out for 5 min.
     */
    public record Limits(int maxConnections, int maxConnectionsPerAddress, java.time.Duration lineDeadline,
            java.time.Duration stressedLineDeadline, java.time.Duration authFirstDelay, java.time.Duration authMaxDelay,
            int authFailuresBeforeLockout, java.time.Duration authWindow, java.time.Duration authLockout) {

        /** The defaults. */
        public static final Limits DEFAULT = new Limits(64, 16, java.time.Duration.ofSeconds(60),
                java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(8), 5,
                java.time.Duration.ofMinutes(15), java.time.Duration.ofMinutes(5));

        /** Checks every value, naming the first that is out of range. */
        public Limits {
            if (maxConnections < 1 || maxConnectionsPerAddress < 1 || maxConnectionsPerAddress > maxConnections) {
                throw new IllegalArgumentException("connections: need 1 <= per address <= total, was " + maxConnectionsPerAddress
                        + " per address, " + maxConnections + " total");
            }
            for (java.time.Duration d : new java.time.Duration[] {lineDeadline, stressedLineDeadline, authWindow,
                    authLockout}) {
                if (d == null || d.toMillis() < 1) {
                    throw new IllegalArgumentException("limits: deadlines and windows must be positive, was " + d);
                }
            }
            if (authFirstDelay == null || authMaxDelay == null || authFirstDelay.isNegative()
                    || authMaxDelay.compareTo(authFirstDelay) < 0) {
                throw new IllegalArgumentException("auth delay: need 0 <= first <= max, was " + authFirstDelay + ", "
                        + authMaxDelay);
            }
            if (authFailuresBeforeLockout < 1) {
                throw new IllegalArgumentException("auth failures before lockout: must be at least 1, was "
                        + authFailuresBeforeLockout);
            }
        }
    }

    private GatewaySettings(Builder b, InetSocketAddress listen) {
        this.limits = b.limits;
        this.clock = b.clock;
        this.authPause = b.authPause;
        this.listen = listen;
        this.maxMessageSize = b.maxMessageSize;
        this.authFile = b.authFile;
        this.keyStore = b.keyStore;
        this.keyStorePassword = b.keyStorePassword == null ? null : b.keyStorePassword.clone();
        this.keepFromName = b.keepFromName;
        this.hostName = b.hostName;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Settings from properties (as in {@code /etc/uc15mail/gateway.properties}): {@code listen}
     * ({@code HOST:PORT}), {@code max-size} (bytes), {@code auth-file}, {@code keystore},
     * {@code keystore-password-env} (the name of the environment variable holding the key store password;
     * as with the CLI, a password itself is refused in the file), {@code keep-from-name}
     * ({@code true}/{@code false}), {@code hostname}. Missing keys keep their defaults; other keys are
     * left for the caller.
     *
     * @param env the environment to read {@code keystore-password-env} from (usually {@code System.getenv()})
     * @throws IllegalArgumentException a value is malformed (the message names the key, never a password)
     */
    public static GatewaySettings fromProperties(Properties p, java.util.Map<String, String> env) {
        Builder b = builder();
        String listen = p.getProperty("listen");
        if (listen != null) {
            b.listen(listen.strip());
        }
        String size = p.getProperty("max-size");
        if (size != null) {
            try {
                b.maxMessageSize(Integer.parseInt(size.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("max-size: must be a number of bytes, was \"" + size + "\"");
            }
        }
        Optional.ofNullable(p.getProperty("auth-file")).map(String::strip).map(Path::of).ifPresent(b::authFile);
        if (p.getProperty("keystore-password") != null) {
            throw new IllegalArgumentException("keystore-password: a password does not belong in the file; put it in "
                    + "an environment variable and name it with keystore-password-env");
        }
        String keyStore = p.getProperty("keystore");
        if (keyStore != null) {
            String variable = p.getProperty("keystore-password-env");
            if (variable == null || variable.isBlank()) {
                throw new IllegalArgumentException("keystore-password-env: is required with keystore (the name of "
                        + "the environment variable that holds the key store password)");
            }
            String password = env.get(variable.strip());
            if (password == null) {
                throw new IllegalArgumentException("keystore-password-env: the environment variable " + variable.strip()
                        + " is not set");
            }
            b.keyStore(Path.of(keyStore.strip()), password.toCharArray());
        }
        String keep = p.getProperty("keep-from-name");
        if (keep != null) {
            if (!keep.strip().equalsIgnoreCase("true") && !keep.strip().equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("keep-from-name: must be true or false, was \"" + keep + "\"");
            }
            b.keepFromName(Boolean.parseBoolean(keep.strip()));
        }
        Optional.ofNullable(p.getProperty("hostname")).map(String::strip).ifPresent(b::hostName);
        return b.build();
    }

    /** The address and port the front door binds to (port 0: any free port). */
    public InetSocketAddress listen() {
        return listen;
    }

    /** Whether the listen address is a loopback address (only this machine can connect). */
    public boolean isLoopback() {
        return listen.getAddress().isLoopbackAddress();
    }

    /** The largest message taken, in bytes as received; advertised with {@code EHLO SIZE}. */
    public int maxMessageSize() {
        return maxMessageSize;
    }

    /** The file of users and hashed passwords ({@link PasswordFile}); present means clients must log in. */
    public Optional<Path> authFile() {
        return Optional.ofNullable(authFile);
    }

    /** The key store (PKCS12 or JKS) with the server's key and certificate; present means STARTTLS. */
    public Optional<Path> keyStore() {
        return Optional.ofNullable(keyStore);
    }

    /** A copy of the key store password. Do not log it. */
    public char[] keyStorePassword() {
        return keyStorePassword == null ? new char[0] : keyStorePassword.clone();
    }

    /** Whether a message's own From display name is kept as the sender name. */
    public boolean keepFromName() {
        return keepFromName;
    }

    /** The name the server greets with. */
    public String hostName() {
        return hostName;
    }

    /** The connection, deadline and login limits. */
    public Limits limits() {
        return limits;
    }

    /** The clock deadlines and lockouts are measured with. */
    public java.time.Clock clock() {
        return clock;
    }

    /** How a login failure's delay is waited out (sleeping, unless a test watches it). */
    public java.util.function.Consumer<java.time.Duration> authPause() {
        return authPause;
    }

    private final java.time.Clock clock;
    private final java.util.function.Consumer<java.time.Duration> authPause;

    @Override
    public String toString() {
        return "GatewaySettings[listen=" + listen.getHostString() + ":" + listen.getPort() + ", maxSize="
                + maxMessageSize + ", authFile=" + authFile + ", keyStore=" + keyStore + ", keyStorePassword="
                + (keyStorePassword == null || keyStorePassword.length == 0 ? "" : "****") + ", keepFromName="
                + keepFromName + ", hostName=" + hostName + "]";
    }

    /** Collects the settings; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 2525;
        private int maxMessageSize = DEFAULT_MAX_SIZE;
        private Path authFile;
        private Path keyStore;
        private char[] keyStorePassword;
        private boolean keepFromName;
        private String hostName = "uc15mail-gateway";
        private Limits limits = Limits.DEFAULT;
        private java.time.Clock clock = java.time.Clock.systemUTC();
        private java.util.function.Consumer<java.time.Duration> authPause =
                io.github.uc15mail.gateway.internal.smtp.AuthThrottle::sleep;

        private Builder() {}

        /** Connection, deadline and login limits (default {@link Limits#DEFAULT}). */
        public Builder limits(Limits limits) {
            this.limits = java.util.Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** The clock for deadlines and lockouts (tests move it). */
        public Builder clock(java.time.Clock clock) {
            this.clock = java.util.Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How a failed login's delay is waited out (default: sleep; tests record it). */
        public Builder authPause(java.util.function.Consumer<java.time.Duration> pause) {
            this.authPause = java.util.Objects.requireNonNull(pause, "pause");
            return this;
        }

        /** {@code HOST:PORT}, such as {@code 127.0.0.1:2525}, {@code 0.0.0.0:25} or {@code [::1]:2525}. */
        public Builder listen(String hostPort) {
            int colon = hostPort == null ? -1 : hostPort.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("listen: must be HOST:PORT, was \"" + hostPort + "\"");
            }
            String h = hostPort.substring(0, colon);
            if (h.startsWith("[") && h.endsWith("]")) {
                h = h.substring(1, h.length() - 1);
            }
            try {
                return listen(h, Integer.parseInt(hostPort.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("listen: PORT must be a number 0-65535, was \"" + hostPort + "\"");
            }
        }

        public Builder listen(String host, int port) {
            this.host = host;
            this.port = port;
            return this;
        }

        public Builder maxMessageSize(int bytes) {
            this.maxMessageSize = bytes;
            return this;
        }

        public Builder authFile(Path file) {
            this.authFile = file;
            return this;
        }

        /** The key store and its password (also used for the key). The password is copied. */
        public Builder keyStore(Path file, char[] password) {
            this.keyStore = file;
            this.keyStorePassword = password == null ? null : Arrays.copyOf(password, password.length);
            return this;
        }

        public Builder keepFromName(boolean keep) {
            this.keepFromName = keep;
            return this;
        }

        public Builder hostName(String name) {
            this.hostName = name;
            return this;
        }

        /**
         * Checks the settings.
         *
         * @throws IllegalArgumentException naming the setting, what it must be and what it was; for a
         *     non-loopback address without an auth file or key store, why the front door will not start
         */
        public GatewaySettings build() {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("listen: HOST is required");
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("listen: PORT must be 0-65535, was " + port);
            }
            InetAddress address;
            try {
                address = InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("listen: unknown host \"" + host + "\"");
            }
            if (maxMessageSize < 1024) {
                throw new IllegalArgumentException("max-size: must be at least 1024 bytes, was " + maxMessageSize);
            }
            if (hostName == null || !hostName.matches("[A-Za-z0-9.-]{1,253}")) {
                throw new IllegalArgumentException("hostname: must be a host name, was \"" + hostName + "\"");
            }
            if (keyStore != null && !Files.isRegularFile(keyStore)) {
                throw new IllegalArgumentException("keystore: no such file: " + keyStore);
            }
            if (authFile != null && !Files.isRegularFile(authFile)) {
                throw new IllegalArgumentException("auth-file: no such file: " + authFile);
            }
            if (!address.isLoopbackAddress() && (authFile == null || keyStore == null)) {
                String missing = authFile == null && keyStore == null ? "an auth-file and a keystore"
                        : authFile == null ? "an auth-file" : "a keystore";
                throw new IllegalArgumentException("listen: " + host + " is reachable from other machines, so the "
                        + "front door needs " + missing + " (clients log in with a password, over STARTTLS); "
                        + "set them, or listen on 127.0.0.1");
            }
            return new GatewaySettings(this, new InetSocketAddress(address, port));
        }
    }
}
