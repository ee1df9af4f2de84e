package io.github.uc15mail.gateway;

import java.util.Objects;

/**
 * One modem as the status page, {@code /health} and {@code /metrics} show it.
 *
 * @param name the modem's name (its port, such as {@code /dev/ttyUSB2})
 * @param state a word for its state, such as {@code ready}, {@code sending}, {@code unreachable}
 * @param canSend whether it can take a send now (or after the one it is sending)
 * @param signal the signal quality of {@code AT+CSQ} (0-31), or -1 when unknown
 * @param registered whether it is registered on the network
 * @param lastError the last error (code and text), or null; must not contain secrets
 */
public record ModemHealth(String name, String state, boolean canSend, int signal, boolean registered, String lastError) {

    public ModemHealth {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
    }
}
