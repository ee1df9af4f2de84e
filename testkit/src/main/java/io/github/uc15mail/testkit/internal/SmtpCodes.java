package io.github.uc15mail.testkit.internal;

/**
 * The 666-682 error codes that mirror an SMTP server's reply code.
 *
 * <p>Written from the module's manual, independently of core's table on purpose: the emulator is a second
 * opinion on the protocol, so a mistake in core's copy is caught by the tests instead of being repeated here.
 * Do not replace it with a call into core.
 */
public final class SmtpCodes {

    private static final int[] PROTOCOL = {
        421, 450, 451, 452, 500, 501, 502, 503, 504, 521, 530, 535, 550, 551, 552, 553, 554
    };

    private SmtpCodes() {
    }

    /** The module error for an SMTP reply code, or 0 when the code has none. */
    public static int errorFor(int smtpCode) {
        for (int i = 0; i < PROTOCOL.length; i++) {
            if (PROTOCOL[i] == smtpCode) {
                return 666 + i;
            }
        }
        return 0;
    }

    /** The SMTP reply code an error in 666-682 stands for, or 0. */
    public static int protocolCodeFor(int error) {
        int i = error - 666;
        return i >= 0 && i < PROTOCOL.length ? PROTOCOL[i] : 0;
    }
}
