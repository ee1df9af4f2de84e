package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One test per fault-injection feature. */
class FaultsTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    private Uc15Emulator emu() {
        return uc15.emulator();
    }

    @Test
    void chunkRepliesWritesPiecesOfN() {
        emu().faults().chunkReplies(3);
        try (RawAtClient at = RawAtClient.connect(emu())) {
            assertEquals(List.of("ATI", "Quectel", "UC15", "Revision: UC15AGAR01A11E1G", "OK"), at.command("ATI"));
            List<Integer> sizes = at.writeSizes();
            assertTrue(sizes.size() > 10, sizes.toString());
            assertTrue(sizes.stream().allMatch(n -> n <= 3), sizes.toString());
        }
    }

    @Test
    void randomChunksAreSmallAndVaried() {
        emu().faults().randomChunks(42);
        try (RawAtClient at = RawAtClient.connect(emu())) {
            assertEquals(List.of("ATI", "Quectel", "UC15", "Revision: UC15AGAR01A11E1G", "OK"), at.command("ATI"));
            List<Integer> sizes = at.writeSizes();
            assertTrue(sizes.stream().allMatch(n -> n >= 1 && n <= 16), sizes.toString());
            assertTrue(sizes.stream().distinct().count() > 2, sizes.toString());
        }
    }

    @Test
    void replyDelayHoldsTheReply() {
        emu().faults().replyDelay(Duration.ofMillis(400));
        try (RawAtClient at = RawAtClient.connect(emu())) {
            long t0 = System.nanoTime();
            assertEquals(List.of("AT", "OK"), at.command("AT"));
            assertTrue(System.nanoTime() - t0 >= 380_000_000L);
        }
    }

    @Test
    void urcNoiseBetweenLinesAndAfterOk() {
        try (RawAtClient at = RawAtClient.connect(emu())) {
            Modem m = new Modem(at);
            m.to(1, "a@example.com").to(2, "b@example.com");
            emu().faults().urcNoise(true);
            List<String> r = at.command("AT+QSMTPDST?");
            assertEquals(List.of("+QSMTPDST: 1,\"a@example.com\"", "+CMTI: \"SM\",3",
                    "+QSMTPDST: 2,\"b@example.com\"", "+QIND: \"csq\",20,99", "OK"), r);
            assertEquals("+CGREG: 1", at.nextLine(RawAtClient.TIMEOUT));
        }
    }

    @Test
    void silenceNextSwallowsTheReplyButTheCommandTakesEffect() {
        try (RawAtClient at = RawAtClient.connect(emu())) {
            Modem m = new Modem(at);
            emu().faults().silenceNext("AT+QSMTPSUB=");
            at.send("AT+QSMTPSUB=0,\"silent\"");
            assertNull(at.nextLine(Duration.ofMillis(500)));
            assertEquals(List.of("OK"), at.command("AT"));
            assertEquals(List.of("+QSMTPSUB: 0,\"silent\"", "OK"), at.command("AT+QSMTPSUB?"));
            m.ok("AT");
        }
    }

    @Test
    void garbageIsWrittenNowAndBeforeTheNextReply() {
        try (RawAtClient at = RawAtClient.connect(emu())) {
            new Modem(at);
            emu().faults().garbage(new byte[] {(byte) 0xFF, 'x', 0});
            assertTrue(at.awaitText("\u00ffx\u0000", RawAtClient.TIMEOUT));
            emu().faults().garbageBeforeNextReply("#junk#".getBytes(StandardCharsets.US_ASCII));
            at.send("AT");
            assertTrue(at.awaitText("#junk#\r\nOK\r\n", RawAtClient.TIMEOUT));
        }
    }

    @Test
    void resetModemGoesBackToPowerOn() {
        try (RawAtClient at = RawAtClient.connect(emu())) {
            Modem m = new Modem(at);
            m.ok("AT+QIACT=1");
            m.to(1, "a@example.com").upload("RAM:f.txt", new byte[] {1, 2, 3});
            emu().faults().resetModem();
            assertTrue(at.awaitText("\r\nRDY\r\n", RawAtClient.TIMEOUT));
            assertTrue(emu().ramFiles().isEmpty());
            assertTrue(emu().isContentEmpty());
            assertFalse(emu().isPdpActive(1));
            assertEquals(List.of("AT", "OK"), at.command("AT"), "echo is on again");
        }
    }

    @Test
    void cmeErrorOnNthHonoursCmee() {
        try (RawAtClient at = RawAtClient.connect(emu())) {
            Modem m = new Modem(at);
            emu().faults().cmeErrorOn("AT+QSMTPDST=1", 2, 652);
            m.to(1, "a@example.com");
            assertEquals("+CME ERROR: 652", m.result("AT+QSMTPDST=1,1,\"b@example.com\""));
            assertEquals(List.of("+QSMTPDST: 1,\"a@example.com\"", "OK"), at.command("AT+QSMTPDST?"));
            emu().faults().cmeErrorOn("AT+CSQ", 1, 100).cmeErrorOn("AT+CSQ", 2, 100);
            m.ok("AT+CMEE=0");
            assertEquals("ERROR", m.result("AT+CSQ"));
            m.ok("AT+CMEE=2");
            assertEquals("+CME ERROR: unknown", m.result("AT+CSQ"));
        }
    }

    @Test
    void errorOnNth() {
        try (RawAtClient at = RawAtClient.connect(emu())) {
            Modem m = new Modem(at);
            emu().faults().errorOn("AT+CSQ", 1);
            assertEquals("ERROR", m.result("AT+CSQ"));
            m.ok("AT+CSQ");
        }
    }

    @Test
    void forcePutResultSendsNothing() {
        emu().faults().forcePutResult(658, 0);
        try (RawAtClient at = RawAtClient.connect(emu())) {
            Modem m = new Modem(at).server(uc15.smtpHost(), uc15.smtpPort(), 0, "", "");
            m.to(1, "a@example.com");
            assertEquals("+QSMTPPUT: 658,0", m.put());
        }
        assertEquals(0, uc15.receivedMessages().length);
        SentEmail e = emu().awaitSentEmail();
        assertTrue(e.forced());
        assertEquals(658, e.err());
    }

    @Test
    void putResultDelayKeepsTheServiceBusy() {
        emu().faults().putResultDelay(Duration.ofMillis(800));
        try (RawAtClient at = RawAtClient.connect(emu())) {
            Modem m = new Modem(at).server(uc15.smtpHost(), uc15.smtpPort(), 0, "", "");
            m.to(1, "a@example.com");
            m.ok("AT+QSMTPPUT=60");
            assertTrue(emu().isSendInProgress());
            assertEquals("+CME ERROR: 652", m.result("AT+QSMTPDST=1,1,\"b@example.com\""));
            assertEquals("+CME ERROR: 652", m.result("AT+QSMTPPUT=60"));
            assertNull(at.awaitLine(l -> l.startsWith("+QSMTPPUT:"), Duration.ofMillis(300)));
            assertEquals("+QSMTPPUT: 0,0", at.awaitLine(l -> l.startsWith("+QSMTPPUT:"), RawAtClient.TIMEOUT));
            assertFalse(emu().isSendInProgress());
        }
    }

    @Test
    void lineSpeedPacesBothDirections() {
        emu().faults().lineSpeed(9600); // 960 bytes/s
        try (RawAtClient at = RawAtClient.connect(emu())) {
            long t0 = System.nanoTime();
            List<String> r = at.dataCommand("AT+QFUPL=\"RAM:slow.bin\",480,10", new byte[480]);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals("OK", r.get(r.size() - 1));
            assertTrue(ms >= 500, "480 bytes in at 960 B/s took only " + ms + " ms");
            t0 = System.nanoTime();
            at.command("ATI"); // about 60 bytes each way
            ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 50, "ATI took only " + ms + " ms");
        }
    }

    @Test
    void closeLinkOnNextDropsTheLinkAndKeepsTheState() {
        try (RawAtClient at = RawAtClient.connect(emu())) {
            Modem m = new Modem(at);
            m.to(1, "a@example.com");
            emu().faults().closeLinkOnNext("AT+QSMTPPUT");
            at.send("AT+QSMTPPUT=60");
            assertTrue(at.awaitClosed(RawAtClient.TIMEOUT));
        }
        try (RawAtClient at = RawAtClient.connect(emu())) {
            assertEquals(List.of("+QSMTPDST: 1,\"a@example.com\"", "OK"), at.command("AT+QSMTPDST?"), "echo stays off: state kept");
            assertFalse(emu().isSendInProgress());
        }
    }
}
