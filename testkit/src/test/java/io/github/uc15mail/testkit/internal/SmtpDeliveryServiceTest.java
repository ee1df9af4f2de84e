package io.github.uc15mail.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SMTP delivery service alone, with a stand-in sender and hand-run timers. */
class SmtpDeliveryServiceTest {

    final ManualTimers timers = new ManualTimers();
    final FaultState faults = new FaultState();
    final AtomicInteger sent = new AtomicInteger();
    final List<MailSender.Result> results = new CopyOnWriteArrayList<>();
    final SmtpDelivery delivery = new SmtpDelivery(timers, faults, (s, ms) -> {
        sent.incrementAndGet();
        return new MailSender.Result(0, 0, "sent");
    }, 1.0, (snap, r, forced) -> results.add(r));

    @AfterEach
    void close() {
        delivery.close();
    }

    static MailSnapshot snap() {
        return new MailSnapshot("127.0.0.1", 25, 0, 1, 4, 0, "", null, "", "", "", "", List.of("a@example.com"),
                List.of(), List.of(), 0, "s", 0, new byte[0], Map.of(), null, 60);
    }

    @Test
    void notReadyIs657WithoutTrying() {
        delivery.start(snap(), false, "PDP context 1 not active");
        assertTrue(delivery.busy(), "busy until the URC is due");
        timers.advance(0);
        assertEquals(657, results.get(0).err());
        assertEquals(0, sent.get());
        assertFalse(delivery.busy());
    }

    @Test
    void aForcedResultIsCountedAndSendsNothing() {
        faults.forcePutResult(677, 535);
        delivery.start(snap(), true, "");
        timers.advance(0);
        assertEquals(List.of(new MailSender.Result(677, 535, "forced by test")), results);
        assertEquals(1, faults.injected(FaultState.Injected.FORCED_RESULT));
        assertEquals(0, sent.get());
    }

    @Test
    void anUnreachableServerIs654() {
        faults.smtpUnreachable(Duration.ofMinutes(1).toNanos());
        delivery.start(snap(), true, "");
        timers.advance(0);
        assertEquals(654, results.get(0).err());
        assertEquals(0, sent.get());
        assertEquals(1, faults.injected(FaultState.Injected.SMTP_UNREACHABLE));
    }

    @Test
    void theResultDelayHoldsTheUrcAndTheServiceStaysBusy() throws Exception {
        faults.putResultDelay(Duration.ofSeconds(2));
        delivery.start(snap(), false, "x");
        timers.advanceMillis(1000);
        assertTrue(results.isEmpty());
        assertTrue(delivery.busy());
        timers.advanceMillis(1000);
        assertEquals(1, results.size());
        assertFalse(delivery.busy());
    }

    @Test
    void aSendAbandonedByPowerOffGivesNoResult() {
        faults.putResultDelay(Duration.ofSeconds(1));
        delivery.start(snap(), false, "x");
        delivery.abandon();
        timers.advanceMillis(2000);
        assertTrue(results.isEmpty());
    }

    @Test
    void aRealSendRunsOnItsOwnThreadAndReportsOnTheTimerThread() throws Exception {
        delivery.start(snap(), true, "");
        io.github.uc15mail.testkit.Await.until("the sender ran", java.time.Duration.ofSeconds(5), () -> sent.get() > 0);
        assertEquals(1, sent.get(), "the sender ran");
        Thread.sleep(50);
        timers.advance(0);
        assertEquals(0, results.get(0).err());
    }
}
