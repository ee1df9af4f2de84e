package io.github.uc15mail.internal.sms;

import java.nio.charset.StandardCharsets;

/**
 * Decodes an SMS-SUBMIT or SMS-DELIVER PDU as written to or read from a module in PDU mode, with its
 * leading service-centre field (3GPP TS 23.040, 9.2.2.1 and 9.2.2.2; TS 27.005, 3.1). Understands the
 * validity-period formats, the GSM 7-bit (with extension table), 8-bit and UCS2 alphabets, and the
 * concatenation headers with 8-bit (IEI 00) and 16-bit (IEI 08) reference. Used to check the encoder and to
 * show what a PDU says; it throws {@link IllegalArgumentException} on a malformed PDU.
 */
public final class PduDecoder {

    /** What a PDU says. {@code reference}, {@code total} and {@code sequence} are 0 when it is not a part. */
    public record Decoded(boolean submit, String address, int dcs, String text, int reference, int total, int sequence,
            int userDataLength) {}

    private PduDecoder() {}

    /** Decodes a PDU in hex that starts with its service-centre field ({@code 00} when none). */
    public static Decoded decode(String hex) {
        byte[] pdu = SubmitPdu.unhex(hex);
        int smscLength = pdu[0] & 0xFF;
        return decodeTpdu(pdu, 1 + smscLength);
    }

    private static Decoded decodeTpdu(byte[] p, int start) {
        int i = start;
        int first = at(p, i++);
        int mti = first & 0x03;
        boolean submit = mti == 1;
        if (mti != 0 && mti != 1) {
            throw new IllegalArgumentException("PDU: message type " + mti + " is neither SMS-DELIVER nor SMS-SUBMIT");
        }
        boolean udhi = (first & 0x40) != 0;
        if (submit) {
            i++; // message reference
        }
        int digits = at(p, i++);
        int type = at(p, i++);
        int addressOctets = (digits + 1) / 2;
        String address = address(p, i, digits, type);
        i += addressOctets;
        i++; // PID
        int dcs = at(p, i++);
        if (submit) {
            int vpf = (first >> 3) & 0x03;
            i += vpf == 0 ? 0 : vpf == 2 ? 1 : 7;
        } else {
            i += 7; // service centre time stamp
        }
        int udl = at(p, i++);
        int alphabet = alphabet(dcs);
        int headerOctets = 0;
        int reference = 0;
        int total = 0;
        int sequence = 0;
        if (udhi) {
            int udhl = at(p, i);
            headerOctets = udhl + 1;
            int j = i + 1;
            while (j < i + headerOctets) {
                int iei = at(p, j);
                int len = at(p, j + 1);
                if (iei == 0x00 && len == 3) {
                    reference = at(p, j + 2);
                    total = at(p, j + 3);
                    sequence = at(p, j + 4);
                } else if (iei == 0x08 && len == 4) {
                    reference = (at(p, j + 2) << 8) | at(p, j + 3);
                    total = at(p, j + 4);
                    sequence = at(p, j + 5);
                }
                j += 2 + len;
            }
        }
        String text;
        if (alphabet == 0) {
            int headerSeptets = udhi ? Septets.headerSeptets(headerOctets) : 0;
            int fill = udhi ? Septets.fillBitsAfter(headerOctets) : 0;
            int[] septets = Septets.unpack(p, i + headerOctets, fill, udl - headerSeptets);
            text = GsmAlphabet.decode(septets);
        } else {
            int octets = udl - headerOctets;
            if (i + headerOctets + octets > p.length || octets < 0) {
                throw new IllegalArgumentException("PDU: user data length " + udl + " exceeds the "
                        + (p.length - i) + " octets present");
            }
            byte[] body = java.util.Arrays.copyOfRange(p, i + headerOctets, i + headerOctets + octets);
            text = alphabet == 2 ? new String(body, StandardCharsets.UTF_16BE) : new String(body, StandardCharsets.ISO_8859_1);
        }
        return new Decoded(submit, address, dcs, text, reference, total, sequence, udl);
    }

    /** 0 GSM 7-bit, 1 8-bit data, 2 UCS2 (TS 23.038, 4). */
    static int alphabet(int dcs) {
        if ((dcs & 0xC0) == 0x00 || (dcs & 0xC0) == 0x40) {
            int a = (dcs >> 2) & 0x03;
            return a == 3 ? 0 : a;
        }
        if ((dcs & 0xF0) == 0xF0) {
            return (dcs & 0x04) != 0 ? 1 : 0;
        }
        if ((dcs & 0xF0) == 0xE0) {
            return 2;
        }
        return 0;
    }

    private static String address(byte[] p, int i, int digits, int type) {
        if ((type & 0x70) == 0x50) {
            int septets = digits * 4 / 7;
            return GsmAlphabet.decode(Septets.unpack(p, i, 0, septets));
        }
        StringBuilder sb = new StringBuilder();
        if ((type & 0x70) == 0x10) {
            sb.append('+');
        }
        for (int d = 0; d < digits; d++) {
            int octet = at(p, i + d / 2);
            int nibble = d % 2 == 0 ? octet & 0x0F : octet >> 4;
            sb.append(nibble < 10 ? (char) ('0' + nibble) : "*#abc".charAt(nibble - 10));
        }
        return sb.toString();
    }

    private static int at(byte[] p, int i) {
        if (i >= p.length) {
            throw new IllegalArgumentException("PDU: ends after " + p.length + " octets, octet " + (i + 1) + " needed");
        }
        return p[i] & 0xFF;
    }
}
