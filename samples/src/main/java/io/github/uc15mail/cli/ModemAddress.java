package io.github.uc15mail.cli;

import io.github.uc15mail.serial.ModemPorts;
import io.github.uc15mail.serial.SerialOptions;
import io.github.uc15mail.transport.Transport;

/**
 * Where the modem is, as given with {@code --port}: a serial device ({@code /dev/ttyUSB2}, {@code COM7},
 * a pseudo-terminal) or {@code tcp:HOST:PORT}. The forms and the transports are those of the public API
 * {@link ModemPorts}; this class only turns a malformed value into a CLI refusal. Parsing checks the form only;
 * nothing is opened.
 */
public final class ModemAddress {

    private final String spec;

    private ModemAddress(String spec) {
        this.spec = spec;
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
        try {
            return new ModemAddress(ModemPorts.check(spec));
        } catch (IllegalArgumentException e) {
            throw CliFailure.badInput(e.getMessage());
        }
    }

    /** Whether this is a TCP address. */
    public boolean isTcp() {
        return ModemPorts.isTcp(spec);
    }

    /** The address as the user wrote it. */
    public String spec() {
        return spec;
    }

    /** A transport for this address, not yet opened. */
    public Transport transport(int baud) {
        return ModemPorts.transport(spec, SerialOptions.builder().baudRate(baud).build());
    }

    @Override
    public String toString() {
        return spec;
    }
}
