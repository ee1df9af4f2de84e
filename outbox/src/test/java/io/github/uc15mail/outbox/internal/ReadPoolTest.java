package io.github.uc15mail.outbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadPoolTest {

    @TempDir
    Path dir;

    @Test
    void aConnectionWhoseWorkThrewIsClosedNotLeakedOrReused() throws Exception {
        StoreLocation location = StoreLocation.parse("sqlite:" + dir.resolve("r.db"), null, null);
        List<Connection> opened = new ArrayList<>();
        Connector counting = () -> {
            Connection c = location.open();
            opened.add(c);
            return c;
        };
        try (ReadPool pool = new ReadPool(counting, "test", 2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.read(c -> {
                throw new IllegalStateException("boom");
            }));
            assertEquals("boom", e.getMessage());
            assertEquals(1, opened.size());
            assertTrue(opened.get(0).isClosed(), "the connection of a read that threw must be closed");
            assertEquals("ok", pool.read(c -> "ok"));
            assertEquals(2, opened.size(), "the next read must not reuse the thrown-away connection");
        }
    }
}
