package io.github.uc15mail.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "The API in ten lines" is exactly the imports and the body of {@code SendWithApi.main}. */
class ReadmeSnippetTest {

    static final Path README = Path.of("..", "README.md");
    static final Path SOURCE = Path.of("src/main/java/io/github/uc15mail/samples/SendWithApi.java");

    @Test
    void readmeSnippetIsTheSourceOfSendWithApi() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int section = readme.indexOf("## The API in ten lines");
        assertTrue(section >= 0, "README has the section");
        int start = readme.indexOf("```java\n", section);
        int end = readme.indexOf("```", start + 8);
        assertTrue(start > 0 && end > start, "the section holds a java block");
        List<String> block = readme.substring(start + 8, end).lines().map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
        List<String> imports = block.stream().filter(l -> l.startsWith("import ")).toList();
        List<String> snippet = block.stream().filter(l -> !l.startsWith("import ")).toList();
        assertEquals(10, snippet.size(), "ten lines: " + snippet);

        String source = Files.readString(SOURCE, StandardCharsets.UTF_8);
        assertEquals(source.lines().filter(l -> l.startsWith("import ")).toList(), imports,
                "the README shows the imports of SendWithApi");
        int body = source.indexOf("public static void main(String[] args) throws Exception {");
        List<String> main = source.substring(body).lines().skip(1).map(String::strip).limit(snippet.size()).toList();
        assertEquals(snippet, main, "README snippet and SendWithApi.main must match line for line");
    }
}
