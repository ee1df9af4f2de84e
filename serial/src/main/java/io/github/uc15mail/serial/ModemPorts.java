package io.github.uc15mail.serial;

import io.github.uc15mail.transport.Transport.SocketTransport;
import io.github.uc15mail.transport.Transport;
import java.util.Objects;

/**
 * One entry point from the port strings the {@code uc15mail} CLI takes with {@code --port} to a {@link Transport}:
 * a serial device ({@code /dev/ttyUSB2}, {@code /dev/serial0}, a pseudo-terminal, {@code COM7}) becomes a
 * {@link SerialTransport}; {@code tcp:HOST:PORT} (a modem behind ser2net or socat, or the testkit emulator) becomes a
 * {@link SocketTransport} that gives up connecting after {@value #TCP_CONNECT_TIMEOUT_MILLIS} ms.
 *
 * <pre>{@code
 * try (ModemMailer mailer = ModemMailer.open(ModemPorts.transport("tcp:127.0.0.1:7015"), config)) { ... }
 * }</pre>
 *
 * <p>What it guarantees: the form is checked at once and a malformed {@code tcp:} string is an
 * {@link IllegalArgumentException} naming the value; nothing is opened here (the transport opens when a session or
 * mailer is opened on it, and then reports a missing port or a refused connection naming it). What it does not do:
 * it does not check that a device path exists or is a serial port (that happens when the transport opens), and it
 * does not look for the modem: {@link SerialPorts#likelyUc15AtPort()} does.
 */
public final class ModemPorts {

    /** How long a {@code tcp:} transport tries to connect before its open fails. */
    public static final int TCP_CONNECT_TIMEOUT_MILLIS = 5_000;

    private static final String TCP_PREFIX = "tcp:";

    private ModemPorts() {}

    /** {@link #transport(String, SerialOptions)} with {@link SerialOptions#defaults()} (115200 8N1). */
    public static Transport transport(String port) {
        return transport(port, SerialOptions.defaults());
    }

    /**
     * A transport for {@code port}, not yet opened.
     *
     * @param port    a serial device path or name ({@code /dev/ttyUSB2}, {@code COM7}), or {@code tcp:HOST:PORT}
     *                (IPv6 hosts in brackets: {@code tcp:[::1]:7015}); the prefix is case-insensitive
     * @param serial  line settings, used for a serial device and ignored for {@code tcp:}
     * @throws IllegalArgumentException when {@code port} is blank, or a {@code tcp:} form without a host or with a
     *                                  port outside 1-65535; the message names the value
     */
    public static Transport transport(String port, SerialOptions serial) {
        Objects.requireNonNull(serial, "serial");
        if (isTcp(port)) {
            HostPort hp = parseTcp(port);
            return new SocketTransport(hp.host, hp.port, TCP_CONNECT_TIMEOUT_MILLIS);
        }
        return new SerialTransport(requireNonBlank(port), serial);
    }

    /**
     * Checks the form of {@code port} as {@link #transport(String, SerialOptions)} does, without making a transport.
     *
     * @return {@code port}
     * @throws IllegalArgumentException as {@link #transport(String, SerialOptions)}
     */
    public static String check(String port) {
        if (isTcp(port)) {
            parseTcp(port);
            return port;
        }
        return requireNonBlank(port);
    }

    /** Whether {@code port} is of the {@code tcp:HOST:PORT} form (by its prefix; the rest is not checked). */
    public static boolean isTcp(String port) {
        return port != null && port.regionMatches(true, 0, TCP_PREFIX, 0, TCP_PREFIX.length());
    }

    private static String requireNonBlank(String port) {
        if (port == null || port.isBlank()) {
            throw new IllegalArgumentException("port: must be a serial device path or tcp:HOST:PORT, was "
                    + (port == null ? "not given" : "blank"));
        }
        return port;
    }

    private static HostPort parseTcp(String spec) {
        String rest = spec.substring(TCP_PREFIX.length());
        int colon = rest.lastIndexOf(':');
        String host = colon > 0 ? rest.substring(0, colon) : "";
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int number = -1;
        if (colon > 0) {
            String digits = rest.substring(colon + 1);
            if (!digits.isEmpty() && digits.length() <= 5 && digits.chars().allMatch(Character::isDigit)) {
                number = Integer.parseInt(digits);
            }
        }
        if (host.isBlank() || number < 1 || number > 65535) {
            throw new IllegalArgumentException("port: must be a serial device path or tcp:HOST:PORT with PORT 1-65535, "
                    + "was \"" + spec + "\"");
        }
        return new HostPort(host, number);
    }

    private record HostPort(String host, int port) {}
}
