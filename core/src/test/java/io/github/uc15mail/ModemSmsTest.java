package io.github.uc15mail;

import io.github.uc15mail.error.Fault.FaultKind;
import io.github.uc15mail.error.ModemErrorException.CmsErrorException;
import io.github.uc15mail.error.CommandTimeoutException;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.mail.SmsReceipt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.at.AtSessionOptions;
import io.github.uc15mail.at.CommandKind;
import io.github.uc15mail.internal.sms.PduDecoder;
import io.github.uc15mail.testkit.InMemoryTransport;
import io.github.uc15mail.transport.Transport.TransportListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Modem#sendSms}: the prompt, the PDU, the answers, and what a failure says. */
class ModemSmsTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    /**
     * A modem end that answers AT commands with OK, AT+CMGS with the prompt {@code > } (no line end) after a
     * delay, and a PDU ended by Ctrl-Z with what {@code afterPdu} says. Records every byte the host wrote and
     * whether any arrived while a prompt was due but not shown.
     */
    final class SmsModem implements TransportListener {
        final InMemoryTransport end;
        final ByteArrayOutputStream all = new ByteArrayOutputStream();
        final List<String> commands = new CopyOnWriteArrayList<>();
        final List<String> pdus = new CopyOnWriteArrayList<>();
        final List<String> afterPdu;
        final long promptDelayMillis;
        final boolean showPrompt;
        volatile boolean awaitingPrompt;
        volatile boolean byteBeforePrompt;
        volatile boolean escReceived;
        private boolean inPdu;
        private final StringBuilder line = new StringBuilder();

        SmsModem(InMemoryTransport end, long promptDelayMillis, boolean showPrompt, List<String> afterPdu) throws IOException {
            this.end = end;
            this.promptDelayMillis = promptDelayMillis;
            this.showPrompt = showPrompt;
            this.afterPdu = new ArrayList<>(afterPdu);
            end.open(this);
        }

        @Override
        public synchronized void onBytes(byte[] data, int offset, int length) {
            all.write(data, offset, length);
            for (int i = offset; i < offset + length; i++) {
                byte b = data[i];
                if (b == 0x1B) {
                    escReceived = true;
                    inPdu = false;
                    line.setLength(0);
                    continue;
                }
                if (awaitingPrompt) {
                    byteBeforePrompt = true;
                }
                if (inPdu) {
                    if (b == 0x1A) {
                        inPdu = false;
                        pdus.add(line.toString());
                        line.setLength(0);
                        String answer = afterPdu.isEmpty() ? "+CMGS: 9\r\n\r\nOK" : afterPdu.remove(0);
                        if (!answer.isEmpty()) {
                            send("\r\n" + answer + "\r\n");
                        }
                    } else {
                        line.append((char) b);
                    }
                    continue;
                }
                if (b == '\r') {
                    String cmd = line.toString().strip();
                    line.setLength(0);
                    if (!cmd.isEmpty()) {
                        commands.add(cmd);
                        answer(cmd);
                    }
                } else if (b != '\n') {
                    line.append((char) b);
                }
            }
        }

        private void answer(String cmd) {
            if (cmd.startsWith("AT+CMGS=")) {
                if (!showPrompt) {
                    awaitingPrompt = true;
                    return;
                }
                awaitingPrompt = true;
                timer.schedule(() -> {
                    synchronized (this) {
                        awaitingPrompt = false;
                        inPdu = true;
                        send("\r\n> ");
                    }
                }, promptDelayMillis, TimeUnit.MILLISECONDS);
            } else {
                send("\r\nOK\r\n");
            }
        }

        /** The state a host that died at the prompt leaves: the modem takes everything as PDU text. */
        void stuckInPrompt() {
            inPdu = true;
        }

        void send(String s) {
            try {
                end.write(s.getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void onClosed(Throwable cause) {}
    }

    @Test
    void writesThePduOnlyAfterThePromptAndReadsTheMessageReference() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        SmsModem fake = new SmsModem(pair.modem(), 300, true, List.of("+CMGS: 17\r\n\r\nOK"));
        try (Modem modem = Modem.open(pair.host())) {
            SmsReceipt receipt = modem.sendSms(SmsDraft.of("+46708251358", "hellohello"));
            assertEquals(List.of(17), receipt.messageReferences());
            assertEquals(-1, receipt.concatReference());
        }
        assertFalse(fake.byteBeforePrompt, "a byte was written before the prompt");
        assertEquals(List.of("AT", "ATE0", "AT+CMEE=1", "AT+CMGF=0", "AT+CMGS=22"), fake.commands);
        assertEquals(List.of("0001000B916407281553F800000AE8329BFD4697D9EC37"), fake.pdus);
    }

    @Test
    void aLongTextGoesAsPartsWithOneReference() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        SmsModem fake = new SmsModem(pair.modem(), 20, true, List.of());
        String text = "Pumpe 3: Druck zu niedrig. ".repeat(8).substring(0, 200);
        try (Modem modem = Modem.open(pair.host())) {
            SmsReceipt receipt = modem.sendSms(SmsDraft.of("+491701234567", text));
            assertEquals(2, receipt.parts());
        }
        assertEquals(2, fake.pdus.size());
        PduDecoder.Decoded first = PduDecoder.decode(fake.pdus.get(0));
        PduDecoder.Decoded second = PduDecoder.decode(fake.pdus.get(1));
        assertEquals(first.reference(), second.reference());
        assertEquals(text, first.text() + second.text());
        assertEquals(1, first.sequence());
        assertEquals(2, second.sequence());
    }

    @Test
    void aPromptThatNeverComesIsClosedWithEscAndTheOutcomeIsKnown() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        SmsModem fake = new SmsModem(pair.modem(), 0, false, List.of());
        AtSessionOptions options = AtSessionOptions.builder().timeout(CommandKind.SMS_SEND, Duration.ofMillis(400)).build();
        try (Modem modem = Modem.open(pair.host(), options)) {
            CommandTimeoutException e = assertThrows(CommandTimeoutException.class,
                    () -> modem.sendSms(SmsDraft.of("+491701234567", "alarm")));
            assertFalse(e.isOutcomeUnknown(), "no PDU went out");
            // The next command runs once the session resynchronised: the ESC came first.
            modem.execute(io.github.uc15mail.at.Commands.at());
        }
        assertTrue(fake.escReceived, "no ESC after the timeout");
        assertTrue(fake.pdus.isEmpty());
    }

    @Test
    void noAnswerAfterCtrlZIsOutcomeUnknown() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        new SmsModem(pair.modem(), 10, true, List.of(""));
        AtSessionOptions options = AtSessionOptions.builder().timeout(CommandKind.SMS_SEND, Duration.ofMillis(500)).build();
        try (Modem modem = Modem.open(pair.host(), options)) {
            CommandTimeoutException e = assertThrows(CommandTimeoutException.class,
                    () -> modem.sendSms(SmsDraft.of("+491701234567", "alarm")));
            assertTrue(e.isOutcomeUnknown());
        }
    }

    @Test
    void aPromptADeadHostLeftOpenIsClosedWithEscBeforeTheNextSms() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        SmsModem fake = new SmsModem(pair.modem(), 10, true, List.of("+CMGS: 3\r\n\r\nOK"));
        synchronized (fake) {
            fake.stuckInPrompt(); // as an earlier host left it: everything is PDU text until Ctrl-Z or ESC
        }
        AtSessionOptions options = AtSessionOptions.builder().timeout(CommandKind.CONTROL, Duration.ofMillis(300))
                .resyncReplyTimeout(Duration.ofMillis(300)).guardTime(Duration.ofMillis(100)).build();
        try (Modem modem = Modem.open(pair.host(), options)) {
            SmsReceipt receipt = modem.sendSms(SmsDraft.of("+491701234567", "alarm"));
            assertEquals(List.of(3), receipt.messageReferences());
        }
        assertTrue(fake.escReceived, "the open prompt was not cancelled");
        assertEquals(1, fake.pdus.size(), "only this SMS's PDU was submitted: " + fake.pdus);
    }

    @Test
    void cmsErrorsAreTypedAndClassified() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        new SmsModem(pair.modem(), 10, true, List.of("+CMS ERROR: 331", "+CMS ERROR: 304"));
        try (Modem modem = Modem.open(pair.host())) {
            CmsErrorException network = assertThrows(CmsErrorException.class,
                    () -> modem.sendSms(SmsDraft.of("+491701234567", "alarm")));
            assertEquals(331, network.code());
            assertEquals(io.github.uc15mail.error.Fault.FaultKind.NETWORK, network.kind());
            assertTrue(network.isRetryable());
            assertFalse(network.isOutcomeUnknown());
            assertEquals("modem answered +CMS ERROR: 331 (no network service) to AT+CMGS=18", network.getMessage());
            CmsErrorException bad = assertThrows(CmsErrorException.class,
                    () -> modem.sendSms(SmsDraft.of("+491701234567", "alarm")));
            assertEquals(io.github.uc15mail.error.Fault.FaultKind.MESSAGE, bad.kind());
            assertFalse(bad.isRetryable());
            assertFalse(bad.isModemFault());
        }
    }

    @Test
    void aRefusalAfterTheFirstPartIsOutcomeUnknownAndNamesTheParts() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        new SmsModem(pair.modem(), 10, true, List.of("+CMGS: 1\r\n\r\nOK", "+CMS ERROR: 332"));
        try (Modem modem = Modem.open(pair.host())) {
            CmsErrorException e = assertThrows(CmsErrorException.class,
                    () -> modem.sendSms(SmsDraft.of("+491701234567", "y".repeat(300))));
            assertEquals(1, e.partsSent());
            assertTrue(e.isOutcomeUnknown());
        }
    }

    @Test
    void theGateRunsBeforeTheFirstCmgsAndCanStopIt() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        SmsModem fake = new SmsModem(pair.modem(), 10, true, List.of());
        try (Modem modem = Modem.open(pair.host())) {
            Uc15Exception e = assertThrows(Uc15Exception.class, () -> modem.sendSms(SmsDraft.of("+491701234567", "a"),
                    () -> {
                        throw new IllegalStateException("store down");
                    }));
            assertEquals("the SMS was stopped before AT+CMGS: store down", e.getMessage());
        }
        assertTrue(fake.commands.stream().noneMatch(c -> c.startsWith("AT+CMGS")));
    }
}
