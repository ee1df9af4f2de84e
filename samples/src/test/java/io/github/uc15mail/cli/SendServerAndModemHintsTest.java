package io.github.uc15mail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import io.github.uc15mail.testkit.SentEmail;
import io.github.uc15mail.testkit.Uc15EmulatorExtension;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code --ca-cert} against a real SMTPS server, and the hints for a wrong server port and a full modem RAM. */
class SendServerAndModemHintsTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpsServer();

    @TempDir
    Path tmp;

    private String modemPort;

    @BeforeEach
    void listen() {
        modemPort = "tcp:127.0.0.1:" + uc15.emulator().listenTcp(0);
    }

    private CliRunner.Result send(String... more) {
        List<String> args = new ArrayList<>(List.of("send", "--port", modemPort, "--from", "unit7@example.com",
                "--to", "ops@example.com", "--subject", "Pump 3", "--body", "low"));
        args.addAll(List.of(more));
        return new CliRunner().run(args.toArray(String[]::new));
    }

    /** GreenMail's built-in server certificate (self-signed, so it is its own CA), as PEM. */
    private Path greenMailCertificate() throws Exception {
        KeyStore ks = new DummySSLServerSocketFactory().getKeyStore();
        Certificate cert = ks.getCertificate(ks.aliases().nextElement());
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        return Files.writeString(tmp.resolve("greenmail-ca.pem"), pem, StandardCharsets.US_ASCII);
    }

    @Test
    void caCertVerifiesTheServerAndSilencesTheNote() throws Exception {
        CliRunner.Result r = send("--server", "127.0.0.1", "--server-port", String.valueOf(uc15.smtpsPort()),
                "--security", "ssl", "--ca-cert", greenMailCertificate().toString());

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), "no note when the server is verified: " + r);
        SentEmail sent = uc15.emulator().awaitSentEmail();
        assertEquals(1, sent.sslType());
        assertTrue(uc15.emulator().commands().stream().anyMatch(c -> c.line().startsWith("AT+QSSLCFG=\"seclevel\",1,1")),
                "verification on: " + uc15.emulator().commands());
        assertEquals("Pump 3", uc15.receivedMessages()[0].getSubject());
    }

    @Test
    void withoutCaCertOneNoteLineSaysHowToVerify() {
        CliRunner.Result r = send("--server", "127.0.0.1", "--server-port", String.valueOf(uc15.smtpsPort()),
                "--security", "ssl");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().contains("not verified") && r.err().contains("--ca-cert"), r::toString);
        assertFalse(r.err().contains("WARN"), r::toString);
    }

    @Test
    void aNetworkErrorNamesTheServerAndPortFirst() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        CliRunner.Result r = send("--server", "127.0.0.1", "--server-port", String.valueOf(closed));

        assertEquals(ExitCodes.REFUSED, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().contains("654"), r::toString);
        assertTrue(r.err().contains("127.0.0.1:" + closed), r::toString);
        assertTrue(r.err().contains("--server-port"), r::toString);
    }

    @Test
    void aFullModemRamIsExplained() throws Exception {
        Path big = Files.write(tmp.resolve("big.bin"), new byte[4096]);
        uc15.emulator().faults().cmeErrorOn("AT+QFUPL", 1, 423);
        CliRunner.Result r = send("--server", uc15.smtpHost(), "--server-port", String.valueOf(uc15.smtpPort()),
                "--attach", big.toString());

        assertEquals(ExitCodes.REFUSED, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().size(), () -> "one line, no stack trace: " + r);
        assertTrue(r.err().contains("423 file too large"), r::toString);
        assertTrue(r.err().contains("smaller"), "a hint: " + r);
        assertEquals(0, uc15.receivedMessages().length);
    }
}
