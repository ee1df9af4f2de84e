package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replays a session written as a script against an {@link RawAtClient}:
 * <pre>
 * > AT+CMD            command to send (without CR)
 * expected line       lines expected up to the final result (or CONNECT), in order
 * &lt;data N&gt;           write N bytes whose QFUPL checksum is 707 (then expect the lines that follow)
 * &lt;data N +++&gt;       write N bytes, then "+++" with 1.1 s guard time before
 * &lt;wait&gt;             write nothing; the lines that follow arrive by themselves (input time expiry)
 * ~ +URC: x           wait for this unsolicited line
 * # comment
 * </pre>
 * {@code ${name}} placeholders are replaced from {@code vars}.
 */
final class AtScript {

    private AtScript() {
    }

    /** N bytes of printable data whose 16-bit XOR checksum is 0x0707 (as in the manual's examples). */
    static byte[] data707(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = 'x';
        }
        // 'x' pairs cancel out when their number is even; "pa" ^ "wf" = 0x0707
        byte[] tail = "pawf".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(tail, 0, b, n - 4, 4);
        return b;
    }

    static void run(RawAtClient at, String script, Map<String, String> vars) {
        String text = script;
        for (Map.Entry<String, String> v : vars.entrySet()) {
            text = text.replace("${" + v.getKey() + "}", v.getValue());
        }
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\n")) {
            String t = l.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                lines.add(t);
            }
        }
        int i = 0;
        while (i < lines.size()) {
            String l = lines.get(i++);
            List<String> expected = new ArrayList<>();
            while (i < lines.size() && !lines.get(i).startsWith(">") && !lines.get(i).startsWith("<")
                    && !lines.get(i).startsWith("~")) {
                expected.add(lines.get(i++));
            }
            String what;
            if (l.startsWith(">")) {
                what = l.substring(1).strip();
                at.send(what);
            } else if (l.startsWith("<data")) {
                String[] parts = l.substring(1, l.length() - 1).split(" ");
                int n = Integer.parseInt(parts[1]);
                what = l;
                at.write(data707(n));
                if (parts.length > 2) {
                    sleep(1100);
                    at.write("+++");
                }
            } else if (l.startsWith("<wait")) {
                what = l;
            } else if (l.startsWith("~")) {
                String urc = l.substring(1).strip();
                String got = at.awaitLine(x -> x.equals(urc), Duration.ofSeconds(30));
                assertEquals(urc, got, "waiting for URC " + urc + "; pending: " + at.pending());
                continue;
            } else {
                throw new IllegalArgumentException("bad script line " + l);
            }
            List<String> got = expected.isEmpty() ? List.of() : at.readResponse(Duration.ofSeconds(15));
            assertEquals(expected, got, "reply to " + what);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
