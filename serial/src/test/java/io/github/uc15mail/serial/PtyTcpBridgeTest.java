package io.github.uc15mail.serial;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture later end-to-end tests use: a pty bridged to a TCP server (there, the modem emulator), opened
 * with a {@link SerialTransport}.
 */
@Timeout(20)
class PtyTcpBridgeTest {

    @TempDir
    Path dir;

    @Test
    void aSerialTransportTalksToATcpServerThroughAPty() throws Exception {
        PtyPair.assumeSocat();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                PtyPair bridge = PtyPair.bridgeToTcp(dir, "uc15", server.getLocalPort())) {
            server.setSoTimeout(5_000);
            try (Socket modem = server.accept()) {
                modem.setSoTimeout(5_000);
                SerialTransport t = new SerialTransport(bridge.a().toString());
                Recorder host = new Recorder();
                t.open(host);
                try {
                    t.write("AT\r".getBytes(US_ASCII));
                    InputStream in = modem.getInputStream();
                    assertArrayEquals("AT\r".getBytes(US_ASCII), in.readNBytes(3));
                    modem.getOutputStream().write("\r\nOK\r\n".getBytes(US_ASCII));
                    assertEquals("\r\nOK\r\n", new String(host.awaitBytes(6, Duration.ofSeconds(5)), US_ASCII));
                } finally {
                    t.close();
                }
            }
        }
    }

    @Test
    void theServerHangingUpLooksLikeAnUnplug() throws Exception {
        PtyPair.assumeSocat();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                PtyPair bridge = PtyPair.bridgeToTcp(dir, "uc15", server.getLocalPort())) {
            server.setSoTimeout(5_000);
            Socket modem = server.accept();
            SerialTransport t = new SerialTransport(bridge.a().toString());
            Recorder host = new Recorder();
            t.open(host);
            modem.close(); // socat sees EOF, exits, the pty hangs up
            assertTrue(host.awaitClosed(Duration.ofSeconds(5)));
            SerialPortException cause = assertInstanceOf(SerialPortException.class, host.closes().get(0));
            assertEquals(SerialPortException.Reason.DISCONNECTED, cause.reason());
            t.close();
            assertEquals(1, host.closes().size());
        }
    }
}
