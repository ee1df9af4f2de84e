package io.github.uc15mail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.outbox.Outbox;
import io.github.uc15mail.testkit.FileDamage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 25, item 7: queue and gateway refuse a damaged SQLite store with exit 4 and one line naming the recovery. */
class DamagedStoreCliTest {

    @TempDir
    Path dir;

    private Path damaged() throws Exception {
        Path file = dir.resolve("outbox.db");
        try (Outbox o = Outbox.open("sqlite:" + file)) {
            for (int i = 0; i < 150; i++) {
                o.enqueue(EmailDraft.builder().to("ann@example.com").subject("m" + i).body("x".repeat(4000) + i).build());
            }
        }
        FileDamage.garbleMiddle(file, 20 * 1024, 25);
        return file;
    }

    @Test
    void queueIntoADamagedStoreExits4() throws Exception {
        Path file = damaged();
        CliRunner.Result r = new CliRunner().run("queue", "--store", "sqlite:" + file, "--to", "ops@example.com",
                "--subject", "s", "--body", "b");
        assertEquals(4, r.exitCode(), r::toString);
        assertTrue(r.err().contains("is damaged"), r::toString);
        assertTrue(r.err().contains("sqlite3 " + file + " .recover"), r::toString);
        assertEquals(1, r.err().strip().lines().count(), r::toString);
    }

    @Test
    void theGatewayDoesNotStartOnADamagedStore() throws Exception {
        Path file = damaged();
        CliRunner.Result r = new CliRunner().run("gateway", "--store", "sqlite:" + file, "--modem", "tcp:127.0.0.1:1",
                "--server=127.0.0.1", "--from", "gw@example.com", "--listen", "127.0.0.1:0", "--http", "off");
        assertEquals(4, r.exitCode(), r::toString);
        assertTrue(r.err().contains("is damaged"), r::toString);
    }
}
