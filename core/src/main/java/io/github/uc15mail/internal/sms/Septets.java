package io.github.uc15mail.internal.sms;

/**
 * Packs septets into octets and back (3GPP TS 23.040, 9.2.3.24 and TS 23.038, 6.1.2.1.1): septets go
 * least significant bit first; {@code fillBits} zero bits come first so that the text after a user data
 * header starts on a septet boundary.
 */
public final class Septets {

    private Septets() {}

    /** The octets of {@code septets} after {@code fillBits} (0-6) zero bits. */
    public static byte[] pack(int[] septets, int fillBits) {
        checkFill(fillBits);
        int bits = fillBits + 7 * septets.length;
        byte[] out = new byte[(bits + 7) / 8];
        int bit = fillBits;
        for (int s : septets) {
            int v = s & 0x7F;
            int index = bit / 8;
            int shift = bit % 8;
            out[index] |= (byte) (v << shift);
            if (shift > 1) {
                out[index + 1] |= (byte) (v >> (8 - shift));
            }
            bit += 7;
        }
        return out;
    }

    /** {@code count} septets read from {@code octets} starting at {@code offset}, after {@code fillBits} bits. */
    public static int[] unpack(byte[] octets, int offset, int fillBits, int count) {
        checkFill(fillBits);
        int needed = (fillBits + 7 * count + 7) / 8;
        if (count < 0 || offset < 0 || offset + needed > octets.length) {
            throw new IllegalArgumentException("user data: " + count + " septets need " + needed
                    + " octets, only " + Math.max(0, octets.length - offset) + " present");
        }
        int[] out = new int[count];
        int bit = fillBits;
        for (int i = 0; i < count; i++) {
            int index = offset + bit / 8;
            int shift = bit % 8;
            int v = (octets[index] & 0xFF) >> shift;
            if (shift > 1) {
                v |= (octets[index + 1] & 0xFF) << (8 - shift);
            }
            out[i] = v & 0x7F;
            bit += 7;
        }
        return out;
    }

    /** The fill bits after a user data header of {@code headerOctets} octets (including its length octet). */
    public static int fillBitsAfter(int headerOctets) {
        int rest = (headerOctets * 8) % 7;
        return rest == 0 ? 0 : 7 - rest;
    }

    /** The septets a user data header of {@code headerOctets} octets and its fill bits take. */
    public static int headerSeptets(int headerOctets) {
        return (headerOctets * 8 + fillBitsAfter(headerOctets)) / 7;
    }

    private static void checkFill(int fillBits) {
        if (fillBits < 0 || fillBits > 6) {
            throw new IllegalArgumentException("fill bits: must be 0-6, was " + fillBits);
        }
    }
}
