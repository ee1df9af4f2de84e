package io.github.uc15mail.rx;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.mail.SendProgressListener.SendPhase;
import io.github.uc15mail.mail.SendProgressListener;
import io.github.uc15mail.SendReceipt;
import io.github.uc15mail.at.AtSession.Subscription;
import io.github.uc15mail.at.Urc;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * RxJava 3 view of a {@link ModemMailer}. Optional: the core API needs no RxJava; add
 * {@code io.reactivex.rxjava3:rxjava} to use this class.
 *
 * <p>Every source is cold: nothing happens until subscription, and each subscription starts its own send
 * or registration. Disposing cancels (a send stops at its next safe point and still cleans the modem).
 * A failure that arrives after disposal goes to {@code RxJavaPlugins.onError} as RxJava prescribes;
 * this class never changes RxJava's global error handler.
 */
public final class RxModemMailer {

    /** One progress event: a phase change or a byte count. */
    public record Progress(SendPhase phase, String item, long written, long total) {}

    private final ModemMailer mailer;

    private RxModemMailer(ModemMailer mailer) {
        this.mailer = Objects.requireNonNull(mailer, "mailer");
    }

    public static RxModemMailer from(ModemMailer mailer) {
        return new RxModemMailer(mailer);
    }

    /** Sends {@code draft} once per subscription; disposing cancels the send. */
    public Single<SendReceipt> send(EmailDraft draft) {
        return Single.create(emitter -> {
            CompletableFuture<SendReceipt> future = mailer.sendAsync(draft);
            emitter.setCancellable(() -> future.cancel(true));
            future.whenComplete((receipt, error) -> {
                if (error != null) {
                    emitter.tryOnError(unwrap(error));
                } else {
                    emitter.onSuccess(receipt);
                }
            });
        });
    }

    /** Every URC of the modem while subscribed. */
    public Observable<Urc> urcs() {
        return Observable.create(emitter -> {
            Subscription s = mailer.session().subscribeAll(emitter::onNext);
            emitter.setCancellable(s::cancel);
        });
    }

    /** Progress of every send while subscribed. */
    public Observable<Progress> progress() {
        return Observable.create(emitter -> {
            Subscription s = mailer.addProgressListener(new SendProgressListener() {
                @Override
                public void onPhase(SendPhase phase) {
                    emitter.onNext(new Progress(phase, null, 0, 0));
                }

                @Override
                public void onBytes(String item, long written, long total) {
                    emitter.onNext(new Progress(null, item, written, total));
                }
            });
            emitter.setCancellable(s::cancel);
        });
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
