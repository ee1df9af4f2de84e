package io.github.uc15mail.trace;

import io.github.uc15mail.trace.Trace.TraceRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.transport.Transport;
import io.github.uc15mail.transport.Transport.TransportListener;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** What a {@link TraceRecorder} writes for a scripted exchange, byte for byte where it matters. */
class TraceRecorderTest {

    /** A transport whose modem side the test plays by hand. */
    static final class Scripted implements Transport {
        TransportListener listener;
        final ByteArrayOutputStream written = new ByteArrayOutputStream();

        @Override
        public void open(TransportListener l) {
            listener = l;
        }

        @Override
        public void write(byte[] data, int offset, int length) {
            written.write(data, offset, length);
        }

        void modem(String text) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            listener.onBytes(b, 0, b.length);
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public String describe() {
            return "scripted";
        }

        @Override
        public void close() {
        }
    }

    private static void host(Transport t, String text) throws Exception {
        t.write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void recordsChunksAsTheyCameMasksSecretsAndHeadsWithTheAtiIdentity() throws Exception {
        Scripted link = new Scripted();
        StringWriter file = new StringWriter();
        Clock clock = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);
        TraceRecorder rec = TraceRecorder.builder(link, file).clock(clock).sdkVersion("9.9").secret("known-secret").build();
        rec.open(new TransportListener() {
            @Override
            public void onBytes(byte[] data, int offset, int length) {
            }

            @Override
            public void onClosed(Throwable cause) {
            }
        });
        host(rec, "ATI\r");
        link.modem("\r\nQuectel\r\nUC1");
        link.modem("5\r\nRevision: UC15AGAR01A11E1G\r\n\r\nOK\r\n");
        // the echo of a secret-bearing command, split in the middle of the password
        host(rec, "AT+QSMTPCFG=\"account\",\"u\",\"pa55word\"\r");
        link.modem("AT+QSMTPCFG=\"account\",\"u\",\"pa5");
        link.modem("5word\"\r\r\nOK\r\n");
        host(rec, "AT+QICSGP=1,1,\"apn\",\"user\",\"apn-pw\",1\r");
        link.modem("\r\nOK\r\n");
        host(rec, "AT+QSSLCFG=\"clientkeypwd\",1,\"key-pw\"\r");
        link.modem("\r\n+CME ERROR: 50\r\n");
        host(rec, "AT+QSMTPSUB=0,\"known-secret in a subject\"\r");
        link.modem("\r\nOK\r\n");
        host(rec, "AT+QSMTPBODY=0,5,90\r");
        link.modem("\r\nCONNECT\r\n");
        host(rec, "hello");
        link.modem("\r\n+QSMTPBODY: 5\r\n\r\nOK\r\n");
        rec.close();

        String all = file.toString();
        for (String secret : List.of("pa55word", "pa5", "apn-pw", "key-pw", "known-secret")) {
            assertFalse(all.contains(secret), secret + " in\n" + all);
        }
        assertFalse(all.contains("hello"), "payload bytes without --trace-payloads");
        assertTrue(link.written.toString(StandardCharsets.UTF_8).contains("pa55word"), "the modem still gets the password");

        Trace t = Trace.parse(all.lines().toList());
        assertEquals("Quectel / UC15 / Revision: UC15AGAR01A11E1G", t.headerText("ati"));
        assertEquals("UC15", t.headerText("model"));
        assertEquals("UC15AGAR01A11E1G", t.headerText("revision"));
        assertEquals("9.9", t.headerText("sdk"));
        assertEquals("2026-03-04", t.headerText("date"));

        List<TraceRecord> r = t.records();
        assertEquals(new TraceRecord(0, TraceRecord.Kind.COMMAND, TraceRecord.Direction.TO_MODEM, "ATI\r", null, 0, null, null),
                r.get(0));
        // the ATI reply keeps its two chunks
        assertEquals("\r\nQuectel\r\nUC1", r.get(1).text());
        assertEquals("5\r\nRevision: UC15AGAR01A11E1G\r\n\r\nOK\r\n", r.get(2).text());
        assertEquals(TraceRecord.Kind.END, r.get(3).kind());
        assertEquals("OK", r.get(3).result());
        // the echo that held the password is one masked chunk
        assertEquals("AT+QSMTPCFG=\"account\",\"u\",\"****\"\r", r.get(4).text());
        assertEquals("AT+QSMTPCFG=\"account\",\"u\",\"****\"\r\r\nOK\r\n", r.get(5).text());
        assertTrue(all.contains("AT+QICSGP=1,1,\\\"apn\\\",\\\"user\\\",\\\"****\\\",1\\r"), all);
        assertTrue(all.contains("AT+QSSLCFG=\\\"clientkeypwd\\\",1,\\\"****\\\"\\r"), all);
        assertTrue(r.stream().anyMatch(x -> "+CME ERROR: 50".equals(x.result())));

        TraceRecord payload = r.stream().filter(x -> x.kind() == TraceRecord.Kind.PAYLOAD).findFirst().orElseThrow();
        CRC32 crc = new CRC32();
        crc.update("hello".getBytes(StandardCharsets.US_ASCII));
        assertEquals(5, payload.length());
        assertEquals(String.format("%08x", crc.getValue()), payload.crc32());
        assertTrue(payload.payloadBytes().isEmpty());
    }

    @Test
    void withPayloadsTheBytesAreKeptAndBinaryIsHex() throws Exception {
        Scripted link = new Scripted();
        StringWriter file = new StringWriter();
        TraceRecorder rec = TraceRecorder.builder(link, file).payloads(true).build();
        rec.open(new TransportListener() {
            @Override
            public void onBytes(byte[] data, int offset, int length) {
            }

            @Override
            public void onClosed(Throwable cause) {
            }
        });
        host(rec, "AT+QFUPL=\"RAM:a.bin\",3,60,1\r");
        link.modem("\r\nCONNECT\r\n");
        rec.write(new byte[] {(byte) 0xff, 0, (byte) 0x80});
        link.modem("\r\n+QFUPL: 3,1234\r\n\r\nOK\r\n");
        host(rec, "AT\r");
        rec.close();
        Trace t = Trace.parse(file.toString().lines().toList());
        TraceRecord p = t.records().stream().filter(x -> x.kind() == TraceRecord.Kind.PAYLOAD).findFirst().orElseThrow();
        assertEquals("ff0080", p.hex());
        assertEquals(3, p.payloadBytes().orElseThrow().length);
        assertEquals("AT\r", t.records().get(t.records().size() - 1).text(), "data mode ended with the declared length");
        assertEquals("", t.headerText("ati"), "no ATI: the header is written at close, identity empty");
    }
}
