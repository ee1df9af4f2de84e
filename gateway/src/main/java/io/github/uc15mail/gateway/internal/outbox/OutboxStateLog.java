package io.github.uc15mail.gateway.internal.outbox;

import io.github.uc15mail.at.AtSession.Subscription;
import io.github.uc15mail.outbox.Attempt;
import io.github.uc15mail.outbox.MessageState;
import io.github.uc15mail.outbox.Outbox;
import io.github.uc15mail.outbox.OutboxMessage;
import io.github.uc15mail.outbox.StateChange;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per state change of an outbox's messages: id, states, recipient count, and for a change
 * out of {@code SENDING} the modem and error code of the attempt that ended. The lines are written in the
 * order of the changes by a thread of its own; every detail passes through the caller's masker first.
 */
public final class OutboxStateLog {

    private static final Logger log = LoggerFactory.getLogger(OutboxStateLog.class);

    private OutboxStateLog() {}

    public static Subscription attach(Outbox outbox, UnaryOperator<String> masker) {
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "uc15mail-gateway-log");
            t.setDaemon(true);
            return t;
        });
        Subscription s = outbox.addListener(change -> writer.execute(() -> write(outbox, masker, change)));
        return () -> {
            s.cancel();
            writer.shutdown();
        };
    }

    private static void write(Outbox outbox, UnaryOperator<String> masker, StateChange change) {
        if (!log.isInfoEnabled()) {
            return;
        }
        String recipients = "?";
        String modem = "-";
        String code = "-";
        try {
            recipients = outbox.find(change.id()).map(OutboxMessage::recipients).map(List::size).map(String::valueOf)
                    .orElse("?");
            if (change.from() == MessageState.SENDING || change.to() == MessageState.SENDING) {
                List<Attempt> attempts = outbox.attempts(change.id());
                if (!attempts.isEmpty()) {
                    Attempt a = attempts.get(attempts.size() - 1);
                    modem = a.modem() == null ? "-" : a.modem();
                    code = a.errorCode() != 0 ? Integer.toString(a.errorCode())
                            : a.smtpReply() != 0 ? "smtp " + a.smtpReply() : change.to() == MessageState.SENT ? "0" : "-";
                }
            }
        } catch (RuntimeException e) {
            // the store is unreachable for the moment: the line goes out with what the change itself says
        }
        String detail = change.detail() == null ? "" : ": " + masker.apply(change.detail());
        log.info("message {} {} -> {}, recipients {}, modem {}, code {}{}", change.id(),
                change.from() == null ? "new" : change.from(), change.to(), recipients, modem, code, detail);
    }
}
