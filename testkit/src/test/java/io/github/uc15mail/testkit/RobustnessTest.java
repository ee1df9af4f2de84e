package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random and hostile input never kills the interpreter; the modem answers AT afterwards. */
class RobustnessTest {

    private static final String[] FRAGMENTS = {
        "AT", "+QSMTP", "CFG", "DST", "SUB", "BODY", "ATT", "PUT", "CLR", "=", "?", "=?", ",", "\"", "\r", "\n",
        "+QFUPL=", "\"RAM:", "+++", "1", "0", "65535", "99999999999999999999", "-1", "0x", "ATE0", "AT+CMEE=2",
        "\u0000", "\u00ff", " ", "AT+QSMTPCFG=\"account\",", "AT+QSSLCFG=\"cacert\",1,", "AT+QFDEL=\"RAM:*\"\r",
    };

    @Test
    void randomFragmentsThenResync() {
        for (long seed = 1; seed <= 20; seed++) {
            Random rnd = new Random(seed);
            try (Uc15Emulator emu = Uc15Emulator.builder().build(); RawAtClient at = RawAtClient.connect(emu)) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < 400; i++) {
                    if (rnd.nextInt(10) == 0) {
                        byte[] junk = new byte[rnd.nextInt(8)];
                        rnd.nextBytes(junk);
                        sb.append(new String(junk, StandardCharsets.ISO_8859_1));
                    } else {
                        sb.append(FRAGMENTS[rnd.nextInt(FRAGMENTS.length)]);
                    }
                }
                at.write(sb.toString());
                resync(emu, at);
            }
        }
    }

    @Test
    void overlongLineAnswersError() {
        try (Uc15Emulator emu = Uc15Emulator.create(); RawAtClient at = RawAtClient.connect(emu)) {
            at.send("AT+" + "X".repeat(5000));
            assertEquals("ERROR", at.awaitLine(RawAtClient::isFinal, RawAtClient.TIMEOUT));
            resync(emu, at);
        }
    }

    /** What an SDK does after losing sync: end any data mode with a guarded +++, then AT until OK. */
    private static void resync(Uc15Emulator emu, RawAtClient at) {
        if (emu.isInDataMode()) {
            AtScript.sleep(1100);
            at.write("+++");
            AtScript.sleep(1100);
        }
        // a data mode with a large length may still be open if +++ counted as data; input time ends it
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (emu.isInDataMode() && System.nanoTime() < deadline) {
            at.write("x".repeat(1024));
            AtScript.sleep(50);
        }
        org.junit.jupiter.api.Assertions.assertFalse(emu.isInDataMode(), "data mode did not end within 20 s");
        at.write("\r");
        AtScript.sleep(100);
        String pending = at.pending();
        at.send("AT");
        String l = at.awaitLine(x -> x.equals("OK"), Duration.ofSeconds(5));
        assertEquals("OK", l, "modem does not answer after fuzzing; got " + pending + " / " + at.pending());
        at.send("AT+QSMTPDST?");
        List<String> r = at.readResponse(RawAtClient.TIMEOUT);
        assertEquals(true, RawAtClient.isFinal(r.get(r.size() - 1)));
    }
}
