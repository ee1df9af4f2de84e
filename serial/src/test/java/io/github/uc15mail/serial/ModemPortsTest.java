package io.github.uc15mail.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.SendReceipt;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.testkit.Uc15EmulatorExtension;
import io.github.uc15mail.transport.Transport.SocketTransport;
import io.github.uc15mail.transport.Transport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ModemPorts}: the CLI's port strings to transports, and a real send through each kind. */
class ModemPortsTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "tcp:127.0.0.1:7015,   tcp:127.0.0.1:7015",
        "TCP:modem.local:23,   tcp:modem.local:23",
        "tcp:[::1]:7015,       tcp:::1:7015",
        "tcp:host:65535,       tcp:host:65535"})
    void tcpFormsBecomeSocketTransports(String port, String described) {
        Transport t = ModemPorts.transport(port);
        assertInstanceOf(SocketTransport.class, t);
        assertEquals(described, t.describe());
        assertFalse(t.isOpen(), "nothing is opened");
        assertTrue(ModemPorts.isTcp(port));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dev/ttyUSB2", "/dev/serial0", "COM7", "/tmp/uc15"})
    void everythingElseIsASerialDevice(String port) {
        SerialTransport t = assertInstanceOf(SerialTransport.class,
                ModemPorts.transport(port, SerialOptions.builder().baudRate(9600).build()));
        assertEquals(port, t.path());
        assertEquals(9600, t.options().baudRate());
        assertFalse(ModemPorts.isTcp(port));
        assertEquals(115_200, assertInstanceOf(SerialTransport.class, ModemPorts.transport(port)).options().baudRate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp:host:0", "tcp:host:65536", "tcp:host:99999", "tcp:7015", "tcp:host:", "tcp::7015",
        "tcp:host:port", "tcp:host:+80", "tcp:"})
    void malformedTcpFormsAreRefusedNamingTheValue(String port) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModemPorts.transport(port));
        assertTrue(e.getMessage().startsWith("port: "), e.getMessage());
        assertTrue(e.getMessage().contains("\"" + port + "\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModemPorts.check(port));
    }

    @Test
    void aBlankPortIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ModemPorts.transport(" "));
        assertThrows(IllegalArgumentException.class, () -> ModemPorts.check(null));
    }

    @Test
    void aTcpPortWhereNothingListensFailsWhenOpenedNamingIt() throws IOException {
        int free;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = s.getLocalPort();
        }
        String port = "tcp:127.0.0.1:" + free;
        IOException e = assertThrows(IOException.class, () -> ModemMailer.open(ModemPorts.transport(port), config()));
        assertTrue(e.getMessage().contains(port), e.getMessage());
    }

    @Test
    void sendsThroughTheEmulatorOnTcp() throws Exception {
        String port = "tcp:127.0.0.1:" + uc15.emulator().listenTcp(0);
        try (ModemMailer mailer = ModemMailer.open(ModemPorts.transport(port), config())) {
            SendReceipt r = mailer.send(EmailDraft.builder().to("ops@example.com").subject("over tcp").body("x").build());
            assertEquals(0, r.resultCode());
        }
        assertEquals("over tcp", uc15.receivedMessages()[0].getSubject());
    }

    @Test
    void sendsThroughTheEmulatorOnAPtyPath() throws Exception {
        PtyPair.assumeSocat();
        int tcp = uc15.emulator().listenTcp(0);
        try (PtyPair pty = PtyPair.bridgeToTcp(dir, "modem", tcp);
                ModemMailer mailer = ModemMailer.open(ModemPorts.transport(pty.a().toString()), config())) {
            SendReceipt r = mailer.send(EmailDraft.builder().to("ops@example.com").subject("over a pty").body("x")
                    .build());
            assertEquals(0, r.resultCode());
        }
        assertEquals("over a pty", uc15.receivedMessages()[0].getSubject());
    }

    private SmtpConfig config() {
        return SmtpConfig.builder().server(uc15.smtpHost(), uc15.smtpPort()).sender("Pi", "pi@example.com").build();
    }
}
