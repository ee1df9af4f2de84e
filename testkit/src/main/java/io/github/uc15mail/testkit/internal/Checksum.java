package io.github.uc15mail.testkit.internal;

/** The {@code AT+QFUPL} checksum: a 16-bit XOR of big-endian byte pairs, an odd last byte as a high byte. */
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
