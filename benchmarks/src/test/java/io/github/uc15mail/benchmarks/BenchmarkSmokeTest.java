package io.github.uc15mail.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs every benchmark of the suite once with minimal iterations and sizes ({@link BenchmarkSuite.Settings#smokeRun()}),
 * so none of them can rot unnoticed. Asserts that each part ran and produced its rows, never a number:
 * timings on a shared CI machine mean nothing.
 */
class BenchmarkSmokeTest {

    @Test
    void everyBenchmarkRunsOnce() throws Exception {
        BenchmarkSuite suite = new BenchmarkSuite(BenchmarkSuite.Settings.smokeRun(), System.out);
        List<BenchmarkSuite.Row> rows = suite.run(EnumSet.allOf(BenchmarkSuite.Part.class));

        assertEquals(3, count(rows, "decoder, "), "one decoder row per chunk size: " + rows);
        assertEquals(1, count(rows, "SDK overhead per command"), rows.toString());
        assertEquals(1, count(rows, "line: measured / minimum, median"), rows.toString());
        assertEquals(1, count(rows, "memory: "), rows.toString());
        assertFalse(rows.stream().anyMatch(r -> r.value().startsWith("FAILED")), "the memory probe failed: " + rows);
        assertEquals(2, count(rows, "scale: "), rows.toString());

        ByteArrayOutputStream table = new ByteArrayOutputStream();
        suite.printTable(new PrintStream(table, true, StandardCharsets.UTF_8));
        assertTrue(table.toString(StandardCharsets.UTF_8).contains("| measurement | value | target | verdict |"));
    }

    private static long count(List<BenchmarkSuite.Row> rows, String prefix) {
        return rows.stream().filter(r -> r.measurement().startsWith(prefix)).count();
    }
}
