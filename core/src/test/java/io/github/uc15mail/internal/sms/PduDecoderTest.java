package io.github.uc15mail.internal.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decoding published example PDUs. Sources:
 * <ul>
 *   <li>[DF] Lars Pettersson, "SMS and the PDU format", dreamfabric.com/sms/ (the well-known tutorial whose
 *       "hellohello" examples many drivers test against): an SMS-SUBMIT with relative validity period and an
 *       SMS-DELIVER.</li>
 *   <li>[NSP] node-sms-pdu README, "Quick Start" (github.com/futomi/node-sms-pdu, npm node-sms-pdu 0.3.0): a GSM
 *       7-bit and a UCS2 SMS-SUBMIT without validity period to the national number 09012345678.</li>
 * </ul>
 */
class PduDecoderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        DF submit        | 0011000B916407281553F80000AA0AE8329BFD4697D9EC37                          | true  | +46708251358 | 0 | hellohello
        DF deliver       | 07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37  | false | 27838890001  | 0 | hellohello
        NSP gsm submit   | 0001000B819010325476F8000012C8F71D14969741F9771D447EA7DDE71F              | true  | 09012345678  | 0 | How are you doing?
        NSP ucs2 submit  | 0001000B819010325476F800080A30533093306B3061308F                          | true  | 09012345678  | 8 | \u3053\u3093\u306B\u3061\u308F
        """)
    void decodesPublishedExamples(String source, String pdu, boolean submit, String address, int dcs, String text) {
        PduDecoder.Decoded d = PduDecoder.decode(pdu);
        assertEquals(submit, d.submit(), source);
        assertEquals(address, d.address(), source);
        assertEquals(dcs, d.dcs(), source);
        assertEquals(unescape(text), d.text(), source);
        assertEquals(0, d.total(), source);
    }

    @Test
    void encoderWritesTheDreamfabricSubmitWithoutItsValidityPeriod() {
        // [DF]'s SUBMIT with first octet 11 (VPF relative) and VP AA; ours sends no validity period:
        // first octet 01 and the AA removed, everything else octet for octet the same.
        List<byte[]> tpdus = SubmitPdu.build("+46708251358", SmsText.plan("hellohello"), 0);
        assertEquals(1, tpdus.size());
        assertEquals("0001000B916407281553F800000AE8329BFD4697D9EC37", "00" + SubmitPdu.hex(tpdus.get(0)));
    }

    @Test
    void encoderWritesTheNodeSmsPduUcs2TextTheSameWay() {
        // [NSP]'s UCS2 user data (UDL 0A, then the five characters big-endian) comes out the same.
        byte[] tpdu = SubmitPdu.build("+819012345678", SmsText.plan("\u3053\u3093\u306B\u3061\u308F"), 0).get(0);
        String hex = SubmitPdu.hex(tpdu);
        assertEquals("00080A30533093306B3061308F", hex.substring(hex.length() - 26));
    }

    @Test
    void decodesAConcatenationHeaderAndItsFillBit() {
        String pdu = "00" + SubmitPdu.hex(SubmitPdu.build("+491701234567", SmsText.plan("x".repeat(200)), 0x42).get(1));
        PduDecoder.Decoded d = PduDecoder.decode(pdu);
        assertEquals(0x42, d.reference());
        assertEquals(2, d.total());
        assertEquals(2, d.sequence());
        assertEquals("x".repeat(47), d.text());
        assertEquals(7 + 47, d.userDataLength());
    }

    @Test
    void aTruncatedPduIsRefusedWithItsLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PduDecoder.decode("0011000B916407281553F80000AA0AE8329B"));
        assertEquals("user data: 10 septets need 9 octets, only 3 present", e.getMessage());
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith("\\u", i)) {
                sb.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }
}
