package io.github.uc15mail.at;

import io.github.uc15mail.at.internal.AtText;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One AT command line, ready to write: the text (without the trailing CR), how it is logged (secrets
 * masked), which information lines belong to it, its deadline and its data-mode payload if any.
 * Build commands with {@link AtCommands}, which validates every parameter; instances are immutable.
 *
 * <p>{@link #toString()} gives the masked form and never a password.
 */
public final class AtCommand {

    private final String line;
    private final String loggable;
    private final CommandKind kind;
    private final String responsePrefix;
    private final boolean unprefixedLines;
    private final Duration timeout;
    private final DataPayload payload;

    AtCommand(String line, CommandKind kind, String responsePrefix, boolean unprefixedLines, Duration timeout,
            DataPayload payload) {
        this.line = Objects.requireNonNull(line, "line");
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("command line: must be printable ASCII, found U+"
                        + String.format("%04X", (int) c) + " at position " + i);
            }
        }
        this.loggable = AtText.mask(line);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.responsePrefix = responsePrefix;
        this.unprefixedLines = unprefixedLines;
        this.timeout = timeout;
        this.payload = payload;
    }

    /**
     * A command from raw text, for commands the SDK has no factory for. The text must be printable ASCII;
     * it is not otherwise checked. Information lines starting with {@code responsePrefix + ":"} belong to
     * it; every other line is treated as a URC.
     */
    public static AtCommand raw(String line, CommandKind kind, String responsePrefix) {
        return new AtCommand(line, kind, responsePrefix, false, null, null);
    }

    /** The command text without the trailing CR. Contains secrets for some commands: do not log it. */
    public String line() {
        return line;
    }

    /** The command text with secrets masked. */
    public String loggable() {
        return loggable;
    }

    public CommandKind kind() {
        return kind;
    }

    /** The prefix of its information lines, such as {@code +QSMTPCFG}, if it has any. */
    public Optional<String> responsePrefix() {
        return Optional.ofNullable(responsePrefix);
    }

    /** Whether lines without a {@code +} prefix (as {@code ATI} gives) belong to it. */
    public boolean takesUnprefixedLines() {
        return unprefixedLines;
    }

    /** Its own deadline, if it overrides the kind's. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** The data-mode payload, if it has one. */
    public Optional<DataPayload> payload() {
        return Optional.ofNullable(payload);
    }

    /** The same command with its own deadline. */
    public AtCommand withTimeout(Duration deadline) {
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("timeout: must be positive, was " + deadline);
        }
        return new AtCommand(line, kind, responsePrefix, unprefixedLines, deadline, payload);
    }

    /** The same command with another payload (for progress reporting, say). */
    public AtCommand withPayload(DataPayload newPayload) {
        if (payload == null) {
            throw new IllegalStateException(loggable + " takes no payload");
        }
        return new AtCommand(line, kind, responsePrefix, unprefixedLines, timeout, Objects.requireNonNull(newPayload));
    }

    /** Whether {@code received} is one of this command's information lines. */
    public boolean owns(String line) {
        String received = line.strip();
        if (responsePrefix != null && received.startsWith(responsePrefix)
                && received.length() > responsePrefix.length() && received.charAt(responsePrefix.length()) == ':') {
            return true;
        }
        return unprefixedLines && !received.startsWith("+") && !received.equals("RDY");
    }

    @Override
    public String toString() {
        return loggable;
    }
}
