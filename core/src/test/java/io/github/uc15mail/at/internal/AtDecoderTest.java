package io.github.uc15mail.at.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.uc15mail.at.internal.AtEvent.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: real reply shapes from the manual and the reference, fed whole and one byte at a time. */
class AtDecoderTest {

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("echo on, OK", "AT\r\r\nOK\r\n", List.of("ECHO:AT", "OK:OK")),
                Arguments.of("echo off, OK", "\r\nOK\r\n", List.of("OK:OK")),
                Arguments.of("information line then OK", "\r\n+QIACT: 1,1,1,\"10.7.157.1\"\r\n\r\nOK\r\n",
                        List.of("LINE:+QIACT: 1,1,1,\"10.7.157.1\"", "OK:OK")),
                Arguments.of("URC between info line and OK",
                        "\r\n+QSMTPDST: 1,\"a@b.c\"\r\n\r\n+CMTI: \"SM\",3\r\n\r\nOK\r\n",
                        List.of("LINE:+QSMTPDST: 1,\"a@b.c\"", "LINE:+CMTI: \"SM\",3", "OK:OK")),
                Arguments.of("QSMTPPUT URC right after OK", "AT+QSMTPPUT=300\r\r\nOK\r\n\r\n+QSMTPPUT: 0,0\r\n",
                        List.of("ECHO:AT+QSMTPPUT=300", "OK:OK", "LINE:+QSMTPPUT: 0,0")),
                Arguments.of("CONNECT then body result", "\r\nCONNECT\r\n\r\n+QSMTPBODY: 100\r\n\r\nOK\r\n",
                        List.of("CONNECT:CONNECT", "LINE:+QSMTPBODY: 100", "OK:OK")),
                Arguments.of("numeric CME error", "\r\n+CME ERROR: 664\r\n", List.of("CME_ERROR:+CME ERROR: 664#664")),
                Arguments.of("text CME error", "\r\n+CME ERROR: SIM not inserted\r\n",
                        List.of("CME_ERROR:+CME ERROR: SIM not inserted#-1")),
                Arguments.of("plain ERROR", "\r\nERROR\r\n", List.of("ERROR:ERROR")),
                Arguments.of("NO CARRIER", "\r\nNO CARRIER\r\n", List.of("NO_CARRIER:NO CARRIER")),
                Arguments.of("stray CR and LF", "\r\r\n\n\r\nOK\r\r\n\n", List.of("OK:OK")),
                Arguments.of("LF-only line ends", "\n+CSQ: 20,99\n\nOK\n", List.of("LINE:+CSQ: 20,99", "OK:OK")),
                Arguments.of("RDY after reset", "\r\nRDY\r\n", List.of("LINE:RDY")),
                Arguments.of("QFUPL result", "\r\n+QFUPL: 200,707\r\n\r\nOK\r\n",
                        List.of("LINE:+QFUPL: 200,707", "OK:OK")),
                Arguments.of("ATI lines", "\r\nQuectel\r\nUC15\r\nRevision: UC15AGAR01A11E1G\r\n\r\nOK\r\n",
                        List.of("LINE:Quectel", "LINE:UC15", "LINE:Revision: UC15AGAR01A11E1G", "OK:OK")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void decodesWhole(String name, String input, List<String> expected) {
        assertEquals(expected, decode(input, input.length(), false));
    }

    @ParameterizedTest(name = "{0}, one byte at a time")
    @MethodSource("shapes")
    void decodesOneByteAtATime(String name, String input, List<String> expected) {
        assertEquals(expected, decode(input, 1, false));
    }

    static Stream<Arguments> ackShapes() {
        return Stream.of(
                Arguments.of("bare A", "\r\nCONNECT\r\nAA\r\n+QFUPL: 2048,0\r\n\r\nOK\r\n",
                        List.of("CONNECT:CONNECT", "ACK:A", "ACK:A", "LINE:+QFUPL: 2048,0", "OK:OK")),
                Arguments.of("A on its own line", "\r\nCONNECT\r\n\r\nA\r\n\r\nA\r\n\r\n+QFUPL: 2048,0\r\n\r\nOK\r\n",
                        List.of("CONNECT:CONNECT", "ACK:A", "ACK:A", "LINE:+QFUPL: 2048,0", "OK:OK")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ackShapes")
    void decodesAcksInAckMode(String name, String input, List<String> expected) {
        assertEquals(expected, decode(input, input.length(), true));
        assertEquals(expected, decode(input, 1, true));
    }

    @org.junit.jupiter.api.Test
    void overlongLineIsReportedOnceAndDropped() {
        List<AtEvent> events = new ArrayList<>();
        AtDecoder decoder = new AtDecoder(events::add, 64);
        decoder.feed(("\r\n" + "X".repeat(500) + "\r\nOK\r\n").getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(List.of(Type.OVERLONG, Type.OK), events.stream().map(AtEvent::type).toList());
    }

    static List<String> decode(String input, int chunk, boolean ackMode) {
        List<String> out = new ArrayList<>();
        AtDecoder decoder = new AtDecoder(e -> out.add(e.type() + ":" + e.line()
                + (e.type() == Type.CME_ERROR ? "#" + e.code() : "")));
        decoder.setAckMode(ackMode);
        byte[] bytes = input.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length; i += chunk) {
            decoder.feed(bytes, i, Math.min(chunk, bytes.length - i));
        }
        return out;
    }
}
