package io.github.uc15mail.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fenced code blocks of the README and of {@code docs/*.md}: each with its file, line, language and the HTML
 * comment just above it ({@code <!-- java context: ... -->}, {@code <!-- output of: ... -->},
 * {@code <!-- output checked by: ... -->}), which tells the tests how to check it.
 */
public final class DocBlocks {

    /** The repository's root, seen from a module's directory (where surefire runs). */
    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** One fenced block. */
    public record Block(Path file, int line, String language, String text, String note) {

        public List<String> lines() {
            return text.lines().toList();
        }

        @Override
        public String toString() {
            return ROOT.relativize(file) + ":" + line + " (" + language + ")";
        }
    }

    private static final Pattern FENCE = Pattern.compile("(?m)^```(\\S*)\\n(.*?)^```\\s*$", Pattern.DOTALL);
    private static final Pattern NOTE = Pattern.compile("<!--\\s*(.*?)\\s*-->\\s*$", Pattern.DOTALL);

    private DocBlocks() {}

    /** README.md and every docs/*.md. */
    public static List<Path> documents() {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    public static List<Block> all() {
        List<Block> blocks = new ArrayList<>();
        for (Path file : documents()) {
            blocks.addAll(of(file));
        }
        return blocks;
    }

    public static List<Block> of(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Block> blocks = new ArrayList<>();
        Matcher m = FENCE.matcher(text);
        while (m.find()) {
            String before = text.substring(0, m.start()).stripTrailing();
            String note = "";
            Matcher n = NOTE.matcher(before);
            if (before.endsWith("-->") && n.find(Math.max(0, before.lastIndexOf("<!--")))) {
                note = n.group(1);
            }
            int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
            blocks.add(new Block(file, line, m.group(1), m.group(2), note));
        }
        return blocks;
    }

    /** The blocks of one document (path relative to the root) whose note is {@code note}. */
    public static List<Block> withNote(String document, String note) {
        return of(ROOT.resolve(document)).stream().filter(b -> b.note().equals(note)).toList();
    }

    /**
     * A line of shown output with what changes from run to run made uniform: ids, numbers, temporary paths and
     * dates. Two lines that differ only in those compare equal.
     */
    public static String normalize(String line) {
        return line.strip()
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID")
                .replaceAll("[0-9a-f]{8}-\\.\\.\\.", "ID")
                .replaceAll("/tmp/\\S+?(/|\\s|$)", "TMP$1")
                .replaceAll("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d+ \\w+ \\d{4} [\\d:]+ [+-]\\d{4}( \\(\\w+\\))?", "DATE")
                .replaceAll("\\d+(\\.\\d+)?", "N");
    }

    /** Fails unless every line of {@code block} is, once normalized, a line of {@code output}. */
    public static void assertShown(Block block, String output) {
        List<String> real = output.lines().map(DocBlocks::normalize).toList();
        for (String shown : block.lines()) {
            if (!real.contains(normalize(shown))) {
                throw new AssertionError(block + " shows a line the command does not print:\n  " + shown
                        + "\n(normalized: " + normalize(shown) + ")\nwhat it printed:\n" + output);
            }
        }
    }
}
