package io.github.uc15mail.testkit.internal;

import java.util.Map;

/**
 * Verbose texts for {@code +CME ERROR:} under {@code AT+CMEE=2}.
 *
 * <p>Written from the module's manual, independently of core's table on purpose: the emulator is a second
 * opinion on the protocol, so a mistake in core's copy is caught by the tests instead of being repeated here.
 * Do not replace it with a call into core.
 */
public final class ErrorTexts {

    private static final Map<Integer, String> TEXTS = Map.ofEntries(
            Map.entry(3, "operation not allowed"),
            Map.entry(4, "operation not supported"),
            Map.entry(10, "SIM not inserted"),
            Map.entry(30, "no network service"),
            Map.entry(100, "unknown"),
            Map.entry(400, "invalid input value"),
            Map.entry(403, "drive full"),
            Map.entry(404, "file not found"),
            Map.entry(405, "invalid file name"),
            Map.entry(407, "failed to create the file"),
            Map.entry(421, "time out"),
            Map.entry(423, "file too large"),
            Map.entry(651, "unknown error"),
            Map.entry(652, "SMTP service is busy"),
            Map.entry(653, "get IP address failed"),
            Map.entry(654, "network error"),
            Map.entry(655, "unsupported authentication type"),
            Map.entry(656, "connection closed by peer"),
            Map.entry(657, "PDP context deactivated"),
            Map.entry(658, "timeout"),
            Map.entry(659, "no recipient"),
            Map.entry(660, "send failed"),
            Map.entry(661, "open file failed"),
            Map.entry(662, "no enough memory"),
            Map.entry(663, "save attachment failed"),
            Map.entry(664, "invalid parameter"),
            Map.entry(665, "SSL authentication failed"));

    private ErrorTexts() {
    }

    public static String text(int code) {
        String t = TEXTS.get(code);
        if (t != null) {
            return t;
        }
        if (code >= 666 && code <= 682) {
            return "SMTP server error " + SmtpCodes.protocolCodeFor(code);
        }
        return "unknown error " + code;
    }
}
