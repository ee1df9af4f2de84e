package io.github.uc15mail.at;

import io.github.uc15mail.at.AtSession.Subscription;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.error.ModemErrorException.CmeErrorException;
import io.github.uc15mail.error.CommandTimeoutException;
import io.github.uc15mail.error.ModemErrorException;
import io.github.uc15mail.error.ModemRestartedException;
import io.github.uc15mail.error.Fault.FaultKind;
import io.github.uc15mail.error.SmtpServiceException;
import io.github.uc15mail.error.TransportClosedException;
import io.github.uc15mail.testkit.InMemoryTransport;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AtSessionTest {

    private FakeModem modem;
    private AtSession session;

    @BeforeEach
    void open() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        modem = new FakeModem(pair.modem());
        session = AtSession.open(pair.host(), AtSessionOptions.builder()
                .resyncReplyTimeout(Duration.ofMillis(500))
                .guardTime(Duration.ofMillis(50))
                .build());
    }

    @AfterEach
    void close() {
        session.close();
    }

    private static Throwable failure(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        return e.getCause();
    }

    @Test
    void infoLinesGoToTheCommandAndUrcsToSubscribers() throws Exception {
        List<String> urcs = new CopyOnWriteArrayList<>();
        session.subscribeAll(u -> urcs.add(u.line()));
        CompletableFuture<AtResponse> f = session.execute(Commands.activeContexts());
        assertEquals("AT+QIACT?", modem.takeLine());
        modem.reply("AT+QIACT?\r\r\n+QIACT: 1,1,1,\"10.7.157.1\"\r\n\r\n+CMTI: \"SM\",3\r\n\r\nOK\r\n");
        AtResponse r = f.get(5, TimeUnit.SECONDS);
        assertEquals(List.of("+QIACT: 1,1,1,\"10.7.157.1\""), r.lines());
        waitUntil(() -> urcs.contains("+CMTI: \"SM\",3"));
    }

    @Test
    void replyCutOneByteAtATimeIsStillMatched() throws Exception {
        CompletableFuture<AtResponse> f = session.execute(Commands.signalQuality());
        modem.takeLine();
        modem.replyBytewise("\r\n+CSQ: 20,99\r\n\r\nOK\r\n");
        assertEquals(List.of("+CSQ: 20,99"), f.get(5, TimeUnit.SECONDS).lines());
    }

    @Test
    void queuedCommandsRunInOrderOneAtATime() throws Exception {
        CompletableFuture<AtResponse> a = session.execute(Commands.at());
        CompletableFuture<AtResponse> b = session.execute(Commands.echo(false));
        CompletableFuture<AtResponse> c = session.execute(Commands.cmee(1));
        assertEquals("AT", modem.takeLine());
        Thread.sleep(100);
        assertEquals(0, modem.unread(), "second command must wait for the first one's final result");
        modem.reply("\r\nOK\r\n");
        assertEquals("ATE0", modem.takeLine());
        modem.reply("\r\nOK\r\n");
        assertEquals("AT+CMEE=1", modem.takeLine());
        modem.reply("\r\nOK\r\n");
        CompletableFuture.allOf(a, b, c).get(5, TimeUnit.SECONDS);
    }

    @Test
    void timeoutThenLateReplyIsNotCreditedToTheNextCommand() throws Exception {
        CompletableFuture<AtResponse> slow = session.execute(Commands.smtpQuery("sender").withTimeout(Duration.ofMillis(300)));
        CompletableFuture<AtResponse> next = session.execute(Commands.smtpQuery("contextid"));
        assertEquals("AT+QSMTPCFG=\"sender\"", modem.takeLine());
        assertInstanceOf(CommandTimeoutException.class, failure(slow));
        // The late reply arrives while the session resynchronises.
        modem.reply("\r\n+QSMTPCFG: \"sender\",\"late\",\"late@x.y\"\r\n\r\nOK\r\n");
        String probe = modem.takeLine();
        assertEquals("AT", probe, "session resynchronises with AT before the next command");
        modem.reply("\r\nOK\r\n");
        assertEquals("AT+QSMTPCFG=\"contextid\"", modem.takeLine());
        modem.reply("\r\n+QSMTPCFG: \"contextid\",1\r\n\r\nOK\r\n");
        assertEquals(List.of("+QSMTPCFG: \"contextid\",1"), next.get(5, TimeUnit.SECONDS).lines());
        assertEquals(0, session.consecutiveTimeouts());
    }

    @Test
    void aGuardedEscapeTakenAsDataIsSentOnceMore() throws Exception {
        // A modem left in data mode by a dead host, whose last bytes land inside the guard time of the first
        // +++: that escape is data too, and AT keeps getting nothing until a second guarded +++.
        CompletableFuture<AtResponse> lost = session.execute(Commands.at().withTimeout(Duration.ofMillis(300)));
        CompletableFuture<AtResponse> next = session.execute(Commands.smtpQuery("contextid"));
        assertEquals("AT", modem.takeLine());
        assertInstanceOf(CommandTimeoutException.class, failure(lost));
        assertEquals("AT", modem.takeLine(), "the first probe");
        assertEquals("\u001B+++AT", modem.takeLine(), "ESC, a guarded +++, then a probe");
        // Taken as data: no answer. The resync must not settle for plain AT probes from here on.
        assertEquals("\u001B+++AT", modem.takeLine(), "a second guarded +++ after the first went unanswered");
        modem.reply("\r\nOK\r\n");
        assertEquals("AT+QSMTPCFG=\"contextid\"", modem.takeLine());
        modem.reply("\r\n+QSMTPCFG: \"contextid\",1\r\n\r\nOK\r\n");
        assertEquals(List.of("+QSMTPCFG: \"contextid\",1"), next.get(5, TimeUnit.SECONDS).lines());
    }

    @Test
    void deadlineIsNotRestartedByTraffic() throws Exception {
        CompletableFuture<AtResponse> f = session.execute(Commands.at().withTimeout(Duration.ofMillis(600)));
        modem.takeLine();
        // URCs keep coming, each far sooner than 600 ms after the one before: a deadline that traffic
        // restarted could not fire while they flow. So the timeout must come before the traffic stops.
        int sent = 0;
        while (!f.isDone() && sent < 100) {
            modem.reply("\r\n+QIND: \"csq\",20,99\r\n");
            sent++;
            Thread.sleep(100);
        }
        assertTrue(f.isDone(), "no timeout while URCs kept arriving (" + sent + " sent): traffic moved the deadline");
        assertInstanceOf(CommandTimeoutException.class, failure(f));
    }

    @Test
    void trafficListenerThatThrowsOnACommandDoesNotFailIt() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        session.addTrafficListener(new TrafficListener() {
            @Override
            public void onCommand(String maskedLine) {
                throw new IllegalStateException("listener bug");
            }
        });
        session.addTrafficListener(new TrafficListener() {
            @Override
            public void onCommand(String maskedLine) {
                seen.add(maskedLine);
            }
        });
        CompletableFuture<AtResponse> f = session.execute(Commands.signalQuality());
        assertEquals("AT+CSQ", modem.takeLine());
        modem.reply("\r\n+CSQ: 20,99\r\n\r\nOK\r\n");
        assertEquals(List.of("+CSQ: 20,99"), f.get(5, TimeUnit.SECONDS).lines());
        assertEquals(List.of("AT+CSQ"), seen, "the other listener still saw the command");
    }

    @Test
    void trafficListenerThatThrowsOnAPayloadDoesNotFailTheCommand() throws Exception {
        session.addTrafficListener(new TrafficListener() {
            @Override
            public void onPayload(String maskedCommand, long bytes) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onLine(String maskedLine) {
                throw new IllegalStateException("listener bug");
            }
        });
        byte[] body = "Hello".getBytes();
        CompletableFuture<AtResponse> f = session.execute(Commands.body(0, body, 90));
        modem.takeLine();
        modem.reply("\r\nCONNECT\r\n");
        assertArrayEquals(body, modem.takeBytes(body.length));
        modem.reply("\r\n+QSMTPBODY: 5\r\n\r\nOK\r\n");
        AtResponse r = f.get(5, TimeUnit.SECONDS);
        assertEquals(5, r.payloadBytesWritten());
        assertEquals(List.of("+QSMTPBODY: 5"), r.lines());
    }

    @Test
    void theFirstCloseCauseWinsWhenTheLinkFailsTwiceAtOnce() throws Exception {
        for (int round = 0; round < 300; round++) {
            ListenerTransport transport = new ListenerTransport();
            AtSession s = AtSession.open(transport, AtSessionOptions.defaults());
            CompletableFuture<AtResponse> inFlight = s.execute(Commands.at());
            CompletableFuture<AtResponse> queued = s.execute(Commands.at());
            CompletableFuture<Urc> waiting = s.awaitUrc("x", u -> true, Duration.ofSeconds(30));
            IOException a = new IOException("cable pulled");
            IOException b = new IOException("port gone");
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            Thread ta = new Thread(() -> closeAfter(go, transport, a));
            Thread tb = new Thread(() -> closeAfter(go, transport, b));
            ta.start();
            tb.start();
            go.countDown();
            ta.join();
            tb.join();
            Throwable first = failure(inFlight).getCause();
            assertTrue(first == a || first == b, "the cause is one of the two, was " + first);
            assertSame(first, failure(queued).getCause(), "round " + round + ": queued command");
            assertSame(first, failure(waiting).getCause(), "round " + round + ": URC wait");
            assertSame(first, failure(s.execute(Commands.at())).getCause(), "round " + round + ": later command");
            // A close after the loss does not overwrite the cause either.
            s.close();
            assertSame(first, failure(s.execute(Commands.at())).getCause(), "round " + round + ": after close()");
        }
    }

    private static void closeAfter(java.util.concurrent.CountDownLatch go, ListenerTransport transport,
            Throwable cause) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        transport.listener.onClosed(cause);
    }

    /** A transport that swallows writes and lets the test play the reader thread. */
    private static final class ListenerTransport implements io.github.uc15mail.transport.Transport {
        volatile io.github.uc15mail.transport.Transport.TransportListener listener;

        @Override
        public void open(io.github.uc15mail.transport.Transport.TransportListener l) {
            listener = l;
        }

        @Override
        public void write(byte[] data, int offset, int length) {}

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public String describe() {
            return "test";
        }

        @Override
        public void close() {}
    }

    @Test
    void errorsAreTyped() throws Exception {
        CompletableFuture<AtResponse> e1 = session.execute(Commands.clearContent());
        modem.takeLine();
        modem.reply("\r\nERROR\r\n");
        assertInstanceOf(ModemErrorException.class, failure(e1));

        CompletableFuture<AtResponse> e2 = session.execute(Commands.addRecipient(1, "a@b.c"));
        modem.takeLine();
        modem.reply("\r\n+CME ERROR: 664\r\n");
        assertEquals(664, assertInstanceOf(SmtpServiceException.class, failure(e2)).errorCode());

        CompletableFuture<AtResponse> e3 = session.execute(Commands.deleteFile("RAM:x"));
        modem.takeLine();
        modem.reply("\r\n+CME ERROR: 407\r\n");
        CmeErrorException cme = assertInstanceOf(CmeErrorException.class, failure(e3));
        assertEquals(407, cme.code());

        CompletableFuture<AtResponse> e4 = session.execute(Commands.simStatus());
        modem.takeLine();
        modem.reply("\r\n+CME ERROR: SIM not inserted\r\n");
        CmeErrorException text = assertInstanceOf(CmeErrorException.class, failure(e4));
        assertEquals("SIM not inserted", text.text());
    }

    @Test
    void bodyIsWrittenOnlyAfterConnectWithExactLength() throws Exception {
        byte[] body = "Hello +++ world\r\nline two".getBytes();
        CompletableFuture<AtResponse> f = session.execute(Commands.body(0, body, 90));
        assertEquals("AT+QSMTPBODY=0," + body.length + ",90", modem.takeLine());
        Thread.sleep(100);
        assertEquals(0, modem.unread(), "no payload before CONNECT");
        modem.reply("\r\nCONNECT\r\n");
        assertArrayEquals(body, modem.takeBytes(body.length));
        modem.reply("\r\n+QSMTPBODY: " + body.length + "\r\n\r\nOK\r\n");
        AtResponse r = f.get(5, TimeUnit.SECONDS);
        assertEquals(body.length, r.payloadBytesWritten());
        assertEquals(List.of("+QSMTPBODY: " + body.length), r.lines());
    }

    @Test
    void ackModeUploadWaitsForEachAcknowledgement() throws Exception {
        byte[] data = new byte[2500];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        AtomicLong progress = new AtomicLong();
        CompletableFuture<AtResponse> f = session.execute(Commands.upload("RAM:a.bin",
                DataPayload.ofBytes(data).withProgress(progress::set), 60, true));
        assertEquals("AT+QFUPL=\"RAM:a.bin\",2500,60,1", modem.takeLine());
        modem.reply("\r\nCONNECT\r\n");
        byte[] first = modem.takeBytes(1024);
        Thread.sleep(100);
        assertEquals(0, modem.unread(), "second block waits for the A");
        modem.reply("A");
        byte[] second = modem.takeBytes(1024);
        Thread.sleep(100);
        assertEquals(0, modem.unread());
        modem.reply("\r\nA\r\n");
        byte[] third = modem.takeBytes(452);
        modem.reply("\r\n+QFUPL: 2500,1a2b\r\n\r\nOK\r\n");
        AtResponse r = f.get(5, TimeUnit.SECONDS);
        assertEquals(List.of("+QFUPL: 2500,1a2b"), r.lines());
        assertEquals(2500, progress.get());
        byte[] all = new byte[2500];
        System.arraycopy(first, 0, all, 0, 1024);
        System.arraycopy(second, 0, all, 1024, 1024);
        System.arraycopy(third, 0, all, 2048, 452);
        assertArrayEquals(data, all);
    }

    @Test
    void urcArrivingWithOkIsSeenByAWaitRegisteredBefore() throws Exception {
        CompletableFuture<Urc> result = session.awaitUrc("+QSMTPPUT", u -> u.line().startsWith("+QSMTPPUT:"),
                Duration.ofSeconds(5));
        CompletableFuture<AtResponse> put = session.execute(Commands.send(300));
        modem.takeLine();
        modem.reply("\r\nOK\r\n\r\n+QSMTPPUT: 677,535\r\n");
        put.get(5, TimeUnit.SECONDS);
        assertEquals("+QSMTPPUT: 677,535", result.get(5, TimeUnit.SECONDS).line());
    }

    @Test
    void subscriberThatThrowsDoesNotHurtOthers() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        session.subscribe("+CMTI", l -> {
            throw new IllegalStateException("boom");
        });
        session.subscribe("+CMTI", u -> seen.add(u.line()));
        Subscription cancelled = session.subscribe("+CMTI", u -> seen.add("cancelled saw " + u));
        cancelled.cancel();
        modem.reply("\r\n+CMTI: \"SM\",1\r\n\r\n+CMTI: \"SM\",2\r\n");
        waitUntil(() -> seen.size() == 2);
        assertEquals(List.of("+CMTI: \"SM\",1", "+CMTI: \"SM\",2"), seen);
    }

    @Test
    void restartFailsTheCommandInFlight() throws Exception {
        CompletableFuture<AtResponse> f = session.execute(Commands.activeContexts());
        modem.takeLine();
        modem.reply("\r\nRDY\r\n");
        assertInstanceOf(ModemRestartedException.class, failure(f));
        assertEquals(1, session.restartCount());
    }

    @Test
    void transportLossFailsInFlightAndQueued() throws Exception {
        CompletableFuture<AtResponse> a = session.execute(Commands.at());
        CompletableFuture<AtResponse> b = session.execute(Commands.at());
        CompletableFuture<Urc> urc = session.awaitUrc("x", l -> true, Duration.ofSeconds(30));
        modem.takeLine();
        modem.close();
        assertInstanceOf(TransportClosedException.class, failure(a));
        assertInstanceOf(TransportClosedException.class, failure(b));
        assertInstanceOf(TransportClosedException.class, failure(urc));
        assertInstanceOf(TransportClosedException.class, failure(session.execute(Commands.at())));
        assertFalse(session.isHealthy());
    }

    @Test
    void becomesUnhealthyAfterConsecutiveTimeouts() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        new FakeModem(pair.modem());
        try (AtSession s = AtSession.open(pair.host(), AtSessionOptions.builder().unhealthyAfterTimeouts(2)
                .resyncAttempts(1).resyncReplyTimeout(Duration.ofMillis(100)).build())) {
            assertInstanceOf(CommandTimeoutException.class,
                    failure(s.execute(Commands.at().withTimeout(Duration.ofMillis(100)))));
            assertTrue(s.isHealthy());
            assertInstanceOf(CommandTimeoutException.class,
                    failure(s.execute(Commands.at().withTimeout(Duration.ofMillis(100)))));
            assertFalse(s.isHealthy());
        }
    }

    @Test
    void authenticationCodeViaCmeIsTyped() throws Exception {
        CompletableFuture<AtResponse> f = session.execute(Commands.send(300));
        modem.takeLine();
        modem.reply("\r\n+CME ERROR: 677\r\n");
        SmtpServiceException auth = assertInstanceOf(SmtpServiceException.class, failure(f));
        assertEquals(677, auth.errorCode());
        assertEquals(FaultKind.ACCOUNT, auth.kind());
    }

    @Test
    void echoComingBackAfterAte0CountsAsARestart() throws Exception {
        CompletableFuture<AtResponse> off = session.execute(Commands.echo(false));
        modem.takeLine();
        modem.reply("ATE0\r\r\nOK\r\n");
        off.get(5, TimeUnit.SECONDS);
        CompletableFuture<AtResponse> quiet = session.execute(Commands.at());
        modem.takeLine();
        modem.reply("\r\nOK\r\n");
        quiet.get(5, TimeUnit.SECONDS);
        assertEquals(0, session.restartCount());

        CompletableFuture<AtResponse> echoed = session.execute(Commands.signalQuality());
        modem.takeLine();
        modem.reply("AT+CSQ\r\r\n+CSQ: 20,99\r\n\r\nOK\r\n");
        assertEquals(List.of("+CSQ: 20,99"), echoed.get(5, TimeUnit.SECONDS).lines());
        assertEquals(1, session.restartCount(), "echo after ATE0 means the modem restarted unseen");
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
