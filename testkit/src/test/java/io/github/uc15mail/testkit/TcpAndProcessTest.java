package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.transport.Transport.SocketTransport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The emulator over TCP, in this JVM and in a separate process, keeping state across host connections. */
class TcpAndProcessTest {

    @Test
    void stateSurvivesAHostReconnectOverTcp() {
        try (Uc15Emulator emu = Uc15Emulator.create()) {
            int port = emu.listenTcp(0);
            try (RawAtClient at = new RawAtClient(new SocketTransport("127.0.0.1", port))) {
                assertEquals(List.of("AT+QSMTPDST=1,1,\"a@example.com\"", "OK"), at.command("AT+QSMTPDST=1,1,\"a@example.com\""));
            }
            try (RawAtClient at = new RawAtClient(new SocketTransport("127.0.0.1", port))) {
                assertEquals(List.of("AT+QSMTPDST?", "+QSMTPDST: 1,\"a@example.com\"", "OK"), at.command("AT+QSMTPDST?"));
            }
        }
    }

    @Test
    void inMemoryReconnectReplacesTheLinkAndKeepsDataMode() {
        try (Uc15Emulator emu = Uc15Emulator.create()) {
            RawAtClient first = RawAtClient.connect(emu);
            assertEquals("CONNECT", first.command("AT+QSMTPBODY=0,10,30").get(1));
            first.write("abc");
            RawAtClient second = RawAtClient.connect(emu);
            assertTrue(first.awaitClosed(RawAtClient.TIMEOUT), "old link closed");
            assertTrue(emu.isInDataMode(), "a real modem stays in data mode when the host goes away");
            second.write("defghij");
            assertEquals(List.of("+QSMTPBODY: 10", "OK"), second.readResponse(RawAtClient.TIMEOUT));
            second.close();
        }
    }

    @Test
    void emulatorMainRunsInASeparateProcess() throws Exception {
        Process p = new ProcessBuilder(ChildJvm.command(List.of(), EmulatorMain.class.getName(),
                List.of("--listen", "0", "--pdp", "1"))).redirectErrorStream(false).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            while (line != null && !line.startsWith("LISTENING ")) {
                line = out.readLine();
            }
            assertTrue(line != null, "no LISTENING line");
            int port = Integer.parseInt(line.substring("LISTENING ".length()).trim());
            try (RawAtClient at = new RawAtClient(new SocketTransport("127.0.0.1", port))) {
                assertEquals(List.of("AT+QIACT?", "+QIACT: 1,1,1,\"10.7.157.1\"", "OK"), at.command("AT+QIACT?"));
            }
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
