package io.github.uc15mail.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox contract on SQLite, plus what is SQLite's own: one file, WAL, synchronous=FULL. */
class SqliteOutboxTest extends OutboxContract {

    @TempDir
    Path dir;

    private Path file;

    @Override
    String newStoreUrl() {
        file = dir.resolve("outbox-" + System.nanoTime() + ".db");
        return "sqlite:" + file;
    }

    @Test
    void storeIsOneWalFileAndSurvivesReopening() throws Exception {
        MessageId id = outbox.enqueue(draft("kept"));
        outbox.close();
        assertTrue(Files.exists(file));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertEquals("wal", rs.getString(1));
        }
        outbox = Outbox.open("sqlite:" + file);
        assertEquals("kept", outbox.find(id).orElseThrow().subject());
    }

    @Test
    void anUnreadableAttachmentIsRefusedInputNamingItAndNothingIsStored() {
        java.io.InputStream broken = new java.io.InputStream() {
            @Override
            public int read() throws java.io.IOException {
                throw new java.io.IOException("Permission denied");
            }
        };
        io.github.uc15mail.mail.EmailDraft d = io.github.uc15mail.mail.EmailDraft.builder().to("a@example.com").subject("s")
                .body("b").attach(io.github.uc15mail.mail.Attachment.fromStream("report.csv", broken, 3)).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> outbox.enqueue(d));
        assertTrue(e.getMessage().startsWith("attachment report.csv: "), e.getMessage());
        assertTrue(e.getMessage().contains("Permission denied"), e.getMessage());
        assertEquals(0, outbox.list(null, 10).size());
    }

    @Test
    void urlsThatNameNoDurableStoreAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Outbox.open("mysql://x"));
        assertTrue(e.getMessage().startsWith("store: must be sqlite:PATH or jdbc:postgresql://"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Outbox.open("sqlite::memory:"));
        assertThrows(IllegalArgumentException.class, () -> Outbox.open("sqlite:" + dir.resolve("missing/x.db")));
    }
}
