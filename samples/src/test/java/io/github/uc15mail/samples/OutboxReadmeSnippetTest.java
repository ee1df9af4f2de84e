package io.github.uc15mail.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example of docs/outbox.md (its imports aside) is, line for line, the body of {@code OutboxWithApi.main} after its config. */
class OutboxReadmeSnippetTest {

    @Test
    void readmeExampleIsTheSourceOfOutboxWithApi() throws Exception {
        String readme = Files.readString(Path.of("..", "docs", "outbox.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("# Outbox");
        assertTrue(section >= 0, "docs/outbox.md has the section");
        int start = readme.indexOf("```java\n", section);
        int end = readme.indexOf("```", start + 8);
        List<String> snippet = readme.substring(start + 8, end).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("import ")).toList();
        assertEquals(6, snippet.size(), "five lines and the closing brace: " + snippet);
        String source = Files.readString(Path.of("src/main/java/io/github/uc15mail/samples/OutboxWithApi.java"),
                StandardCharsets.UTF_8);
        int body = source.indexOf("try (Outbox outbox");
        List<String> main = source.substring(body).lines().map(String::strip).limit(6).toList();
        assertEquals(snippet, main, "README example and OutboxWithApi.main must match line for line");
    }
}
