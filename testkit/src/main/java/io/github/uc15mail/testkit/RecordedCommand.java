package io.github.uc15mail.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One command line the emulated modem received, as the modem saw it.
 *
 * <p>Guarantees: {@link #line()} is the command from its {@code AT} prefix on, without the line terminator
 * and without trailing white space, one char per received byte (ISO-8859-1); {@link #payload()} holds the
 * bytes taken in data mode for {@code AT+QSMTPBODY} and {@code AT+QFUPL} (without a terminating {@code +++}),
 * and is empty for every other command. A data-mode command is recorded when its data mode ends.
 *
 * <p>Does not guarantee that the command was executed: commands answered by an injected error, or that
 * triggered an injected link drop, are recorded too. Lines without {@code AT} are not recorded.
 */
public final class RecordedCommand {

    private final String line;
    private final byte[] payload;
    private final Instant receivedAt;

    RecordedCommand(String line, byte[] payload, Instant receivedAt) {
        this.line = line;
        this.payload = payload.clone();
        this.receivedAt = receivedAt;
    }

    /** The command text, e.g. {@code AT+QSMTPPUT=300}. */
    public String line() {
        return line;
    }

    /** A copy of the data-mode bytes; empty when there were none. */
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload decoded as UTF-8, for convenient assertions. */
    public String payloadAsString() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** When the emulator finished taking the command (for data-mode commands: when data mode ended). */
    public Instant receivedAt() {
        return receivedAt;
    }

    @Override
    public String toString() {
        return payload.length == 0 ? line : line + " <" + payload.length + " bytes>";
    }
}
