package io.github.uc15mail.cli;

import io.github.uc15mail.serial.SerialOptions;
import io.github.uc15mail.serial.SerialTransport;
import io.github.uc15mail.transport.SocketTransport;
import io.github.uc15mail.transport.Transport;

/**
 * Where the modem is, as given with {@code --port}: a serial device ({@code /dev/ttyUSB2}, {@code COM7},
 * a pseudo-terminal) or {@code tcp:HOST:PORT} for a modem behind a serial-to-network bridge (ser2net,
 * socat) or the emulator ({@code uc15mail emulate}). Parsing checks the form only; nothing is opened.
 */
public final class ModemAddress {

    private static final String TCP_PREFIX = "tcp:";
    private static final int TCP_CONNECT_TIMEOUT_MILLIS = 5_000;

    private final String spec;
    private final String host;
    private final int tcpPort;

    private ModemAddress(String spec, String host, int tcpPort) {
        this.spec = spec;
        this.host = host;
        this.tcpPort = tcpPort;
    }

    /**
     * Parses {@code --port}.
     *
     * @throws CliFailure (bad input) naming the field, the expected form and the value
     */
    public static ModemAddress parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw CliFailure.badInput("port: is required (--port PATH, or port= in the config file)");
        }
        if (!spec.regionMatches(true, 0, TCP_PREFIX, 0, TCP_PREFIX.length())) {
            return new ModemAddress(spec, null, 0);
        }
        String rest = spec.substring(TCP_PREFIX.length());
        int colon = rest.lastIndexOf(':');
        String host = colon > 0 ? rest.substring(0, colon) : "";
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = -1;
        if (colon > 0) {
            try {
                port = Integer.parseInt(rest.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
        }
        if (host.isEmpty() || port < 1 || port > 65535) {
            throw CliFailure.badInput("port: must be a serial device path or tcp:HOST:PORT with PORT 1-65535, was \""
                    + spec + "\"");
        }
        return new ModemAddress(spec, host, port);
    }

    /** Whether this is a TCP address. */
    public boolean isTcp() {
        return host != null;
    }

    /** The address as the user wrote it. */
    public String spec() {
        return spec;
    }

    /** A transport for this address, not yet opened. */
    public Transport transport(int baud) {
        if (isTcp()) {
            return new SocketTransport(host, tcpPort, TCP_CONNECT_TIMEOUT_MILLIS);
        }
        return new SerialTransport(spec, SerialOptions.builder().baudRate(baud).build());
    }

    @Override
    public String toString() {
        return spec;
    }
}
