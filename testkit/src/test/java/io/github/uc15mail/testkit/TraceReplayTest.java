package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.testkit.replay.ReplayModem;
import io.github.uc15mail.trace.Trace;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every trace under {@code src/test/resources/traces/}, one test per file: the SDK's send of the file's
 * scenario must write exactly what the trace holds, and end as it ended. Each replay runs three times, so a
 * replay that depends on timing shows here.
 */
class TraceReplayTest {

    static Path traces() throws URISyntaxException {
        return Path.of(TraceReplayTest.class.getResource("/traces").toURI());
    }

    static List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(traces())) {
            return s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
    }

    @Test
    void theSixKindsOfTraceArePresentAndNamedForWhereTheyCameFrom() throws Exception {
        List<String> names = files().stream().map(p -> p.getFileName().toString()).toList();
        for (TraceScenario s : TraceScenario.values()) {
            assertTrue(names.contains(s.fileName + ".jsonl"), "missing trace " + s.fileName + " in " + names);
        }
        for (String n : names) {
            assertTrue(n.startsWith("emulated-") || n.startsWith("manual-") || n.startsWith("hardware-"), n);
        }
        for (Path p : files()) {
            Trace t = Trace.read(p);
            String name = p.getFileName().toString();
            if (name.startsWith("emulated-")) {
                assertEquals("emulated-uc15", t.headerText("source"), name + " must say it was made by the emulator");
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> eachTraceReplays() throws Exception {
        return files().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertFalse(text.contains(TraceScenario.PASSWORD), "the SMTP password is in " + file);
            assertFalse(text.contains(TraceScenario.APN_PASSWORD), "the APN password is in " + file);
            Trace trace = Trace.read(file);
            TraceScenario scenario = TraceScenario.of(file.getFileName().toString());
            String[] server = TraceScenario.recordedServer(trace);
            for (int run = 0; run < 3; run++) {
                try (ReplayModem replay = ReplayModem.builder(trace).build()) {
                    scenario.sendAndCheck(replay.connect(), server[0], Integer.parseInt(server[1]));
                    replay.assertReplayed(Duration.ofSeconds(5));
                }
            }
        }));
    }

    @Test
    void anotherSubjectIsTheFirstDeviationAndIsAnsweredError() throws Exception {
        Path file = traces().resolve(TraceScenario.PLAIN.fileName + ".jsonl");
        Trace trace = Trace.read(file);
        String[] server = TraceScenario.recordedServer(trace);
        try (ReplayModem replay = ReplayModem.builder(trace).build();
                ModemMailer mailer = ModemMailer.open(replay.connect(),
                        TraceScenario.PLAIN.config(server[0], Integer.parseInt(server[1])))) {
            EmailDraft other = EmailDraft.builder().to("ops@example.com").subject("Other").body("Pump 3: pressure low")
                    .build();
            org.junit.jupiter.api.Assertions.assertThrows(Uc15Exception.class, () -> mailer.send(other));
            assertEquals("expected AT+QSMTPSUB=0,\"Report\" got AT+QSMTPSUB=0,\"Other\"", replay.deviation().orElseThrow());
            AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                    () -> replay.assertReplayed(Duration.ofSeconds(1)));
            assertEquals(replay.deviation().orElseThrow(), e.getMessage());
        }
    }
}
