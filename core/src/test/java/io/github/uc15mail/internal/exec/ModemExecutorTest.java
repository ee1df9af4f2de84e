package io.github.uc15mail.internal.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.at.AtSession;
import io.github.uc15mail.at.AtSessionOptions;
import io.github.uc15mail.at.Commands;
import io.github.uc15mail.error.internal.Outcomes;
import io.github.uc15mail.error.CommandTimeoutException;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.mail.RetryPolicy;
import io.github.uc15mail.mail.SendProgressListener.SendPhase;
import io.github.uc15mail.mail.SendProgressListener;
import io.github.uc15mail.testkit.InMemoryTransport;
import io.github.uc15mail.transport.Transport.TransportListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The modem's one queue and its interceptor chain, on a session whose modem answers every line with OK. */
class ModemExecutorTest {

    private AtSession session;
    private ModemExecutor executor;

    @BeforeEach
    void open() throws IOException {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        InMemoryTransport modem = pair.modem();
        modem.open(new TransportListener() {
            @Override
            public void onBytes(byte[] data, int offset, int length) {
                for (int i = offset; i < offset + length; i++) {
                    if (data[i] == '\r') {
                        byte[] ok = "\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII);
                        try {
                            modem.write(ok, 0, ok.length);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }
            }

            @Override
            public void onClosed(Throwable cause) {}
        });
        session = AtSession.open(pair.host(), AtSessionOptions.defaults());
        executor = new ModemExecutor(session);
    }

    @AfterEach
    void close() {
        executor.close();
        session.close();
    }

    @Test
    void enqueuedOperationsRunOneAtATimeInTheOrderTheyCame() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> order = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            futures.add(executor.enqueue(Operation.of("op" + n, a -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    if (n == 0) {
                        release.await(10, TimeUnit.SECONDS);
                    }
                    order.add(n);
                    return n;
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                } finally {
                    running.decrementAndGet();
                }
            }), new CompletableFuture<>()));
        }
        release.countDown();
        for (int i = 0; i < 8; i++) {
            assertEquals(i, futures.get(i).get(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), order);
        assertEquals(1, mostAtOnce.get());
    }

    @Test
    void aCallerWaitsForTheRunningOperationAndHoldsTheModemOnItsOwnThread() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean asyncDone = new AtomicBoolean();
        CompletableFuture<String> first = executor.enqueue(Operation.of("first", a -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            asyncDone.set(true);
            return "first";
        }), new CompletableFuture<>());
        assertTrue(started.await(10, TimeUnit.SECONDS));
        Thread caller = Thread.currentThread();
        Thread releaser = new Thread(release::countDown);
        releaser.start();
        String second = executor.execute(Operation.of("second", a -> {
            assertSame(caller, Thread.currentThread(), "a synchronous operation runs on the caller's thread");
            assertTrue(executor.heldByCurrentThread());
            return asyncDone.get() ? "second after first" : "overlapped";
        }));
        assertEquals("second after first", second);
        assertEquals("first", first.get(10, TimeUnit.SECONDS));
        assertFalse(executor.heldByCurrentThread());
    }

    @Test
    void aRetryablefailureIsRetriedByThePolicyAndAnUnknownOutcomeIsNot() {
        AtomicInteger attempts = new AtomicInteger();
        String value = executor.execute(Operation.of("flaky", a -> {
            attempts.incrementAndGet();
            if (a.number() < 3) {
                throw new CommandTimeoutException("AT", Duration.ofSeconds(1));
            }
            return "attempt " + a.number();
        }).retriedBy(RetryPolicy.attempts(3, Duration.ofMillis(1))));
        assertEquals("attempt 3", value);
        assertEquals(3, attempts.get());

        AtomicInteger unknown = new AtomicInteger();
        Uc15Exception e = assertThrows(Uc15Exception.class, () -> executor.execute(Operation.of("put", a -> {
            unknown.incrementAndGet();
            Uc15Exception failure = new CommandTimeoutException("AT+QSMTPPUT=300", Duration.ofSeconds(1));
            Outcomes.markUnknown(failure);
            throw failure;
        }).retriedBy(RetryPolicy.attempts(3, Duration.ofMillis(1)))));
        assertTrue(e.isOutcomeUnknown());
        assertEquals(1, unknown.get(), "an outcome-unknown failure is never repeated");
    }

    @Test
    void anOperationCancelledWhileQueuedNeverRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        executor.enqueue(Operation.of("blocker", a -> {
            try {
                return release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }), new CompletableFuture<>());
        AtomicBoolean ran = new AtomicBoolean();
        CompletableFuture<Boolean> queued = new CompletableFuture<>();
        executor.enqueue(Operation.of("cancelled", a -> {
            ran.set(true);
            return true;
        }).cancelledWhen(queued::isCancelled), queued);
        queued.cancel(false);
        release.countDown();
        assertEquals("after", executor.enqueue(Operation.of("after", a -> "after"), new CompletableFuture<>())
                .get(10, TimeUnit.SECONDS));
        assertFalse(ran.get());
        assertThrows(CancellationException.class, () -> executor.execute(Operation.of("x", a -> 1)
                .cancelledWhen(() -> true)));
    }

    @Test
    void eachAttemptCountsItsOwnBytesAndPassesTheGateAndProgress() {
        List<SendPhase> phases = new CopyOnWriteArrayList<>();
        AtomicBoolean gateCalled = new AtomicBoolean();
        Attempt seen = executor.execute(Operation.of("two commands", a -> {
            try {
                session.execute(Commands.at()).get();
                session.execute(Commands.echo(false)).get();
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException(e);
            }
            a.progress().onPhase(SendPhase.COMPOSE);
            a.gate().beforeSubmit();
            return a;
        }).gatedBy(() -> gateCalled.set(true)).reportingTo(List.of(new SendProgressListener() {
            @Override
            public void onPhase(SendPhase phase) {
                phases.add(phase);
            }
        })));
        assertEquals("AT\r".length() + "ATE0\r".length(), seen.bytesWritten());
        assertTrue(gateCalled.get());
        assertTrue(seen.submitted());
        assertEquals(List.of(SendPhase.COMPOSE), phases);
    }

    @Test
    void aClosedExecutorFailsTheFutureInsteadOfThrowing() throws Exception {
        executor.close();
        CompletableFuture<Integer> f = executor.enqueue(Operation.of("late", a -> 1), new CompletableFuture<>());
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        assertInstanceOf(Uc15Exception.class, e.getCause());
    }
}
