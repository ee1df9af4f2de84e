package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Outages that last: registration, the PDP context, the SMTP server, the module's power; and a script of them. */
class OutageTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer()
            .withEmulator(b -> b.smtpTimeoutScale(0.05));

    Modem ready(RawAtClient at) {
        return new Modem(at).server("127.0.0.1", uc15.smtpPort(), 0, "", "");
    }

    @Test
    void noRegistrationForAWhileThenBack() {
        Uc15Emulator emu = uc15.emulator();
        try (RawAtClient at = RawAtClient.connect(emu)) {
            Modem m = ready(at);
            m.ok("AT+CGREG=1");
            emu.faults().noRegistration(Duration.ofMillis(800));
            assertEquals("+CGREG: 2", at.awaitLine(l -> l.startsWith("+CGREG:"), WAIT), "URC when lost");
            assertEquals(List.of("+CGREG: 1,2", "OK"), at.command("AT+CGREG?"));
            assertFalse(emu.isRegistered());
            m.to(1, "a@example.com");
            assertEquals("+QSMTPPUT: 657,0", m.put(), "no send without registration");
            assertEquals("+CGREG: 1", at.awaitLine(l -> l.startsWith("+CGREG:"), WAIT), "URC when back");
            assertEquals(List.of("+CGREG: 1,1", "OK"), at.command("AT+CGREG?"));
            assertEquals("+QSMTPPUT: 0,0", m.put(), "sends again once registered");
            assertEquals(1, emu.faults().injected(FaultKind.NO_REGISTRATION));
        }
    }

    @Test
    void pdpContextDroppedByTheNetwork() {
        Uc15Emulator emu = uc15.emulator();
        try (RawAtClient at = RawAtClient.connect(emu)) {
            Modem m = ready(at);
            m.to(1, "a@example.com");
            emu.faults().dropPdp(1);
            assertEquals("+QIURC: \"pdpdeact\",1", at.awaitLine(l -> l.startsWith("+QIURC:"), WAIT));
            assertFalse(emu.isPdpActive(1));
            assertEquals("+QSMTPPUT: 657,0", m.put(), "657 on the next send");
            m.ok("AT+QIACT=1");
            assertEquals("+QSMTPPUT: 0,0", m.put(), "sends once the host activates it again");
            assertEquals(1, emu.faults().injected(FaultKind.PDP_DROPPED));
            emu.faults().dropPdp(5);
            assertEquals(1, emu.faults().injected(FaultKind.PDP_DROPPED), "an inactive context is not dropped");
        }
    }

    @Test
    void smtpServerUnreachableForAWhile() {
        Uc15Emulator emu = uc15.emulator();
        try (RawAtClient at = RawAtClient.connect(emu)) {
            Modem m = ready(at).to(1, "a@example.com");
            emu.faults().smtpUnreachable(Duration.ofMillis(700));
            assertEquals("+QSMTPPUT: 654,0", m.put());
            assertEquals(0, uc15.receivedMessages().length, "nothing reached the server");
            AtScript.sleep(800);
            assertEquals("+QSMTPPUT: 0,0", m.put(), "reachable again after the outage");
            assertEquals(1, uc15.receivedMessages().length);
            assertEquals(1, emu.faults().injected(FaultKind.SMTP_UNREACHABLE));
        }
    }

    @Test
    void slowSmtpServerWithinAndBeyondTheTimeout() {
        Uc15Emulator emu = uc15.emulator(); // timeout 60 s × 0.05 = 3 s
        try (RawAtClient at = RawAtClient.connect(emu)) {
            Modem m = ready(at).to(1, "a@example.com");
            emu.faults().smtpSlow(Duration.ofMillis(300));
            assertEquals("+QSMTPPUT: 0,0", m.put(), "slow but within the timeout");
            emu.faults().smtpSlow(Duration.ofSeconds(5));
            assertEquals("+QSMTPPUT: 658,0", m.put(), "slower than the timeout");
            assertEquals(1, uc15.receivedMessages().length, "only the first arrived");
            assertEquals(2, emu.faults().injected(FaultKind.SMTP_SLOW));
        }
    }

    @Test
    void powerOffClosesTheLinkAndANewConnectionGetsRdyAndDefaults() {
        Uc15Emulator emu = uc15.emulator();
        try (RawAtClient at = RawAtClient.connect(emu)) {
            Modem m = ready(at);
            m.ok("AT+CMEE=2");
            emu.faults().powerOff(Duration.ofMillis(1500));
            assertTrue(at.awaitClosed(WAIT), "the link closes when the power goes");
        }
        assertTrue(emu.isPoweredOff());
        try (RawAtClient at = RawAtClient.connect(emu)) {
            assertEquals("RDY", at.awaitLine(l -> l.equals("RDY"), WAIT), "RDY after power-on");
            assertFalse(emu.isPoweredOff());
            assertEquals(List.of("AT+CMEE?", "+CMEE: 1", "OK"), at.command("AT+CMEE?"), "echo on, CMEE 1 again");
            assertFalse(emu.isPdpActive(1), "contexts inactive after power-on");
            assertEquals(1, emu.faults().injected(FaultKind.POWER_OFF));
        }
    }

    @Test
    void inputWhileOffIsIgnored() {
        Uc15Emulator emu = uc15.emulator();
        emu.faults().powerOff(Duration.ofMillis(600));
        try (RawAtClient at = RawAtClient.connect(emu)) {
            at.send("AT");
            assertEquals("RDY", at.awaitLine(l -> !l.isEmpty(), WAIT), "nothing before RDY, not even the echo");
            assertEquals(List.of("AT", "OK"), at.command("AT"));
        }
    }

    @Test
    void aScriptOfOutagesRunsOverTime() {
        Uc15Emulator emu = uc15.emulator();
        try (RawAtClient at = RawAtClient.connect(emu)) {
            Modem m = ready(at).to(1, "a@example.com");
            m.ok("AT+CGREG=1");
            emu.faults()
                    .at(Duration.ofMillis(100), f -> f.noRegistration(Duration.ofMillis(300)))
                    .at(Duration.ofMillis(700), f -> f.dropPdp(1));
            List<String> events = List.of(
                    at.awaitLine(l -> l.startsWith("+"), WAIT),
                    at.awaitLine(l -> l.startsWith("+"), WAIT),
                    at.awaitLine(l -> l.startsWith("+"), WAIT));
            assertEquals(List.of("+CGREG: 2", "+CGREG: 1", "+QIURC: \"pdpdeact\",1"), events, "in order");
            assertEquals(List.of(), emu.faults().scriptFailures());
        }
    }

    @Test
    void aFailingScriptStepIsKept() {
        Uc15Emulator emu = uc15.emulator();
        emu.faults().at(Duration.ZERO, f -> f.dropPdp(99));
        long end = System.nanoTime() + WAIT.toNanos();
        while (emu.faults().scriptFailures().isEmpty() && System.nanoTime() < end) {
            AtScript.sleep(10);
        }
        assertEquals(1, emu.faults().scriptFailures().size());
        assertNotNull(emu.faults().scriptFailures().get(0).getMessage());
    }
}
