package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.testkit.replay.ReplayModem;
import io.github.uc15mail.trace.Trace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Makes the traces of {@code src/test/resources/traces/} from the emulator, and proves each fresh one: it holds
 * no password, and the same send replayed against it matches it to the end.
 *
 * <p>By default the traces go to {@code target/generated-traces/}. To regenerate the committed ones (after a
 * change to what the SDK writes), run from the repository root:
 * <pre>
 * mvn -B -q -pl testkit -am test -Dtest=RegenerateTracesTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtraces.out=testkit/src/test/resources/traces
 * </pre>
 */
class RegenerateTracesTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(TraceScenario.class)
    void recordsAScenarioThatReplays(TraceScenario scenario) throws Exception {
        String out = System.getProperty("traces.out");
        // Maven runs the tests in the module's directory; a relative traces.out is meant from the repository root
        Path dir = out == null ? Path.of("target/generated-traces") : Path.of("..").resolve(out).normalize();
        Files.createDirectories(dir);
        Path file = dir.resolve(scenario.fileName + ".jsonl");
        scenario.record(file);

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertFalse(text.contains(TraceScenario.PASSWORD), "the SMTP password is in " + file);
        assertFalse(text.contains(TraceScenario.APN_PASSWORD), "the APN password is in " + file);
        assertTrue(text.contains("\\\"****\\\""), "no masked password in " + file);

        Trace trace = Trace.read(file);
        assertTrue(trace.headerText("ati").contains("UC15"), trace.headerText("ati"));
        String[] server = TraceScenario.recordedServer(trace);
        try (ReplayModem replay = ReplayModem.builder(trace).build()) {
            scenario.sendAndCheck(replay.connect(), server[0], Integer.parseInt(server[1]));
            replay.assertReplayed(Duration.ofSeconds(5));
        }
    }
}
