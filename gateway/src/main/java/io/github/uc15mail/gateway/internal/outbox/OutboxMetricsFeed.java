package io.github.uc15mail.gateway.internal.outbox;

import io.github.uc15mail.at.AtSession.Subscription;
import io.github.uc15mail.gateway.GatewayMetrics;
import io.github.uc15mail.outbox.Attempt;
import io.github.uc15mail.outbox.MessageState;
import io.github.uc15mail.outbox.Outbox;
import io.github.uc15mail.outbox.StateChange;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds {@link GatewayMetrics#recordSend} from an outbox: when a message leaves {@code SENDING}, its last
 * attempt (outcome, modem error code, start to end) is read on a thread of its own, so the store's writer
 * is never held up by the metrics.
 */
public final class OutboxMetricsFeed {

    private static final Logger log = LoggerFactory.getLogger(OutboxMetricsFeed.class);

    private OutboxMetricsFeed() {}

    public static Subscription attach(Outbox outbox, GatewayMetrics metrics) {
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "uc15mail-gateway-metrics");
            t.setDaemon(true);
            return t;
        });
        Subscription s = outbox.addListener(change -> {
            if (change.from() == MessageState.SENDING) {
                reader.execute(() -> record(outbox, metrics, change));
            }
        });
        return () -> {
            s.cancel();
            reader.shutdown();
        };
    }

    private static void record(Outbox outbox, GatewayMetrics metrics, StateChange change) {
        try {
            List<Attempt> attempts = outbox.attempts(change.id());
            if (attempts.isEmpty()) {
                return;
            }
            Attempt a = attempts.get(attempts.size() - 1);
            String outcome = a.outcome() == null ? change.to().name() : a.outcome();
            Duration took = a.endedAt() == null ? Duration.ZERO : Duration.between(a.startedAt(), a.endedAt());
            metrics.recordSend(outcome.toLowerCase(Locale.ROOT), a.errorCode() == 0 ? "" : Integer.toString(a.errorCode()),
                    took.isNegative() ? Duration.ZERO : took);
            if (outbox.find(change.id()).map(m -> m.isSms()).orElse(false)) {
                metrics.recordSms(outcome.toLowerCase(Locale.ROOT));
            }
        } catch (RuntimeException e) {
            log.debug("metrics: cannot read the attempts of {}: {}", change.id(), e.getMessage());
        }
    }
}
