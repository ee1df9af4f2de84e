package io.github.uc15mail.at.internal;

/**
 * The checksum {@code AT+QFUPL} reports: a 16-bit XOR of the data taken as big-endian byte pairs, an odd
 * last byte being the high byte of a final pair. Incremental, so a stream can be checked as it is sent.
 */
public final class QfuplChecksum {

    private int value;
    private boolean odd;

    public void update(byte[] data, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            int b = data[i] & 0xFF;
            value ^= odd ? b : (b << 8);
            odd = !odd;
        }
    }

    public int value() {
        return value & 0xFFFF;
    }

    public static int of(byte[] data) {
        QfuplChecksum c = new QfuplChecksum();
        c.update(data, 0, data.length);
        return c.value();
    }
}
