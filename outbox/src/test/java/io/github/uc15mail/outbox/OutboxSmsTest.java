package io.github.uc15mail.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.SmsDraft;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.at.AtSession;
import io.github.uc15mail.outbox.internal.Store;
import io.github.uc15mail.testkit.SentSms;
import io.github.uc15mail.testkit.Uc15EmulatorExtension;
import io.github.uc15mail.testkit.Waits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SMS as a channel of the outbox: the same states, verdicts and crash rule as mail, on SQLite. */
class OutboxSmsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    @TempDir
    Path dir;

    private Outbox outbox;
    private Dispatcher dispatcher;
    private ModemMailer mailer;

    @BeforeEach
    void open() {
        outbox = Outbox.open("sqlite:" + dir.resolve("outbox.db"));
    }

    @AfterEach
    void close() {
        if (dispatcher != null) {
            dispatcher.stop(Duration.ofSeconds(10));
        }
        if (mailer != null) {
            mailer.close();
        }
        outbox.close();
    }

    private void start() throws Exception {
        SmtpConfig config = SmtpConfig.builder().server("127.0.0.1", uc15.smtpPort()).sender("", "gw@example.com").build();
        mailer = ModemMailer.builder(io.github.uc15mail.Modem.open(uc15.emulator().connect()), config).ownsSession(true).build();
        dispatcher = Dispatcher.start(outbox, Map.of("modem0", mailer), DispatcherTest.fast("n1"));
    }

    private MessageState state(MessageId id) {
        return outbox.find(id).orElseThrow().state();
    }

    @Test
    void anSmsIsSentOnceAndListedWithItsChannel() throws Exception {
        String text = "Pumpe 3: Druck 2,1 bar. ".repeat(9).substring(0, 200);
        MessageId id = outbox.enqueueSms(SmsDraft.of("+491701234567", text));
        OutboxMessage queued = outbox.find(id).orElseThrow();
        assertEquals("sms", queued.channel());
        assertEquals(List.of("+491701234567"), queued.recipients());
        start();
        Waits.until(WAIT, () -> state(id) == MessageState.SENT);
        SentSms sms = uc15.emulator().awaitSentSms(Duration.ofSeconds(5));
        assertEquals(text, sms.text());
        assertEquals(2, sms.parts());
        assertEquals(1, uc15.emulator().sentSms().size());
        Attempt a = outbox.attempts(id).get(0);
        assertEquals("SENT", a.outcome());
        assertTrue(a.submitted(), "the submit mark was committed before the first AT+CMGS");
    }

    @Test
    void aRefusedNumberFailsAndIsNotRetried() throws Exception {
        uc15.emulator().faults().cmsErrorOn(1, 304);
        MessageId id = outbox.enqueueSms(SmsDraft.of("+491701234567", "alarm"));
        start();
        Waits.until(WAIT, () -> state(id) == MessageState.FAILED);
        Attempt a = outbox.attempts(id).get(0);
        assertEquals(304, a.errorCode());
        assertEquals(1, outbox.attempts(id).size());
        assertTrue(uc15.emulator().sentSms().isEmpty());
    }

    @Test
    void noNetworkServiceIsRetriedUntilItGoes() throws Exception {
        uc15.emulator().faults().cmsErrorOn(1, 331).cmsErrorOn(2, 332);
        MessageId id = outbox.enqueueSms(SmsDraft.of("+491701234567", "alarm"));
        start();
        Waits.until(WAIT, () -> state(id) == MessageState.SENT);
        assertEquals(3, outbox.attempts(id).size(), outbox.attempts(id).toString());
        assertEquals(331, outbox.attempts(id).get(0).errorCode());
        assertEquals(1, uc15.emulator().sentSms().size());
    }

    @Test
    void aGatewayThatDiesAfterTheSubmitMarkLeavesTheSmsUnknownNeverResent() {
        MessageId id = outbox.enqueueSms(SmsDraft.of("+491701234567", "y".repeat(400)));
        Store store = outbox.store();
        Optional<Store.Claim> claim = store.claim("dead-gw", "dead-gw", "modem0", 30_000);
        assertTrue(claim.isPresent());
        // The dead gateway committed its submit mark (the point before the first part's Ctrl-Z), then vanished.
        assertTrue(store.markSubmitting(id, "dead-gw", claim.get().attempt()));
        assertTrue(store.reclaim(false).isEmpty(), "a live lease is never taken");
        // The store's time moves past the lease: every stored time goes back by as much.
        store.write(c -> {
            try (java.sql.Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE outbox_message SET lease_until = lease_until - 60000");
            }
            return null;
        });
        List<Store.Moved> moved = store.reclaim(false);
        assertEquals(1, moved.size());
        assertEquals(MessageState.UNKNOWN, state(id));
        assertTrue(store.claim("gw2", "gw2", "modem0", 30_000).isEmpty(), "claimed again");
    }
}
