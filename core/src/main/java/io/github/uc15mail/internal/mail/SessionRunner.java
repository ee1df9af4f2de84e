package io.github.uc15mail.internal.mail;

import io.github.uc15mail.error.CommandTimeoutException;
import io.github.uc15mail.error.ModemRestartedException;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.error.TransportClosedException;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.at.AtCommand;
import io.github.uc15mail.at.AtResponse;
import io.github.uc15mail.at.AtSession;
import io.github.uc15mail.at.AtSession.Subscription;
import io.github.uc15mail.at.Urc;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs commands on a live {@link AtSession}, applying the configuration's command deadlines. */
public final class SessionRunner implements CommandRunner {

    private static final Logger log = LoggerFactory.getLogger(SessionRunner.class);

    private final AtSession session;
    private final SmtpConfig config;

    /** A runner on {@code session}; {@code config} (may be null) adds its command deadlines. */
    public SessionRunner(AtSession session, SmtpConfig config) {
        this.session = session;
        this.config = config;
    }

    @Override
    @SuppressWarnings("deprecation") // SmtpConfig.commandTimeout: still honoured
    public AtResponse run(AtCommand<?> command) {
        AtCommand<?> effective = command;
        Duration override = config == null ? null : config.commandTimeout(command.kind()).orElse(null);
        if (override != null && command.timeout().isEmpty()) {
            effective = command.withTimeout(session.options().deadline(command, override));
        }
        try {
            return session.execute(effective).get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Uc15Exception u) {
                throw u;
            }
            throw new Uc15Exception("unexpected failure of " + command.loggable(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Uc15Exception("interrupted while waiting for " + command.loggable(), e);
        }
    }

    @Override
    public SendResultWait expectSendResult() {
        BlockingQueue<Urc> results = new LinkedBlockingQueue<>();
        Subscription subscription = session.subscribe("+QSMTPPUT:", results::add);
        long restartsBefore = session.restartCount();
        return new SendResultWait() {
            @Override
            public Urc await(AtResponse putOk, Duration timeout) {
                long deadline = System.nanoTime() + timeout.toNanos();
                try {
                    while (true) {
                        long left = deadline - System.nanoTime();
                        Urc urc = left > 0 ? results.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(500)),
                                TimeUnit.NANOSECONDS) : null;
                        if (urc == null) {
                            if (session.restartCount() != restartsBefore) {
                                throw new ModemRestartedException("the modem restarted (RDY) while sending;"
                                        + " the send was abandoned and the email may or may not have gone out");
                            }
                            if (!session.isOpen()) {
                                throw new TransportClosedException("the link to the modem at "
                                        + session.transport().describe()
                                        + " closed while waiting for the +QSMTPPUT result; the email may have been sent",
                                        null);
                            }
                            if (System.nanoTime() - deadline >= 0) {
                                throw new CommandTimeoutException("the +QSMTPPUT result", timeout);
                            }
                            continue;
                        }
                        if (urc.sequence() > putOk.finalSequence()) {
                            return urc;
                        }
                        log.warn("ignoring {}: it arrived before this send's AT+QSMTPPUT was accepted "
                                + "(left over from an earlier send)", urc);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Uc15Exception("interrupted while waiting for the +QSMTPPUT result", e);
                }
            }

            @Override
            public void close() {
                subscription.cancel();
            }
        };
    }

    @Override
    public long restartCount() {
        return session.restartCount();
    }

    @Override
    public boolean isLive() {
        return true;
    }
}
