package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/** Short-hands for driving the emulator with raw AT in tests (echo is turned off first). */
final class Modem {

    final RawAtClient at;

    Modem(RawAtClient at) {
        this.at = at;
        assertEquals("OK", last(at.command("ATE0")));
    }

    static String last(List<String> lines) {
        return lines.get(lines.size() - 1);
    }

    void ok(String command) {
        List<String> r = at.command(command);
        assertEquals("OK", last(r), "reply to " + command + ": " + r);
    }

    String result(String command) {
        return last(at.command(command));
    }

    Modem server(String host, int port, int sslType, String user, String password) {
        ok("AT+QIACT=1");
        ok("AT+QSMTPCFG=\"contextid\",1");
        ok("AT+QSMTPCFG=\"smtpserver\",\"" + host + "\"," + port);
        ok("AT+QSMTPCFG=\"ssltype\"," + sslType);
        ok("AT+QSMTPCFG=\"account\",\"" + user + "\",\"" + password + "\"");
        ok("AT+QSMTPCFG=\"sender\",\"Modem Sender\",\"sender@example.com\"");
        return this;
    }

    Modem to(int type, String addr) {
        ok("AT+QSMTPDST=1," + type + ",\"" + addr + "\"");
        return this;
    }

    Modem subjectUtf8(String subject) {
        ok("AT+QSMTPSUB=1,\"" + HexFormat.of().withUpperCase().formatHex(subject.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\"");
        return this;
    }

    Modem body(int charset, byte[] body) {
        List<String> r = at.dataCommand("AT+QSMTPBODY=" + charset + "," + body.length + ",30", body);
        assertEquals(List.of("CONNECT", "+QSMTPBODY: " + body.length, "OK"), r);
        return this;
    }

    Modem upload(String name, byte[] content) {
        List<String> r = at.dataCommand("AT+QFUPL=\"" + name + "\"," + content.length + ",10", content);
        assertEquals("OK", last(r), r.toString());
        return this;
    }

    Modem attach(int index, String name) {
        ok("AT+QSMTPATT=1," + index + ",\"" + name + "\"");
        return this;
    }

    /** AT+QSMTPPUT and the URC that follows, e.g. {@code "+QSMTPPUT: 0,0"}. */
    String put() {
        ok("AT+QSMTPPUT=60");
        String urc = at.awaitLine(l -> l.startsWith("+QSMTPPUT:"), Duration.ofSeconds(60));
        if (urc == null) {
            throw new AssertionError("no +QSMTPPUT URC; pending " + at.pending());
        }
        return urc;
    }
}
