package io.github.uc15mail.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "Outbox" example (its imports aside) is, line for line, the body of {@code OutboxWithApi.main} after its config. */
class OutboxReadmeSnippetTest {

    @Test
    void readmeExampleIsTheSourceOfOutboxWithApi() throws Exception {
        String readme = Files.readString(ReadmeSnippetTest.README, StandardCharsets.UTF_8);
        int section = readme.indexOf("## Outbox");
        assertTrue(section >= 0, "README has the section");
        int start = readme.indexOf("```java\n", section);
        int end = readme.indexOf("```", start + 8);
        List<String> snippet = readme.substring(start + 8, end).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("import ")).toList();
        assertEquals(5, snippet.size(), "five lines: " + snippet);
        String source = Files.readString(Path.of("src/main/java/io/github/uc15mail/samples/OutboxWithApi.java"),
                StandardCharsets.UTF_8);
        int body = source.indexOf("try (Outbox outbox");
        List<String> main = source.substring(body).lines().map(String::strip).limit(5).toList();
        assertEquals(snippet, main, "README example and OutboxWithApi.main must match line for line");
    }
}
