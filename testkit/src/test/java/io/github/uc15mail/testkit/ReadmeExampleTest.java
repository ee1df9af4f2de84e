package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The example of testkit/README.md, verbatim. */
class ReadmeExampleTest {

    @RegisterExtension
    Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    @Test
    void sendsAnEmail() throws Exception {
        RawAtClient at = RawAtClient.connect(uc15.emulator());
        for (String c : new String[] {"AT+QIACT=1", "AT+QSMTPCFG=\"smtpserver\",\"127.0.0.1\"," + uc15.smtpPort(),
                "AT+QSMTPDST=1,1,\"bob@example.com\"", "AT+QSMTPSUB=0,\"Hi\"", "AT+QSMTPPUT=60"}) at.command(c);
        at.awaitLine(l -> l.startsWith("+QSMTPPUT: 0,0"), RawAtClient.TIMEOUT);
        assertEquals("Hi", uc15.receivedMessages()[0].getSubject());
    }
}
