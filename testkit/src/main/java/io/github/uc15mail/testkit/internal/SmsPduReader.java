package io.github.uc15mail.testkit.internal;

import java.nio.charset.StandardCharsets;

/**
 * The emulator's own reading of an SMS-SUBMIT PDU as a host writes it after {@code AT+CMGS} (service-centre
 * field first), written apart from the SDK's encoder so that the two check each other. It follows 3GPP TS
 * 23.040 9.2.2.2 (SMS-SUBMIT), 9.2.3.24 (user data header, IEI 00 and 08 concatenation) and TS 23.038 (GSM
 * 7-bit default alphabet with its extension table, UCS2). SMS-DELIVER is read too (for published examples).
 * Throws {@link IllegalArgumentException} for a PDU it cannot read.
 */
public final class SmsPduReader {

    /** What one PDU said. {@code total} is 1 and {@code seq} 1 for a text of one part. */
    public record Pdu(String number, String text, boolean ucs2, int reference, int total, int seq, int tpduOctets) {}

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private final byte[] b;
    private int pos;

    private SmsPduReader(byte[] bytes) {
        this.b = bytes;
    }

    /** Reads a PDU given as hex, service-centre field included. */
    public static Pdu read(String hex) {
        if (hex.length() % 2 != 0 || !hex.matches("[0-9A-Fa-f]*")) {
            throw new IllegalArgumentException("not an even-length hex string");
        }
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        SmsPduReader r = new SmsPduReader(bytes);
        r.pos = 1 + r.next();
        int tpduStart = r.pos;
        Pdu p = r.tpdu();
        return new Pdu(p.number, p.text, p.ucs2, p.reference, p.total, p.seq, bytes.length - tpduStart);
    }

    private int next() {
        if (pos >= b.length) {
            throw new IllegalArgumentException("PDU too short: octet " + (pos + 1) + " missing");
        }
        return b[pos++] & 0xFF;
    }

    private Pdu tpdu() {
        int first = next();
        int type = first & 3;
        if (type > 1) {
            throw new IllegalArgumentException("not an SMS-SUBMIT or SMS-DELIVER (MTI " + type + ")");
        }
        boolean submit = type == 1;
        if (submit) {
            next(); // TP-MR
        }
        String number = address();
        next(); // TP-PID
        int dcs = next();
        if (submit) {
            int vpf = (first >> 3) & 3;
            pos += vpf == 2 ? 1 : vpf == 0 ? 0 : 7;
        } else {
            pos += 7;
        }
        int udl = next();
        boolean ucs2 = (dcs & 0x0C) == 0x08;
        boolean eightBit = (dcs & 0x0C) == 0x04;
        int udStart = pos;
        int reference = 0;
        int total = 1;
        int seq = 1;
        int headerLength = 0;
        if ((first & 0x40) != 0) {
            int udhl = next();
            headerLength = udhl + 1;
            int end = pos + udhl;
            while (pos < end) {
                int iei = next();
                int len = next();
                int ieStart = pos;
                if (iei == 0 && len == 3) {
                    reference = next();
                    total = next();
                    seq = next();
                } else if (iei == 8 && len == 4) {
                    reference = next() << 8 | next();
                    total = next();
                    seq = next();
                }
                pos = ieStart + len;
            }
        }
        String text;
        if (ucs2 || eightBit) {
            int n = udl - headerLength;
            if (n < 0 || udStart + udl > b.length) {
                throw new IllegalArgumentException("user data length " + udl + " beyond the PDU");
            }
            byte[] body = java.util.Arrays.copyOfRange(b, udStart + headerLength, udStart + udl);
            text = new String(body, ucs2 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1);
        } else {
            int headerBits = headerLength * 8;
            int skipSeptets = (headerBits + 6) / 7;
            text = septets(udStart, skipSeptets, udl);
        }
        return new Pdu(number, text, ucs2, reference, total, seq, 0);
    }

    /** Reads septets {@code from}..{@code to} of the user data starting at octet {@code start}, bit by bit. */
    private String septets(int start, int from, int to) {
        if (start + (to * 7 + 7) / 8 > b.length) {
            throw new IllegalArgumentException("user data length " + to + " septets beyond the PDU");
        }
        StringBuilder sb = new StringBuilder();
        boolean escape = false;
        for (int s = from; s < to; s++) {
            int v = 0;
            for (int bit = 0; bit < 7; bit++) {
                int abs = s * 7 + bit;
                int octet = b[start + abs / 8] & 0xFF;
                v |= ((octet >> (abs % 8)) & 1) << bit;
            }
            if (escape) {
                escape = false;
                sb.append(extension(v));
            } else if (v == 0x1B) {
                escape = true;
            } else {
                sb.append(BASIC.charAt(v));
            }
        }
        return sb.toString();
    }

    private static char extension(int v) {
        return switch (v) {
            case 0x0A -> '\f';
            case 0x14 -> '^';
            case 0x28 -> '{';
            case 0x29 -> '}';
            case 0x2F -> '\\';
            case 0x3C -> '[';
            case 0x3D -> '~';
            case 0x3E -> ']';
            case 0x40 -> '|';
            case 0x65 -> '€';
            default -> BASIC.charAt(v);
        };
    }

    private String address() {
        int digits = next();
        int toa = next();
        StringBuilder sb = new StringBuilder();
        if ((toa & 0x70) == 0x10) {
            sb.append('+');
        }
        for (int i = 0; i < (digits + 1) / 2; i++) {
            int o = next();
            sb.append((char) ('0' + (o & 0x0F)));
            if ((o >> 4) != 0x0F) {
                sb.append((char) ('0' + (o >> 4)));
            }
        }
        return sb.toString();
    }
}
