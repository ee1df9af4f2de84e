package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.SendReceipt;
import io.github.uc15mail.error.SmtpServiceException;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.rx.RxModemMailer;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.observers.TestObserver;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RxModemMailerTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    private ModemMailer mailer(String password) throws Exception {
        return ModemMailer.open(uc15.emulator().connect(), SmtpConfig.builder().server(uc15.smtpHost(), uc15.smtpPort())
                .account(password.isEmpty() ? "" : "u", password).sender("", "unit@example.com").build());
    }

    @Test
    void singleIsColdAndSendsOncePerSubscription() throws Exception {
        try (ModemMailer mailer = mailer("")) {
            RxModemMailer rx = RxModemMailer.from(mailer);
            Single<SendReceipt> send = rx.send(EmailDraft.builder().to("a@example.com").subject("rx").build());
            Thread.sleep(300);
            assertTrue(uc15.emulator().commands().isEmpty(), "nothing happens before subscription");
            TestObserver<RxModemMailer.Progress> progress = rx.progress().test();
            send.test().awaitDone(30, TimeUnit.SECONDS).assertValue(r -> r.resultCode() == 0);
            send.test().awaitDone(30, TimeUnit.SECONDS).assertComplete();
            assertEquals(2, uc15.receivedMessages().length);
            assertTrue(progress.values().size() >= 7, "phase events seen: " + progress.values());
            progress.dispose();
        }
    }

    @Test
    void failureIsTheTypedException() throws Exception {
        uc15.emulator().faults().forcePutResult(677, 535);
        try (ModemMailer mailer = mailer("")) {
            RxModemMailer.from(mailer).send(EmailDraft.builder().to("a@example.com").build()).test()
                    .awaitDone(30, TimeUnit.SECONDS).assertError(SmtpServiceException.class);
        }
    }

    @Test
    void disposingCancelsTheSend() throws Exception {
        uc15.emulator().faults().replyDelay(Duration.ofMillis(200));
        try (ModemMailer mailer = mailer("")) {
            TestObserver<SendReceipt> t = RxModemMailer.from(mailer)
                    .send(EmailDraft.builder().to("a@example.com").subject("never").build()).test();
            Thread.sleep(500);
            t.dispose();
            uc15.emulator().faults().replyDelay(Duration.ZERO);
            // The mailer is free again once the cancelled send cleaned up; a new send goes through.
            mailer.send(EmailDraft.builder().to("a@example.com").subject("after").build());
            assertEquals(1, uc15.receivedMessages().length);
            assertEquals("after", uc15.receivedMessages()[0].getSubject());
            assertTrue(t.values().isEmpty());
        }
    }
}
