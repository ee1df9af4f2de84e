package io.github.uc15mail.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.Attachment;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.mail.SendProgressListener.SendPhase;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.at.AtSession;
import io.github.uc15mail.outbox.internal.Store;
import io.github.uc15mail.testkit.Await;
import io.github.uc15mail.testkit.Uc15Emulator;
import io.github.uc15mail.testkit.Uc15EmulatorExtension;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The dispatcher against emulated modems and a real SMTP server, on SQLite. */
class DispatcherTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    @TempDir
    Path dir;

    private Outbox outbox;
    private Dispatcher dispatcher;
    private final List<ModemMailer> mailers = new ArrayList<>();
    private final List<Uc15Emulator> extraEmulators = new ArrayList<>();

    @BeforeEach
    void open() {
        outbox = Outbox.open("sqlite:" + dir.resolve("outbox.db"));
    }

    @AfterEach
    void close() {
        if (dispatcher != null) {
            dispatcher.stop(Duration.ofSeconds(10));
        }
        mailers.forEach(ModemMailer::close);
        extraEmulators.forEach(Uc15Emulator::close);
        outbox.close();
    }

    static DispatcherOptions fast(String node) {
        return DispatcherOptions.defaults().withNode(node).withBackoff(Duration.ofMillis(100), Duration.ofMillis(400))
                .withSetAside(3, Duration.ofSeconds(1), Duration.ofSeconds(2)).withPollInterval(Duration.ofMillis(50))
                .withLease(Duration.ofSeconds(3));
    }

    private Duration resultTimeout = Duration.ofSeconds(20);

    private ModemMailer mailer(Uc15Emulator emulator) throws Exception {
        SmtpConfig config = SmtpConfig.builder().server("127.0.0.1", uc15.smtpPort()).sender("", "gw@example.com")
                .sendTimeoutSeconds(60).sendResultTimeout(resultTimeout).build();
        ModemMailer m = ModemMailer.builder(io.github.uc15mail.Modem.open(emulator.connect()), config).ownsSession(true).build();
        mailers.add(m);
        return m;
    }

    private Dispatcher start(DispatcherOptions options, Uc15Emulator... emulators) throws Exception {
        Map<String, ModemMailer> modems = new LinkedHashMap<>();
        int i = 0;
        for (Uc15Emulator e : emulators) {
            modems.put("modem" + (i++), mailer(e));
        }
        dispatcher = Dispatcher.start(outbox, modems, options);
        return dispatcher;
    }

    static EmailDraft draft(String subject) {
        return EmailDraft.builder().to("ops@example.com").subject(subject).body("about " + subject).build();
    }

    void await(String what, BooleanSupplier condition) {
        Await.until(what, Duration.ofSeconds(60), condition, () -> "counts " + outbox.counts() + ", messages "
                + outbox.list(null, 20) + ", pool " + (dispatcher == null ? null : dispatcher.poolStatus()));
    }

    private long count(MessageState s) {
        return outbox.counts().get(s);
    }

    private List<String> receivedSubjects() throws Exception {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : uc15.receivedMessages()) {
            out.add(m.getSubject());
        }
        return out;
    }

    @Test
    void drainsTheQueueAndKeepsEveryAttempt() throws Exception {
        List<MessageId> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(outbox.enqueue(draft("m" + i)));
        }
        ids.add(outbox.enqueue(EmailDraft.builder().to("ops@example.com").subject("with file").body("see file")
                .attach(Attachment.ofBytes("r.csv", "a,b\n1,2\n".getBytes())).build()));
        start(fast("n1"), uc15.emulator());
        await("all sent", () -> count(MessageState.SENT) == 5);
        assertEquals(List.of("m0", "m1", "m2", "m3", "with file"), receivedSubjects());
        Attempt a = outbox.attempts(ids.get(4)).get(0);
        assertEquals("SENT", a.outcome());
        assertTrue(a.submitted());
        assertEquals("n1", a.node());
        assertEquals("modem0", a.modem());
        assertNotNull(a.endedAt());
        assertTrue(a.phaseTimes().containsKey(SendPhase.SMTP), a.phaseTimes().toString());
        // The worker records the outcome first and then becomes READY again.
        await("ready", () -> dispatcher.poolStatus().get(0).health() == PoolModemStatus.Health.READY);
        PoolModemStatus s = dispatcher.poolStatus().get(0);
        assertEquals(5, s.sent());
        assertTrue(uc15.emulator().ramFiles().isEmpty(), "no RAM files left: " + uc15.emulator().ramFiles().keySet());
    }

    @Test
    void aRefusedRecipientFailsTheMessageNotTheModem() throws Exception {
        uc15.emulator().faults().forcePutResult(678, 550);
        MessageId refused = outbox.enqueue(draft("refused"));
        MessageId fine = outbox.enqueue(draft("fine"));
        start(fast("n1"), uc15.emulator());
        await("both done", () -> count(MessageState.SENT) == 1 && count(MessageState.FAILED) == 1);
        OutboxMessage m = outbox.find(refused).orElseThrow();
        assertEquals(MessageState.FAILED, m.state());
        assertTrue(m.lastError().contains("678"), m.lastError());
        Attempt a = outbox.attempts(refused).get(0);
        assertEquals(678, a.errorCode());
        assertEquals(550, a.smtpReply());
        assertEquals("mailbox unavailable", a.errorMeaning());
        assertEquals(1, outbox.find(refused).orElseThrow().attempts(), "a permanent refusal is not retried");
        assertEquals(MessageState.SENT, outbox.find(fine).orElseThrow().state());
        assertEquals(0, dispatcher.poolStatus().get(0).consecutiveFailures());
    }

    @Test
    void aNetworkOutageIsRiddenOutWithBackoffWithoutBlamingTheModem() throws Exception {
        // The network is gone for 3 s: every send ends with 654.
        uc15.emulator().faults().smtpUnreachable(Duration.ofSeconds(3));
        List<MessageId> ids = new ArrayList<>();
        int[] priorities = {0, 5, 0, 9, 5, 0, 9, 0};
        for (int i = 0; i < 4; i++) {
            ids.add(outbox.enqueue(draft("p" + priorities[i] + "-" + i), EnqueueOptions.defaults()
                    .withPriority(priorities[i])));
        }
        start(fast("n1"), uc15.emulator());
        // 654 is the network's fault, not the modem's: it is retried with back-off, the modem is not blamed.
        await("a retry", () -> ids.stream().anyMatch(id -> outbox.attempts(id).stream()
                .anyMatch(a -> "RETRY".equals(a.outcome()))));
        // Queued while the network is gone.
        for (int i = 4; i < priorities.length; i++) {
            ids.add(outbox.enqueue(draft("p" + priorities[i] + "-" + i), EnqueueOptions.defaults()
                    .withPriority(priorities[i])));
        }
        await("all sent", () -> count(MessageState.SENT) == priorities.length);
        // Each once. (The order after an outage follows each message's own back-off, so it is not asserted here;
        // claims by priority then age are the store contract's claimsGoByPriorityThenAgeAndRespectNotBefore.)
        assertEquals(java.util.Set.of("p9-3", "p9-6", "p5-1", "p5-4", "p0-0", "p0-2", "p0-5", "p0-7"),
                new java.util.HashSet<>(receivedSubjects()));
        assertEquals(priorities.length, receivedSubjects().size());
        // Those that met the outage: RETRY with 654, backoff, then SENT.
        int retried = 0;
        for (MessageId id : ids) {
            List<Attempt> attempts = outbox.attempts(id);
            assertEquals("SENT", attempts.get(attempts.size() - 1).outcome());
            for (int i = 0; i + 1 < attempts.size(); i++) {
                retried++;
                assertEquals("RETRY", attempts.get(i).outcome(), attempts.toString());
                assertEquals(654, attempts.get(i).errorCode());
                Duration gap = Duration.between(attempts.get(i).endedAt(), attempts.get(i + 1).startedAt());
                assertTrue(gap.toMillis() >= 80, "backoff between attempts: " + gap);
            }
        }
        assertTrue(retried >= 1, "the outage was met: " + retried);
        assertEquals(0, dispatcher.poolStatus().get(0).consecutiveFailures());
    }

    @Test
    void noResultAfterTheSubmitIsUnknownAndNeverResent() throws Exception {
        resultTimeout = Duration.ofSeconds(2);
        uc15.emulator().faults().putResultDelay(Duration.ofSeconds(4));
        MessageId id = outbox.enqueue(draft("lost result"));
        start(fast("n1"), uc15.emulator());
        await("unknown", () -> count(MessageState.UNKNOWN) == 1);
        uc15.emulator().faults().clear();
        MessageId next = outbox.enqueue(draft("after"));
        await("next sent", () -> outbox.find(next).orElseThrow().state() == MessageState.SENT);
        assertEquals(MessageState.UNKNOWN, outbox.find(id).orElseThrow().state());
        assertEquals(1, outbox.attempts(id).size());
        assertEquals("UNKNOWN", outbox.attempts(id).get(0).outcome());
        assertTrue(outbox.attempts(id).get(0).submitted());
        assertTrue(outbox.find(id).orElseThrow().lastError().contains("may have it"));
    }

    @Test
    void aModemWithoutSimIsSetAsideAndTheOtherTakesTheTraffic() throws Exception {
        Uc15Emulator dead = Uc15Emulator.builder().simReady(false).build();
        extraEmulators.add(dead);
        for (int i = 0; i < 8; i++) {
            outbox.enqueue(draft("m" + i));
        }
        start(fast("n1").withSetAside(3, Duration.ofMinutes(5), Duration.ofMinutes(60)), dead, uc15.emulator());
        await("all sent", () -> count(MessageState.SENT) == 8);
        PoolModemStatus deadStatus = dispatcher.poolStatus().get(0);
        assertEquals(PoolModemStatus.Health.SET_ASIDE, deadStatus.health());
        assertEquals(3, deadStatus.consecutiveFailures());
        assertNotNull(deadStatus.lastError());
        assertEquals(0, deadStatus.sent());
        assertEquals(8, dispatcher.poolStatus().get(1).sent());
        assertEquals(8, receivedSubjects().size());
    }

    @Test
    void onStartExpiredLeasesOfAnEarlierRunAreSettledByTheCrashRule() throws Exception {
        MessageId submitted = outbox.enqueue(draft("was submitting"));
        MessageId composing = outbox.enqueue(draft("was composing"));
        Store store = outbox.store();
        Store.Claim c1 = store.claim("n1/old", "n1", "modem0", 600_000).orElseThrow();
        store.claim("n1/old", "n1", "modem0", 600_000).orElseThrow();
        assertTrue(store.markSubmitting(submitted, "n1/old", c1.attempt()));
        // The earlier run died long ago: its leases ran out (time moved on by the store's clock).
        store.write(c -> c.createStatement().executeUpdate("UPDATE outbox_message SET lease_until = lease_until - 700000"));
        start(fast("n1"), uc15.emulator());
        await("composing one sent", () -> outbox.find(composing).orElseThrow().state() == MessageState.SENT);
        assertEquals(MessageState.UNKNOWN, outbox.find(submitted).orElseThrow().state());
        assertEquals(List.of("was composing"), receivedSubjects());
    }

    /**
     * A pool mailer with a RetryPolicy calls the submit gate once per try. A try that ended with a definite
     * failure after AT+QSMTPPUT (here 654, the network) may be followed by another: the gate lets it through
     * instead of reporting that the gateway is stopping.
     */
    @Test
    void aMailerWithARetryPolicyRetriesThroughTheSubmitGate() throws Exception {
        SmtpConfig config = SmtpConfig.builder().server("127.0.0.1", uc15.smtpPort()).sender("", "gw@example.com")
                .sendTimeoutSeconds(60).sendResultTimeout(resultTimeout).build();
        ModemMailer m = ModemMailer.builder(io.github.uc15mail.Modem.open(uc15.emulator().connect()), config).ownsSession(true)
                .retryPolicy(io.github.uc15mail.mail.RetryPolicy.attempts(2, Duration.ofMillis(50))).build();
        mailers.add(m);
        uc15.emulator().faults().forcePutResult(654, 0);
        MessageId id = outbox.enqueue(draft("retried by the mailer"));
        dispatcher = Dispatcher.start(outbox, Map.of("modem0", m), fast("n1"));
        await("sent", () -> outbox.find(id).orElseThrow().state() == MessageState.SENT);
        assertEquals(1, outbox.attempts(id).size(), outbox.attempts(id).toString());
        assertEquals("SENT", outbox.attempts(id).get(0).outcome());
        assertEquals(List.of("retried by the mailer"), receivedSubjects());
    }

    @Test
    void closingHandsBackWhatWasNotSubmitted() throws Exception {
        uc15.emulator().faults().lineSpeed(9600);
        byte[] big = new byte[20_000];
        MessageId id = outbox.enqueue(EmailDraft.builder().to("ops@example.com").subject("slow").body("b")
                .attach(Attachment.ofBytes("big.bin", big)).build());
        start(fast("n1"), uc15.emulator());
        await("sending", () -> outbox.find(id).orElseThrow().state() == MessageState.SENDING);
        Thread.sleep(300);
        dispatcher.close();
        dispatcher = null;
        OutboxMessage m = outbox.find(id).orElseThrow();
        assertEquals(MessageState.QUEUED, m.state());
        Attempt a = outbox.attempts(id).get(0);
        assertEquals("HANDED_BACK", a.outcome());
        assertFalse(a.submitted());
        assertEquals(0, uc15.receivedMessages().length);
    }
}
