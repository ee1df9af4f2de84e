package io.github.uc15mail.outbox;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.testkit.FileDamage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 25, item 7: a real SQLite file with 20 KB of garbage in its middle stops the outbox loudly. */
class DamagedStoreTest {

    @TempDir
    Path dir;

    /** A store of 150 messages of 4 KB each, closed (so everything is in the main file), then garbled. */
    static Path damagedStore(Path dir) throws Exception {
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
    void openingADamagedFileFailsNamingTheDamageAndTheRecovery() throws Exception {
        Path file = damagedStore(dir);
        StoreDamagedException e = assertThrows(StoreDamagedException.class, () -> Outbox.open("sqlite:" + file));
        assertTrue(e.getMessage().startsWith("the outbox store sqlite:" + file + " is damaged ("), e.getMessage());
        assertTrue(e.getMessage().contains("sqlite3 " + file + " .recover"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }

    @Test
    void damageFoundWhileOpenStopsIntake() throws Exception {
        Path file = dir.resolve("outbox.db");
        try (Outbox o = Outbox.open("sqlite:" + file)) {
            for (int i = 0; i < 150; i++) {
                o.enqueue(EmailDraft.builder().to("ann@example.com").subject("m" + i).body("x".repeat(4000) + i).build());
            }
        }
        try (Outbox o = Outbox.open("sqlite:" + file)) {
            FileDamage.garbleMiddle(file, 20 * 1024, 25);
            assertThrows(StoreDamagedException.class, () -> o.list(null, 1000));
            assertTrue(o.storeDamage().isPresent());
            assertThrows(StoreDamagedException.class, () -> o.enqueue(EmailDraft.builder().to("ann@example.com")
                    .subject("after").body("b").build()), "nothing more is taken in");
        }
    }
}
