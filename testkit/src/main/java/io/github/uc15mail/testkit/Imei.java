package io.github.uc15mail.testkit;

/**
 * IMEIs for emulated modems: a fixed 8-digit type allocation code, a 6-digit serial and the Luhn check digit,
 * so each is a well-formed IMEI. Not a real device's.
 */
public final class Imei {

    private static final String TAC = "86758403";

    private Imei() {
    }

    /** The IMEI of the {@code index}th emulated modem (0-based): serial {@code index + 1}. */
    public static String forIndex(int index) {
        if (index < 0 || index >= 999_999) {
            throw new IllegalArgumentException("index must be 0-999998, was " + index);
        }
        String body = TAC + String.format("%06d", index + 1);
        return body + luhn(body);
    }

    /** The Luhn check digit of {@code digits}. */
    static int luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }
}
