package io.github.uc15mail.internal.mail;

import io.github.uc15mail.at.AtCommand;
import io.github.uc15mail.at.AtResponse;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A command that carries the parser of its reply and the reply a fresh, ready modem gives, so that a send
 * reads typed values instead of matching strings and {@code plan()} answers it without knowing the command.
 *
 * @param command the command to write
 * @param parser turns the modem's reply into the value; throws {@link io.github.uc15mail.error.Uc15Exception}
 *        when the reply is not what the manual describes
 * @param paperReply the information lines a fresh, ready modem answers (for {@code plan()})
 * @param <R> the value
 */
public record Query<R>(AtCommand command, Function<AtResponse, R> parser, List<String> paperReply) {

    public Query {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(parser, "parser");
        paperReply = List.copyOf(paperReply);
    }

    /** The value of {@code response}. */
    public R parse(AtResponse response) {
        return parser.apply(response);
    }
}
