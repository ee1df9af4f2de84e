package io.github.uc15mail.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs every benchmark of the suite once with minimal iterations and sizes ({@link BenchmarkSuite.Settings#smokeRun()}),
 * so none of them can rot unnoticed. Asserts that each part ran and produced its rows, never a number:
 * timings on a shared CI machine mean nothing.
 *
 * <p>It runs while the JMH lock ({@code java.io.tmpdir/jmh.lock}) is held, as it is while any other JMH run is
 * going on this machine: the smoke test must not depend on an unrelated process. The build sets
 * {@code jmh.ignoreLock} for the test JVM (benchmarks/pom.xml).
 */
class BenchmarkSmokeTest {

    @Test
    void everyBenchmarkRunsOnce() throws Exception {
        assertTrue(Boolean.getBoolean("jmh.ignoreLock"), "run with -Djmh.ignoreLock=true, as the build does");
        BenchmarkSuite suite = new BenchmarkSuite(BenchmarkSuite.Settings.smokeRun(), System.out);
        List<BenchmarkSuite.Row> rows;
        Path lockFile = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = tryLock(channel)) {
            // held is null when another process has the lock: the run below then meets it just the same.
            System.out.println(held != null ? "holding " + lockFile : lockFile + " is held by another process");
            rows = suite.run(EnumSet.allOf(BenchmarkSuite.Part.class));
        }

        assertEquals(3, count(rows, "decoder, "), "one decoder row per chunk size: " + rows);
        assertEquals(1, count(rows, "SDK overhead per command"), rows.toString());
        assertEquals(1, count(rows, "line: measured / minimum, median"), rows.toString());
        assertEquals(1, count(rows, "memory: "), rows.toString());
        assertFalse(rows.stream().anyMatch(r -> r.value().startsWith("FAILED")), "the memory probe failed: " + rows);
        assertEquals(2, count(rows, "scale: "), rows.toString());
        assertEquals(2, count(rows, "AT commands per warm send"), rows.toString());
        assertTrue(count(rows, "CLI") >= 1, "the CLI start-up part ran (or said why not): " + rows);

        ByteArrayOutputStream table = new ByteArrayOutputStream();
        suite.printTable(new PrintStream(table, true, StandardCharsets.UTF_8));
        assertTrue(table.toString(StandardCharsets.UTF_8).contains("| figure | value | goal | verdict | peer or limit | date | load | command |"));
    }

    private static FileLock tryLock(FileChannel channel) throws java.io.IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    private static long count(List<BenchmarkSuite.Row> rows, String prefix) {
        return rows.stream().filter(r -> r.measurement().startsWith(prefix)).count();
    }
}
