package io.github.uc15mail.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The emulator's PDU reader against published examples:
 * [DF] Lars Pettersson, "SMS and the PDU format", dreamfabric.com/sms/ (SMS-SUBMIT and SMS-DELIVER "hellohello");
 * [NSP] node-sms-pdu README "Quick Start" (github.com/futomi/node-sms-pdu): GSM 7-bit and UCS2 SMS-SUBMIT.
 */
class SmsPduReaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        DF submit       | 0011000B916407281553F80000AA0AE8329BFD4697D9EC37                         | +46708251358 | false | hellohello         | 23
        DF deliver      | 07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37 | 27838890001  | false | hellohello         | 28
        NSP gsm         | 0001000B819010325476F8000012C8F71D14969741F9771D447EA7DDE71F             | 09012345678  | false | How are you doing? | 29
        NSP ucs2        | 0001000B819010325476F800080A30533093306B3061308F                         | 09012345678  | true  | こんにちわ          | 23
        """)
    void readsPublishedExamples(String source, String hex, String number, boolean ucs2, String text, int tpduOctets) {
        SmsPduReader.Pdu pdu = SmsPduReader.read(hex);
        assertEquals(number, pdu.number(), source);
        assertEquals(ucs2, pdu.ucs2(), source);
        assertEquals(text, pdu.text(), source);
        assertEquals(1, pdu.total(), source);
        assertEquals(tpduOctets, pdu.tpduOctets(), source);
    }

    @Test
    void readsAConcatenatedPartWithItsFillBit() {
        // "hellohello" as part 2 of 3, reference 0x2A: UDH 050003 2A 03 02, one fill bit, UDL 7 + 10.
        // The [DF] "hellohello" septets packed after one fill bit (each septet moves one bit up).
        SmsPduReader.Pdu pdu = SmsPduReader.read("0041000B916407281553F8000011" + "0500032A0302" + "D06536FB8D2EB3D96F");
        assertEquals(42, pdu.reference());
        assertEquals(3, pdu.total());
        assertEquals(2, pdu.seq());
        assertEquals("hellohello", pdu.text());
    }

    @Test
    void refusesWhatIsNotHex() {
        assertThrows(IllegalArgumentException.class, () -> SmsPduReader.read("00110"));
        assertThrows(IllegalArgumentException.class, () -> SmsPduReader.read("0011000B91"));
    }
}
