package io.github.uc15mail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 25, item 9: {@code queue --from-name} is refused with the reason, not dropped silently. */
class QueueFromNameTest {

    @TempDir
    Path dir;

    @Test
    void fromNameIsRefusedNotDropped() {
        CliRunner.Result r = new CliRunner().run("queue", "--store", "sqlite:" + dir.resolve("o.db"), "--to",
                "ops@example.com", "--subject", "s", "--body", "b", "--from-name", "Pump house");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("from-name: the outbox does not keep a sender name per message yet"), r::toString);
        assertTrue(Files.notExists(dir.resolve("o.db")), "nothing stored");
    }
}
