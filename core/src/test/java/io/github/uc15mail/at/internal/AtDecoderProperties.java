package io.github.uc15mail.at.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** The decoder gives the same events whatever the fragmentation, and survives any bytes. */
class AtDecoderProperties {

    private static final List<String> REPLIES = List.of(
            "AT+QSMTPDST?\r\r\n+QSMTPDST: 1,\"a@b.c\"\r\n+QSMTPDST: 2,\"d@e.f\"\r\n\r\nOK\r\n",
            "\r\n+QIACT: 1,1,1,\"10.7.157.1\"\r\n\r\nOK\r\n",
            "\r\nCONNECT\r\n\r\n+QSMTPBODY: 100\r\n\r\nOK\r\n",
            "\r\n+CME ERROR: 664\r\n",
            "\r\nOK\r\n\r\n+QSMTPPUT: 0,0\r\n",
            "\r\n+QFUPL: 1939,4f64\r\n\r\nOK\r\n",
            "\r\nERROR\r\n");
    private static final List<String> URCS = List.of("\r\n+CMTI: \"SM\",3\r\n", "\r\n+QIND: \"csq\",20,99\r\n",
            "\r\n+CGREG: 1\r\n", "\r\nRDY\r\n");

    @Provide
    Arbitrary<String> traffic() {
        Arbitrary<String> reply = Arbitraries.of(REPLIES);
        Arbitrary<String> urc = Arbitraries.of(URCS);
        return Combinators.combine(reply.list().ofMinSize(1).ofMaxSize(4), urc.list().ofMaxSize(4),
                Arbitraries.longs()).as((replies, urcs, seed) -> {
                    // URCs go between whole lines of the replies (after any CRLF), as a modem emits them.
                    StringBuilder sb = new StringBuilder();
                    java.util.Random random = new java.util.Random(seed);
                    List<String> pending = new ArrayList<>(urcs);
                    for (String r : replies) {
                        for (String part : r.split("(?<=\r\n)")) {
                            sb.append(part);
                            if (!pending.isEmpty() && part.endsWith("\r\n") && random.nextBoolean()) {
                                sb.append(pending.remove(0));
                            }
                        }
                    }
                    pending.forEach(sb::append);
                    return sb.toString();
                });
    }

    @Property(tries = 10_000)
    void anyFragmentationGivesTheSameEvents(@ForAll("traffic") String traffic,
            @ForAll @Size(max = 20) List<@net.jqwik.api.constraints.IntRange(min = 1, max = 4000) Integer> cuts) {
        byte[] bytes = traffic.getBytes(StandardCharsets.ISO_8859_1);
        List<AtEvent> whole = new ArrayList<>();
        new AtDecoder(whole::add).feed(bytes);

        List<AtEvent> pieces = new ArrayList<>();
        AtDecoder decoder = new AtDecoder(pieces::add);
        TreeSet<Integer> positions = new TreeSet<>();
        for (int c : cuts) {
            positions.add(c % (bytes.length + 1));
        }
        positions.add(bytes.length);
        int start = 0;
        for (int end : positions) {
            decoder.feed(bytes, start, end - start);
            start = end;
        }
        assertEquals(whole, pieces);
    }

    @Property(tries = 10_000)
    void randomBytesNeverThrowAndStayBounded(@ForAll @Size(max = 3000) byte[] garbage) {
        List<AtEvent> events = new ArrayList<>();
        AtDecoder decoder = new AtDecoder(events::add, 256);
        decoder.feed(garbage);
        decoder.feed("\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(AtEvent.Type.OK, events.get(events.size() - 1).type(), "decoder recovers at the next line");
        for (AtEvent e : events) {
            assertTrue(e.line().length() <= 256, "no event longer than the limit");
        }
    }
}
