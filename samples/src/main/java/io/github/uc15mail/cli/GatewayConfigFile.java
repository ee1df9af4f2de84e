package io.github.uc15mail.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;

/**
 * The {@code gateway} keys of a {@code --config} file (the flag names without {@code --}; {@code modem} a
 * comma-separated list), applied where the command line left a flag unset: flags win, as for {@code send}.
 */
final class GatewayConfigFile {

    static final Set<String> KEYS = Set.of("store", "store-user", "store-password-env", "modem", "node", "listen",
            "http", "http-admin", "max-size", "auth-file", "keystore", "keystore-password-env", "keep-from-name");

    private GatewayConfigFile() {}

    static void apply(GatewayCommand c) {
        Path file = c.options.run.config;
        if (file == null) {
            return;
        }
        Properties p = SendSettings.loadConfig(file, KEYS);
        if (p.getProperty("port") != null) {
            throw CliFailure.badInput("port: the gateway takes its modems as modem=PORT[,PORT...] in " + file
                    + ", was port=" + p.getProperty("port"));
        }
        StoreOptions s = c.store;
        s.store = or(s.store, p, "store");
        s.user = or(s.user, p, "store-user");
        s.passwordEnv = or(s.passwordEnv, p, "store-password-env");
        if (c.modems.isEmpty() && p.getProperty("modem") != null) {
            Arrays.stream(p.getProperty("modem").split(",")).map(String::strip).filter(m -> !m.isEmpty())
                    .forEach(c.modems::add);
        }
        c.node = or(c.node, p, "node");
        FrontDoorOptions f = c.frontDoor;
        f.listen = or(f.listen, p, "listen");
        f.http = or(f.http, p, "http");
        f.httpAdmin = f.httpAdmin || bool(p, "http-admin", file);
        if (f.maxSize == null && p.getProperty("max-size") != null) {
            try {
                f.maxSize = Integer.valueOf(p.getProperty("max-size").strip());
            } catch (NumberFormatException e) {
                throw CliFailure.badInput("max-size: must be a number of bytes, was \"" + p.getProperty("max-size")
                        + "\" in " + file);
            }
        }
        String auth = or(null, p, "auth-file");
        if (f.authFile == null && auth != null) {
            f.authFile = Path.of(auth);
        }
        String keyStore = or(null, p, "keystore");
        if (f.keyStore == null && keyStore != null) {
            f.keyStore = Path.of(keyStore);
        }
        f.keyStorePasswordEnv = or(f.keyStorePasswordEnv, p, "keystore-password-env");
        f.keepFromName = f.keepFromName || bool(p, "keep-from-name", file);
    }

    private static String or(String flag, Properties p, String key) {
        String v = p.getProperty(key);
        return flag != null || v == null ? flag : v.strip();
    }

    private static boolean bool(Properties p, String key, Path file) {
        String v = p.getProperty(key);
        if (v == null) {
            return false;
        }
        if (!v.strip().equalsIgnoreCase("true") && !v.strip().equalsIgnoreCase("false")) {
            throw CliFailure.badInput(key + ": must be true or false, was \"" + v + "\" in " + file);
        }
        return Boolean.parseBoolean(v.strip());
    }
}
