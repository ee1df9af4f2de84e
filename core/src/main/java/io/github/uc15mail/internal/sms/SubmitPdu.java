package io.github.uc15mail.internal.sms;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds SMS-SUBMIT TPDUs (3GPP TS 23.040, 9.2.2.2): first octet (MTI 01, no validity period, UDHI when a
 * header is present), message reference 0 (the module sets its own), the destination as an international
 * number (type 0x91, semi-octets), PID 0, DCS 0x00 (GSM 7-bit) or 0x08 (UCS2), the user data length and
 * the user data. A text of several parts carries the concatenation header {@code 05 00 03 <ref> <total> <seq>}.
 * What goes to {@code AT+CMGS} is {@code 00} (the SIM's service centre) followed by the TPDU; the length given
 * to {@code AT+CMGS} counts the TPDU only.
 */
public final class SubmitPdu {

    private static final int UDH_OCTETS = 6;

    private SubmitPdu() {}

    /** The TPDUs of {@code text} to {@code e164} ({@code +} and 1-15 digits); {@code reference} numbers a multipart text. */
    public static List<byte[]> build(String e164, SmsText text, int reference) {
        byte[] address = address(e164);
        List<byte[]> out = new ArrayList<>();
        int total = text.parts().size();
        for (int i = 0; i < total; i++) {
            boolean concatenated = total > 1;
            ByteArrayOutputStream b = new ByteArrayOutputStream(176);
            b.write(concatenated ? 0x41 : 0x01);
            b.write(0x00);
            b.writeBytes(address);
            b.write(0x00);
            b.write(text.ucs2() ? 0x08 : 0x00);
            byte[] header = concatenated ? new byte[] {5, 0, 3, (byte) reference, (byte) total, (byte) (i + 1)} : new byte[0];
            int[] part = text.parts().get(i);
            if (text.ucs2()) {
                b.write(header.length + part.length * 2);
                b.writeBytes(header);
                for (int unit : part) {
                    b.write(unit >> 8);
                    b.write(unit & 0xFF);
                }
            } else {
                int headerSeptets = concatenated ? Septets.headerSeptets(UDH_OCTETS) : 0;
                b.write(headerSeptets + part.length);
                b.writeBytes(header);
                b.writeBytes(Septets.pack(part, concatenated ? Septets.fillBitsAfter(UDH_OCTETS) : 0));
            }
            out.add(b.toByteArray());
        }
        return out;
    }

    /** The destination address field: digit count, type 0x91, the digits as swapped semi-octets, F-padded. */
    static byte[] address(String e164) {
        String digits = e164.substring(1);
        byte[] out = new byte[2 + (digits.length() + 1) / 2];
        out[0] = (byte) digits.length();
        out[1] = (byte) 0x91;
        for (int i = 0; i < digits.length(); i += 2) {
            int lo = digits.charAt(i) - '0';
            int hi = i + 1 < digits.length() ? digits.charAt(i + 1) - '0' : 0x0F;
            out[2 + i / 2] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /** Upper-case hex of {@code bytes}. */
    public static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte x : bytes) {
            sb.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        }
        return sb.toString().toUpperCase(java.util.Locale.ROOT);
    }

    /** The bytes of an even-length hex string. */
    public static byte[] unhex(String hex) {
        String h = hex.strip();
        if (h.length() % 2 != 0) {
            throw new IllegalArgumentException("PDU: hex must have an even length, has " + h.length());
        }
        byte[] out = new byte[h.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(h.charAt(2 * i), 16);
            int lo = Character.digit(h.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("PDU: not hex at position " + 2 * i + ": " + h.substring(2 * i, 2 * i + 2));
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }
}
