package io.github.uc15mail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.docs.DocBlocks;
import io.github.uc15mail.docs.DocBlocks.Block;
import io.github.uc15mail.testkit.Uc15EmulatorExtension;
import io.github.uc15mail.trace.Trace;
import io.github.uc15mail.trace.Trace.TraceRecord;
import io.github.uc15mail.trace.internal.TraceJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The shown blocks of docs/traces.md: the trace excerpt is a trace as the recorder writes it; the qualify table is what qualify prints. */
class TraceDocsTest {

    static final String DOC = "docs/traces.md";

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    private static List<Block> shown() {
        List<Block> blocks = DocBlocks.withNote(DOC, "output checked by: TraceDocsTest");
        assertEquals(2, blocks.size(), "the trace excerpt and the qualify table");
        return blocks;
    }

    @Test
    void theExcerptIsAWellFormedTraceInTheRecordersOwnSpelling() {
        Block excerpt = shown().get(0);
        List<String> lines = excerpt.lines();
        Trace trace = Trace.parse(lines);
        for (String line : lines) {
            assertEquals(line, TraceJson.write(TraceJson.read(line)), "written as the recorder writes it");
        }
        assertEquals("UC15", trace.headerText("model"));
        TraceRecord payload = trace.records().stream().filter(r -> r.kind() == TraceRecord.Kind.PAYLOAD).findFirst()
                .orElseThrow();
        CRC32 crc = new CRC32();
        crc.update("Pump 3".getBytes(StandardCharsets.US_ASCII));
        assertEquals(String.format("%08x", crc.getValue()), payload.crc32(), "the CRC-32 of the body 'Pump 3'");
        assertEquals(6, payload.length());
        assertTrue(trace.records().stream().anyMatch(r -> r.text() != null && r.text().contains("\"****\"")));
    }

    @Test
    void theQualifyTableIsWhatQualifyPrintsAgainstTheEmulator(@TempDir Path dir) {
        CliRunner.Result r = new CliRunner().env("PW", "secret").run("qualify", "--port",
                "tcp:127.0.0.1:" + uc15.emulator().listenTcp(0), "--server", uc15.smtpHost(), "--server-port",
                String.valueOf(uc15.smtpPort()), "--user", "pi@example.com", "--password-env", "PW",
                "--from", "pi@example.com", "--to", "ops@example.com", "--out", dir.toString());
        assertEquals(0, r.exitCode(), r::toString);
        DocBlocks.assertShown(shown().get(1), r.out());
    }
}
