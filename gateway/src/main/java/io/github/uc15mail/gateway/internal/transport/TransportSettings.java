package io.github.uc15mail.gateway.internal.transport;

import io.github.uc15mail.mail.Apn;
import io.github.uc15mail.mail.Security;
import io.github.uc15mail.mail.SmtpConfig;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * The {@code mail.uc15.*} properties of a Jakarta Mail session, read once per connection. Every error
 * names the property; a password is never part of a message.
 */
public final class TransportSettings {

    public static final String PREFIX = "mail.uc15.";

    private final Properties props;

    public TransportSettings(Properties props) {
        this.props = props;
    }

    public String get(String key) {
        String v = props.getProperty(PREFIX + key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** {@code mail.uc15.store}, or null for sending directly. */
    public String store() {
        return get("store");
    }

    /** {@code mail.uc15.port}: a serial device or {@code tcp:HOST:PORT}. */
    public String modem() {
        String port = get("port");
        if (port == null) {
            throw new IllegalArgumentException(PREFIX + "port: is required (a serial device such as /dev/ttyUSB2, or "
                    + "tcp:HOST:PORT), or set " + PREFIX + "store to queue into an outbox");
        }
        return port;
    }

    public int baud() {
        return integer("baud", 115_200);
    }

    /**
     * The SMTP settings without the sender: server from {@code host} (the connect argument) or
     * {@code mail.uc15.server}, port likewise from {@code server-port}, security from {@code security}
     * (or from the port: 465 SSL, 587 STARTTLS, else NONE), the account, {@code apn}, {@code context-id},
     * {@code send-timeout} (seconds) and {@code ca-cert} (a PEM file: verify the server).
     */
    public SmtpConfig.Builder smtp(String host, int port, String user, String password) {
        String server = host != null ? host : get("server");
        if (server == null) {
            throw new IllegalArgumentException(PREFIX + "server: is required (the SMTP server the modem sends to)");
        }
        int serverPort = port > 0 ? port : integer("server-port", 0);
        SmtpConfig.Builder b = SmtpConfig.builder().server(server, serverPort).security(security(serverPort));
        if (user != null && !user.isEmpty()) {
            b.account(user, password == null ? "" : password);
        }
        String apn = get("apn");
        if (apn != null) {
            b.apn(Apn.of(apn));
        }
        b.contextId(integer("context-id", 1));
        b.sendTimeoutSeconds(integer("send-timeout", 300));
        String ca = get("ca-cert");
        if (ca != null) {
            b.verifyServerWith(Path.of(ca));
        }
        return b;
    }

    private Security security(int serverPort) {
        String s = get("security");
        if (s == null) {
            return serverPort == 465 ? Security.SSL : serverPort == 587 ? Security.STARTTLS : Security.NONE;
        }
        try {
            return Security.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + "security: must be NONE, SSL or STARTTLS, was \"" + s + "\"");
        }
    }

    private int integer(String key, int fallback) {
        String v = get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + key + ": must be a number, was \"" + v + "\"");
        }
    }
}
