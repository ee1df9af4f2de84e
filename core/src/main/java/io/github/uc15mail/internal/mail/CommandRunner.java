package io.github.uc15mail.internal.mail;

import io.github.uc15mail.at.AtCommand;
import io.github.uc15mail.at.AtResponse;
import io.github.uc15mail.at.Urc;
import java.time.Duration;

/** Runs the commands of a send: on a modem, or on paper for {@code plan()}. */
public interface CommandRunner {

    /** Runs one command; throws the typed {@link io.github.uc15mail.error.Uc15Exception} when it fails. */
    AtResponse run(AtCommand<?> command);

    /** Runs a typed query and returns its value. */
    default <R> R query(AtCommand<R> query) {
        return query.parse(run(query));
    }

    /** Starts collecting {@code +QSMTPPUT:} URCs; call before writing {@code AT+QSMTPPUT}. */
    SendResultWait expectSendResult();

    /** How many times the modem announced a restart ({@code RDY}) on this link so far. */
    long restartCount();

    /** Whether upload results are real and must be checked (false on paper). */
    boolean isLive();

    /** A wait for the {@code +QSMTPPUT:} URC that belongs to one send. */
    interface SendResultWait extends AutoCloseable {
        /** The first {@code +QSMTPPUT:} that arrived after {@code putOk}'s final result. */
        Urc await(AtResponse putOk, Duration timeout);

        @Override
        void close();
    }
}
