package io.github.uc15mail.internal.mail;

import io.github.uc15mail.at.AtCommand;
import io.github.uc15mail.at.AtResponse;
import io.github.uc15mail.at.DataPayload;
import io.github.uc15mail.at.Urc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the commands a send would write, answering each as a fresh, ready modem would: SIM ready,
 * registered, no PDP context active, no files, every command accepted, the email sent.
 */
final class PlanningRunner implements CommandRunner {

    private final List<String> script = new ArrayList<>();

    List<String> script() {
        return List.copyOf(script);
    }

    @Override
    public AtResponse run(AtCommand command) {
        long payload = command.payload().map(DataPayload::length).orElse(0L);
        script.add(command.loggable());
        if (payload > 0) {
            script.add("<" + payload + " bytes after CONNECT>");
        }
        String line = command.line();
        List<String> lines = new ArrayList<>();
        if (line.equals("AT+CPIN?")) {
            lines.add("+CPIN: READY");
        } else if (line.equals("AT+CGREG?")) {
            lines.add("+CGREG: 0,1");
        } else if (line.startsWith("AT+QSMTPBODY=")) {
            lines.add("+QSMTPBODY: " + payload);
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
