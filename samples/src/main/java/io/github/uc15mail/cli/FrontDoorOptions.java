package io.github.uc15mail.cli;

import io.github.uc15mail.gateway.GatewaySettings;
import io.github.uc15mail.gateway.PasswordFile;
import io.github.uc15mail.gateway.StatusServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The {@code gateway} command's SMTP front door and status page flags. {@link #frontDoor} and {@link #http}
 * check them before anything opens: a bad value is one line naming the flag and exit 2.
 */
final class FrontDoorOptions {

    static final String DEFAULT_HTTP = "127.0.0.1:8025";

    @Option(names = "--listen", paramLabel = "HOST:PORT|off",
            description = "SMTP front door into the outbox (default " + GatewaySettings.DEFAULT_LISTEN
                    + "; off disables it). A non-loopback address needs --auth-file and --keystore.")
    String listen;

    @Option(names = "--http", paramLabel = "HOST:PORT|off",
            description = "Status page, /health and /metrics (default " + DEFAULT_HTTP + "; off disables it). On a "
                    + "non-loopback address the page needs --auth-file and --keystore (HTTPS and a login); "
                    + "/health and /metrics stay open.")
    String http;

    @Option(names = "--http-admin", description = "Offer retry and cancel on the status page (read-only otherwise).")
    boolean httpAdmin;

    @Option(names = "--max-size", paramLabel = "BYTES",
            description = "Largest message the front door takes, advertised with EHLO SIZE (default 1048576).")
    Integer maxSize;

    @Option(names = "--auth-file", paramLabel = "PATH",
            description = "Users and hashed passwords for SMTP AUTH (lines made by java -cp uc15mail.jar io.github.uc15mail.gateway.HashPassword USER).")
    Path authFile;

    @Option(names = "--keystore", paramLabel = "PATH", description = "Key store (PKCS12) for STARTTLS.")
    Path keyStore;

    @Option(names = "--keystore-password-env", paramLabel = "VAR",
            description = "Environment variable holding the key store password.")
    String keyStorePasswordEnv;

    @Option(names = "--keep-from-name",
            description = "Send each message with its own From display name (folded to ASCII; a name with no ASCII "
                    + "form is refused with 554) instead of --from-name.")
    boolean keepFromName;

    /** The front door's settings, or null for {@code --listen off}. */
    GatewaySettings frontDoor(Function<String, String> env) {
        String listen = this.listen == null ? GatewaySettings.DEFAULT_LISTEN : this.listen;
        if (isOff(listen)) {
            return null;
        }
        try {
            GatewaySettings.Builder b = GatewaySettings.builder().listen(listen).keepFromName(keepFromName);
            if (maxSize != null) {
                b.maxMessageSize(maxSize);
            }
            if (authFile != null) {
                b.authFile(authFile);
            }
            if (keyStore != null) {
                if (keyStorePasswordEnv == null) {
                    throw CliFailure.badInput("keystore-password-env: is required with --keystore (the name of the "
                            + "environment variable that holds the key store password)");
                }
                String password = env.apply(keyStorePasswordEnv);
                if (password == null) {
                    throw CliFailure.badInput("keystore-password-env: the environment variable " + keyStorePasswordEnv
                            + " is not set");
                }
                b.keyStore(keyStore, password.toCharArray());
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw CliFailure.badInput(e.getMessage());
        }
    }

    /**
     * Who may use the status page on the network: the {@code --auth-file} users over TLS with {@code --keystore};
     * null when either is missing or the page is on loopback.
     */
    StatusServer.Login statusLogin(Function<String, String> env) {
        InetSocketAddress http = http();
        if (http == null || authFile == null || keyStore == null || http.getAddress() != null
                && http.getAddress().isLoopbackAddress()) {
            return null;
        }
        String password = keyStorePasswordEnv == null ? null : env.apply(keyStorePasswordEnv);
        if (password == null) {
            throw CliFailure.badInput("keystore-password-env: is required with --keystore (the name of the "
                    + "environment variable that holds the key store password)");
        }
        try {
            return new StatusServer.Login(PasswordFile.load(authFile), keyStore, password.toCharArray());
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw CliFailure.badInput("auth-file: cannot read " + authFile + ": " + e.getMessage());
        }
    }

    /** The status page's address and who may use it, checked: admin on the network needs a login. */
    void checkHttp(Function<String, String> env) {
        InetSocketAddress http = http();
        if (http != null) {
            try {
                StatusServer.checkAccess(http, httpAdmin, statusLogin(env));
            } catch (IllegalArgumentException e) {
                throw CliFailure.badInput(e.getMessage());
            }
        }
    }

    /** The status page's address, or null for {@code --http off}. */
    InetSocketAddress http() {
        String http = this.http == null ? DEFAULT_HTTP : this.http;
        if (isOff(http)) {
            return null;
        }
        int colon = http.lastIndexOf(':');
        if (colon <= 0) {
            throw CliFailure.badInput("http: must be HOST:PORT or off, was \"" + http + "\"");
        }
        String host = http.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(http.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw CliFailure.badInput("http: PORT must be 0-65535, was \"" + http + "\"");
        }
        return new InetSocketAddress(host, port);
    }

    private static boolean isOff(String value) {
        return value != null && value.equalsIgnoreCase("off");
    }
}
