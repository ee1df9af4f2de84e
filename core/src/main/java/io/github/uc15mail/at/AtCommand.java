package io.github.uc15mail.at;

import io.github.uc15mail.at.internal.AtText;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One AT command, typed by what it answers: its text (without the trailing CR), its masked form for logs,
 * which information lines belong to it, its deadline, its data-mode payload if any, and the parser that turns
 * its reply into an {@code R}. Run it with {@code Modem.execute(command)} to get the {@code R}.
 *
 * <p>Guarantees: instances are immutable. The text of every command built by {@link Commands} comes from
 * validated parameters only (an AT string parameter never holds {@code "}, CR or LF; numbers are range-checked),
 * and its masked form hides the secret parameters (SMTP and APN passwords). {@link #toString()} is the masked
 * form. Not guaranteed: a command made with {@link #raw} is printable ASCII and nothing more is checked, and its
 * masking only knows the SDK's own secret-carrying commands.
 *
 * @param <R> what the command's reply is read as; {@link AtResponse} for a command with no parser of its own
 */
public final class AtCommand<R> {

    private final String line;
    private final String loggable;
    private final CommandKind kind;
    private final String responsePrefix;
    private final boolean unprefixedLines;
    private final Duration timeout;
    private final DataPayload payload;
    private final Function<AtResponse, ? extends R> parser;
    private final List<String> typicalReply;

    AtCommand(String line, String loggable, CommandKind kind, String responsePrefix, boolean unprefixedLines,
            Duration timeout, DataPayload payload, Function<AtResponse, ? extends R> parser, List<String> typicalReply) {
        this.line = Objects.requireNonNull(line, "line");
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("command line: must be printable ASCII, found U+"
                        + String.format("%04X", (int) c) + " at position " + i);
            }
        }
        this.loggable = loggable == null ? AtText.mask(line) : loggable;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.responsePrefix = responsePrefix;
        this.unprefixedLines = unprefixedLines;
        this.timeout = timeout;
        this.payload = payload;
        this.parser = Objects.requireNonNull(parser, "parser");
        this.typicalReply = List.copyOf(typicalReply);
    }

    /** An untyped command: its value is the {@link AtResponse} itself. */
    static AtCommand<AtResponse> of(String line, String loggable, CommandKind kind, String responsePrefix,
            boolean unprefixedLines, DataPayload payload) {
        return new AtCommand<>(line, loggable, kind, responsePrefix, unprefixedLines, null, payload, r -> r, List.of());
    }

    /**
     * A command from raw text, for commands the SDK has no factory for. The text must be printable ASCII;
     * it is not otherwise checked, so never build it from user input. Information lines starting with
     * {@code responsePrefix + ":"} belong to it; every other line is treated as a URC. Type it with
     * {@link #returning}.
     */
    public static AtCommand<AtResponse> raw(String line, CommandKind kind, String responsePrefix) {
        return of(line, null, kind, responsePrefix, false, null);
    }

    /**
     * The same command read by {@code newParser}. {@code typicalReply} is what a fresh, ready module answers
     * (information lines only); plans and tests use it in place of a modem.
     */
    public <T> AtCommand<T> returning(Function<AtResponse, ? extends T> newParser, List<String> typicalReply) {
        return new AtCommand<>(line, loggable, kind, responsePrefix, unprefixedLines, timeout, payload, newParser,
                typicalReply);
    }

    /** The same command with its value passed through {@code then}. */
    public <T> AtCommand<T> map(Function<? super R, ? extends T> then) {
        Objects.requireNonNull(then, "then");
        return new AtCommand<>(line, loggable, kind, responsePrefix, unprefixedLines, timeout, payload,
                r -> then.apply(parser.apply(r)), typicalReply);
    }

    /**
     * The value of {@code response}, a reply to this command.
     *
     * @throws io.github.uc15mail.error.Uc15Exception when the reply is not what the command's manual describes
     */
    public R parse(AtResponse response) {
        return parser.apply(response);
    }

    /** The information lines a fresh, ready module answers (for plans and tests); empty when none or unknown. */
    public List<String> typicalReply() {
        return typicalReply;
    }

    /** The command text without the trailing CR. Contains secrets for some commands: do not log it. */
    public String line() {
        return line;
    }

    /** The command text with secrets masked. */
    public String loggable() {
        return loggable;
    }

    /**
     * Any AT line (a command, a reply, a line received by a modem emulator) with secrets masked the way
     * {@link #loggable()} masks them. Never throws on odd input.
     */
    public static String mask(String line) {
        return AtText.mask(line);
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

    /** Its own deadline, if it overrides its kind's ({@link AtSessionOptions} sets those). */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** The data-mode payload, if it has one. */
    public Optional<DataPayload> payload() {
        return Optional.ofNullable(payload);
    }

    /** The same command with its own deadline. */
    public AtCommand<R> withTimeout(Duration deadline) {
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("timeout: must be positive, was " + deadline);
        }
        return new AtCommand<>(line, loggable, kind, responsePrefix, unprefixedLines, deadline, payload, parser,
                typicalReply);
    }

    /** The same command with another payload (for progress reporting, say). */
    public AtCommand<R> withPayload(DataPayload newPayload) {
        if (payload == null) {
            throw new IllegalStateException(loggable + " takes no payload");
        }
        return new AtCommand<>(line, loggable, kind, responsePrefix, unprefixedLines, timeout,
                Objects.requireNonNull(newPayload), parser, typicalReply);
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
