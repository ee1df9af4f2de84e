package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** seclevel 1 verifies the server against the PEM {@code cacert} uploaded to the modem's file system. */
class SecLevelTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension();

    private String send(int sslType, String caAlias, boolean uploadCa) {
        SubethaServer server = sslType == 1
                ? SubethaServer.implicitTls(TestCerts.get("a").serverContext())
                : SubethaServer.startTls(TestCerts.get("a").serverContext());
        try (server; RawAtClient at = RawAtClient.connect(uc15.emulator())) {
            Modem m = new Modem(at).server("127.0.0.1", server.port(), sslType, "", "");
            if (uploadCa) {
                m.upload("RAM:ca.pem", TestCerts.get(caAlias).pem);
            }
            m.ok("AT+QSMTPCFG=\"sslctxid\",2");
            m.ok("AT+QSSLCFG=\"seclevel\",2,1");
            m.ok("AT+QSSLCFG=\"cacert\",2,\"RAM:ca.pem\"");
            m.to(1, "alice@example.com");
            return m.put();
        }
    }

    @ParameterizedTest(name = "ssltype {0}")
    @ValueSource(ints = {1, 2})
    void rightCaCertSends(int sslType) {
        assertEquals("+QSMTPPUT: 0,0", send(sslType, "a", true));
    }

    @ParameterizedTest(name = "ssltype {0}")
    @ValueSource(ints = {1, 2})
    void wrongCaCertIs665(int sslType) {
        assertEquals("+QSMTPPUT: 665,0", send(sslType, "b", true));
    }

    @Test
    void missingCaCertFileIs665() {
        assertEquals("+QSMTPPUT: 665,0", send(1, "a", false));
    }

    @Test
    void seclevelZeroTrustsAnyCertificate() {
        try (SubethaServer server = SubethaServer.implicitTls(TestCerts.get("b").serverContext());
                RawAtClient at = RawAtClient.connect(uc15.emulator())) {
            Modem m = new Modem(at).server("127.0.0.1", server.port(), 1, "", "");
            m.to(1, "alice@example.com");
            assertEquals("+QSMTPPUT: 0,0", m.put());
            assertEquals(1, server.received.size());
        }
    }
}
