package io.github.uc15mail.gateway;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.outbox.Outbox;
import io.github.uc15mail.testkit.FileDamage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25, item 7: damage found at run time in a real SQLite file turns /health to 503, the front door to
 * 451 and raises uc15mail_store_damaged.
 */
class DamagedStoreGatewayTest {

    @TempDir
    Path dir;

    private static String get(int port, String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void damageSeenAtRunTimeStopsIntakeAndTurnsHealthRed() throws Exception {
        Path file = dir.resolve("outbox.db");
        try (Outbox o = Outbox.open("sqlite:" + file)) {
            for (int i = 0; i < 150; i++) {
                o.enqueue(EmailDraft.builder().to("ann@example.com").subject("m" + i).body("x".repeat(4000) + i).build());
            }
        }
        List<ModemHealth> modems = List.of(new ModemHealth("/dev/ttyUSB2", "ready", true, 17, true, null));
        try (Outbox outbox = Outbox.open("sqlite:" + file);
                GatewayServer door = GatewayServer.start(GatewaySettings.builder().listen("127.0.0.1", 0).build(),
                        OutboxBridge.sink(outbox))) {
            QueueView queue = new FakeQueue();
            GatewayMetrics metrics = new GatewayMetrics(queue, () -> modems);
            metrics.watchStore(() -> outbox.storeDamage().isPresent());
            try (StatusServer status = StatusServer.start(new InetSocketAddress("127.0.0.1", 0), Set.of(), false, queue,
                    () -> modems, metrics)) {
                status.watchStore(() -> outbox.storeDamage().isPresent());
                assertTrue(get(status.uri().getPort(), "/health").startsWith("HTTP/1.1 200"));
                FileDamage.garbleMiddle(file, 20 * 1024, 25);
                try {
                    outbox.list(null, 1000); // what the status page and the lanes do: read the store
                } catch (RuntimeException expected) {
                    // the damage is recorded
                }
                String health = get(status.uri().getPort(), "/health");
                assertTrue(health.startsWith("HTTP/1.1 503"), health);
                assertTrue(health.contains("\"store\":\"damaged\""), health);
                assertTrue(get(status.uri().getPort(), "/metrics").contains("uc15mail_store_damaged 1.0"));
                try (SmtpDialog d = new SmtpDialog(door.port())) {
                    d.send("EHLO c");
                    String mail = d.send("MAIL FROM:<app@example.com>");
                    assertTrue(mail.startsWith("451 4.3.0"), mail);
                }
            }
        }
    }
}
