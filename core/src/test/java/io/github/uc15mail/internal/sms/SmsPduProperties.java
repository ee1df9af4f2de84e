package io.github.uc15mail.internal.sms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of the 7-bit packing, the alphabet choice and the cutting into parts. */
class SmsPduProperties {

    private static final String EXTENSION = "\u20AC[]{}\\^~|";

    @Property
    void packingRoundTripsWithAnyFill(@ForAll @Size(max = 200) List<@IntRange(min = 0, max = 127) Integer> values,
            @ForAll @IntRange(min = 0, max = 6) int fill) {
        int[] septets = values.stream().mapToInt(Integer::intValue).toArray();
        byte[] packed = Septets.pack(septets, fill);
        assertEquals((fill + 7 * septets.length + 7) / 8, packed.length);
        assertArrayEquals(septets, Septets.unpack(packed, 0, fill, septets.length));
        if (fill > 0 && packed.length > 0) {
            assertEquals(0, packed[0] & ((1 << fill) - 1), "fill bits are zero");
        }
    }

    @Property
    void gsmTextRoundTripsThroughPdusWithAndWithoutHeader(@ForAll("gsmText") String text,
            @ForAll @IntRange(min = 0, max = 255) int reference) {
        SmsText plan = SmsText.plan(text);
        assertTrue(!plan.ucs2(), "GSM alphabet text stays 7-bit");
        List<byte[]> tpdus = SubmitPdu.build("+491701234567", plan, reference);
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < tpdus.size(); i++) {
            PduDecoder.Decoded d = PduDecoder.decode("00" + SubmitPdu.hex(tpdus.get(i)));
            assertEquals("+491701234567", d.address());
            assertEquals(0x00, d.dcs());
            assertTrue(d.userDataLength() <= 160, "UDL " + d.userDataLength());
            if (tpdus.size() > 1) {
                assertEquals(reference, d.reference());
                assertEquals(tpdus.size(), d.total());
                assertEquals(i + 1, d.sequence());
                assertTrue(plan.parts().get(i).length <= SmsText.PART_SEPTETS);
            } else {
                assertEquals(0, d.total());
            }
            joined.append(d.text());
        }
        assertEquals(text, joined.toString());
    }

    @Property
    void extensionCharactersCostTwoSeptetsAndAreNeverSplit(@ForAll("gsmText") String text) {
        long extensions = text.chars().filter(c -> EXTENSION.indexOf(c) >= 0).count();
        SmsText plan = SmsText.plan(text);
        assertEquals(text.length() + extensions, plan.length());
        for (int[] part : plan.parts()) {
            assertTrue(part.length == 0 || part[part.length - 1] != GsmAlphabet.ESCAPE, "a part ends in an escape");
        }
    }

    @Property
    void oneCharacterOutsideTheAlphabetSwitchesToUcs2(@ForAll("gsmText") String text,
            @ForAll("nonGsm") char other, @ForAll @IntRange(min = 0, max = 300) int at) {
        int position = Math.min(at, text.length());
        String mixed = text.substring(0, position) + other + text.substring(position);
        SmsText plan = SmsText.plan(mixed);
        assertTrue(plan.ucs2());
        List<byte[]> tpdus = SubmitPdu.build("+12025550123", plan, 7);
        StringBuilder joined = new StringBuilder();
        for (byte[] tpdu : tpdus) {
            PduDecoder.Decoded d = PduDecoder.decode("00" + SubmitPdu.hex(tpdu));
            assertEquals(0x08, d.dcs());
            assertTrue(d.userDataLength() <= 140);
            joined.append(d.text());
        }
        assertEquals(mixed, joined.toString());
    }

    @Property
    void surrogatePairsAreNeverSplit(@ForAll @IntRange(min = 60, max = 300) int prefix) {
        String text = "a".repeat(prefix) + "\uD83D\uDE00".repeat(40);
        SmsText plan = SmsText.plan(text);
        for (int[] part : plan.parts()) {
            assertTrue(!Character.isHighSurrogate((char) part[part.length - 1]), "a part ends in a high surrogate");
            assertTrue(part.length <= (plan.parts().size() > 1 ? SmsText.PART_UCS2 : SmsText.SINGLE_UCS2));
        }
    }

    @Property
    void gsmPartBoundariesAre160Then153(@ForAll @IntRange(min = 1, max = 1000) int n) {
        int parts = SmsText.plan("a".repeat(n)).parts().size();
        assertEquals(n <= 160 ? 1 : (n + 152) / 153, parts);
    }

    @Property
    void ucs2PartBoundariesAre70Then67(@ForAll @IntRange(min = 1, max = 500) int n) {
        int parts = SmsText.plan("\u00FE".repeat(n)).parts().size();
        assertEquals(n <= 70 ? 1 : (n + 66) / 67, parts);
    }

    @Example
    void anExtensionCharacterAtAPartBoundaryMovesWhole() {
        // 152 septets, then € (2 septets): the escape alone would fill the part; both go to part 2.
        SmsText plan = SmsText.plan("a".repeat(152) + "\u20AC" + "b".repeat(20));
        assertEquals(152, plan.parts().get(0).length);
        assertEquals(GsmAlphabet.ESCAPE, plan.parts().get(1)[0]);
        assertEquals(2, plan.parts().size());
    }

    @Example
    void exactly160SeptetsWithExtensionsIsOnePart() {
        assertEquals(1, SmsText.plan("a".repeat(158) + "[").parts().size());
        assertEquals(2, SmsText.plan("a".repeat(159) + "[").parts().size());
    }

    @Provide
    Arbitrary<String> gsmText() {
        char[] chars = (GsmAlphabet.DEFAULT.replace("\u001B", "") + EXTENSION).toCharArray();
        return Arbitraries.strings().withChars(chars).ofMinLength(1).ofMaxLength(700);
    }

    @Provide
    Arbitrary<Character> nonGsm() {
        return Arbitraries.chars().range('\u0100', '\uD7FF').filter(c -> !GsmAlphabet.canEncode(String.valueOf(c)));
    }
}
