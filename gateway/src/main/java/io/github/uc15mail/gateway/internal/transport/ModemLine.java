package io.github.uc15mail.gateway.internal.transport;

import io.github.uc15mail.serial.SerialOptions;
import io.github.uc15mail.serial.SerialTransport;
import io.github.uc15mail.transport.Transport.SocketTransport;
import io.github.uc15mail.transport.Transport;

/** A modem address ({@code /dev/ttyUSB2}, {@code COM7} or {@code tcp:HOST:PORT}) as an unopened transport. */
public final class ModemLine {

    private static final String TCP = "tcp:";
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private ModemLine() {}

    public static Transport transport(String spec, int baud) {
        if (!spec.regionMatches(true, 0, TCP, 0, TCP.length())) {
            return new SerialTransport(spec, SerialOptions.builder().baudRate(baud).build());
        }
        String rest = spec.substring(TCP.length());
        int colon = rest.lastIndexOf(':');
        String host = colon > 0 ? rest.substring(0, colon) : "";
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = colon > 0 ? Integer.parseInt(rest.substring(colon + 1)) : -1;
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (host.isEmpty() || port < 1 || port > 65535) {
            throw new IllegalArgumentException(TransportSettings.PREFIX + "port: must be a serial device or "
                    + "tcp:HOST:PORT with PORT 1-65535, was \"" + spec + "\"");
        }
        return new SocketTransport(host, port, CONNECT_TIMEOUT_MILLIS);
    }
}
