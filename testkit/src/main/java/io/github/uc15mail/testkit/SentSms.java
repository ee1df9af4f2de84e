package io.github.uc15mail.testkit;

/**
 * One SMS the emulated modem accepted whole: every part arrived ({@code +CMGS: <mr>} answered) and the parts
 * were put together by their concatenation reference. Decoded by the emulator's own PDU reader.
 *
 * @param number the destination as written in the PDU ({@code +} and digits for an international number)
 * @param text the text of all parts in order
 * @param parts how many PDUs it took
 * @param ucs2 whether it came as UCS2 (else GSM 7-bit)
 * @param reference the concatenation reference, or -1 for a single part
 * @param imei the modem that took it
 */
public record SentSms(String number, String text, int parts, boolean ucs2, int reference, String imei) {

    @Override
    public String toString() {
        return "SMS to " + number + " (" + parts + " part" + (parts == 1 ? "" : "s") + ", " + (ucs2 ? "UCS2" : "GSM 7-bit")
                + "): " + text;
    }
}
