package io.github.uc15mail.internal.mail;

import io.github.uc15mail.at.AtCommand;
import io.github.uc15mail.at.AtResponse;
import io.github.uc15mail.at.DataPayload;
import io.github.uc15mail.at.Urc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the commands a send would write, answering each as a fresh, ready modem would: a plain command
 * with {@code OK}, a typed command with its own {@link AtCommand#typicalReply()}, the send with {@code +QSMTPPUT: 0,0}.
 */
final class PlanningRunner implements CommandRunner {

    private final List<String> script = new ArrayList<>();

    List<String> script() {
        return List.copyOf(script);
    }

    @Override
    public AtResponse run(AtCommand<?> command) {
        return answer(command, List.of());
    }

    @Override
    public <R> R query(AtCommand<R> query) {
        return query.parse(answer(query, query.typicalReply()));
    }

    private AtResponse answer(AtCommand<?> command, List<String> lines) {
        long payload = command.payload().map(DataPayload::length).orElse(0L);
        script.add(command.loggable());
        if (payload > 0) {
            script.add("<" + payload + " bytes after CONNECT>");
        }
        return new AtResponse(command, lines, payload, script.size());
    }

    @Override
    public SendResultWait expectSendResult() {
        return new SendResultWait() {
            @Override
            public Urc await(AtResponse putOk, Duration timeout) {
                script.add("<wait up to " + timeout.toSeconds() + " s for +QSMTPPUT: <err>,<protocol_error>>");
                return new Urc("+QSMTPPUT: 0,0", putOk.finalSequence() + 1);
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public long restartCount() {
        return 0;
    }

    @Override
    public boolean isLive() {
        return false;
    }
}
