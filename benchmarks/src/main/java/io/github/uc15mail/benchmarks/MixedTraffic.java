package io.github.uc15mail.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * What a UC15 says to the host during email sends, as one byte stream: command echoes, final results,
 * information lines, unsolicited result codes and the {@code CONNECT} / {@code +QFUPL} results of
 * uploads, in the shapes the emulator and the manual use. Deterministic for a given seed.
 */
public final class MixedTraffic {

    private MixedTraffic() {
    }

    /** At least {@code minBytes} bytes of traffic (whole sends only, so it ends at a line end). */
    public static byte[] build(int minBytes, long seed) {
        Random random = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream(minBytes + 4096);
        while (out.size() < minBytes) {
            appendSend(out, random);
        }
        return out.toByteArray();
    }

    private static void appendSend(ByteArrayOutputStream out, Random random) {
        // Power-on style: echo still on for the first two commands.
        line(out, "AT\r\r\nOK\r\n");
        line(out, "ATE0\r\r\nOK\r\n");
        line(out, "\r\nOK\r\n");
        line(out, "\r\n+CPIN: READY\r\n\r\nOK\r\n");
        line(out, "\r\n+CGREG: 0," + (1 + random.nextInt(2) * 4) + "\r\n\r\nOK\r\n");
        line(out, "\r\n+QIACT: 1,1,1,\"10." + random.nextInt(256) + "." + random.nextInt(256) + ".1\"\r\n\r\nOK\r\n");
        if (random.nextInt(4) == 0) {
            line(out, "\r\n+QIND: \"csq\"," + random.nextInt(32) + ",99\r\n");
        }
        for (int i = 0; i < 6; i++) {
            line(out, "\r\nOK\r\n");
        }
        line(out, "\r\nOK\r\n");
        int files = 1 + random.nextInt(3);
        StringBuilder listing = new StringBuilder("\r\n");
        for (int i = 0; i < files; i++) {
            listing.append("+QFLST: \"RAM:report-").append(random.nextInt(100000)).append(".csv\",")
                    .append(random.nextInt(1 << 20)).append("\r\n");
        }
        line(out, listing + "\r\nOK\r\n");
        for (int i = 0; i < files; i++) {
            line(out, "\r\nCONNECT\r\n");
            int size = 1 + random.nextInt(1 << 20);
            line(out, "\r\n+QFUPL: " + size + "," + Integer.toHexString(random.nextInt(1 << 16)) + "\r\n\r\nOK\r\n");
        }
        if (random.nextInt(3) == 0) {
            line(out, "\r\n+CMTI: \"SM\"," + random.nextInt(40) + "\r\n");
        }
        for (int i = 0; i < 2; i++) {
            line(out, "\r\nOK\r\n");
        }
        line(out, "\r\nOK\r\n");
        line(out, "\r\nCONNECT\r\n");
        line(out, "\r\n+QSMTPBODY: " + random.nextInt(10241) + "\r\n\r\nOK\r\n");
        for (int i = 0; i < files; i++) {
            line(out, "\r\nOK\r\n");
        }
        if (random.nextInt(10) == 0) {
            line(out, "\r\n+CME ERROR: 652\r\n");
        }
        line(out, "\r\nOK\r\n");
        line(out, "\r\n+QSMTPPUT: 0," + (random.nextInt(5) == 0 ? 250 : 0) + "\r\n");
        line(out, "\r\nOK\r\n");
        for (int i = 0; i < files; i++) {
            line(out, "\r\nOK\r\n");
        }
    }

    private static void line(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
