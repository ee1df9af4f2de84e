package io.github.uc15mail.testkit.internal;

/**
 * The {@code AT+QFUPL} checksum: a 16-bit XOR of big-endian byte pairs, an odd last byte as a high byte.
 *
 * <p>Written from the module's manual, independently of core's code on purpose: the emulator is a second
 * opinion on the protocol, so a mistake in core's copy is caught by the tests instead of being repeated here.
 * Do not replace it with a call into core.
 */
public final class Checksum {

    private Checksum() {
    }

    public static int xor16(byte[] data) {
        int sum = 0;
        for (int i = 0; i < data.length; i += 2) {
            int hi = data[i] & 0xFF;
            int lo = i + 1 < data.length ? data[i + 1] & 0xFF : 0;
            sum ^= (hi << 8) | lo;
        }
        return sum;
    }

    /** Lowercase hex without {@code 0x}, as printed in {@code +QFUPL: <size>,<checksum>}. */
    public static String hex(byte[] data) {
        return Integer.toHexString(xor16(data));
    }
}
