package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.transport.Transport.SocketTransport;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Like a serial port, the emulator's TCP port has one owner: a second client is refused, the first keeps working. */
class TcpOneClientTest {

    @Test
    void aSecondClientIsRefusedWithoutDisturbingTheFirst() throws Exception {
        try (Uc15Emulator emu = Uc15Emulator.create()) {
            int port = emu.listenTcp(0);
            try (RawAtClient first = new RawAtClient(new SocketTransport("127.0.0.1", port))) {
                assertEquals(List.of("AT", "OK"), first.command("AT"));
                try (Socket second = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    second.setSoTimeout(10_000);
                    InputStream in = second.getInputStream();
                    byte[] all = in.readAllBytes(); // until the emulator closes it
                    assertEquals(Uc15Emulator.PORT_BUSY, new String(all, StandardCharsets.US_ASCII));
                }
                assertEquals(List.of("AT+CGMM", "UC15", "OK"), first.command("AT+CGMM"), "the first is not disturbed");
                assertTrue(!first.isClosed());
            }
            // once the first has gone, the next client gets the modem
            long end = System.nanoTime() + 10_000_000_000L;
            while (true) {
                try (RawAtClient third = new RawAtClient(new SocketTransport("127.0.0.1", port))) {
                    third.send("AT");
                    String l = third.awaitLine(x -> x.equals("OK") || x.startsWith("ERROR: port busy"),
                            RawAtClient.TIMEOUT);
                    if ("OK".equals(l)) {
                        break;
                    }
                    assertTrue(System.nanoTime() < end, "the port stays busy after the first client left: " + l);
                }
                Thread.sleep(100);
            }
        }
    }
}
