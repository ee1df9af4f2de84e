package io.github.uc15mail.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the README and docs/ promise a newcomer copying from it: every Java snippet imports the uc15mail types it uses and
 * every import names a real class; the coordinates it gives are those of the build (version of the parent pom,
 * the BOM listing the published modules, the BOM's version equal to the parent's).
 */
class ReadmeJavaAndCoordinatesTest {

    static final Path ROOT = Path.of("..");
    static final List<String> PUBLISHED = List.of("core", "serial", "testkit", "outbox", "gateway");

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    /** Simple names of the public (non-internal) classes of the published modules. */
    private static Set<String> publicTypes() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String module : PUBLISHED) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                files.filter(f -> f.toString().endsWith(".java") && !f.toString().contains("/internal/")
                        && !f.getFileName().toString().equals("package-info.java"))
                        .forEach(f -> names.add(f.getFileName().toString().replace(".java", "")));
            }
        }
        return names;
    }

    private static List<String> javaBlocks(String readme) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @Test
    void everyJavaSnippetImportsTheTypesItUses() throws Exception {
        Set<String> types = publicTypes();
        assertTrue(types.contains("ModemPorts") && types.contains("Uc15EmulatorExtension"), types.toString());
        List<String> blocks = new ArrayList<>();
        for (Path doc : io.github.uc15mail.docs.DocBlocks.documents()) {
            blocks.addAll(javaBlocks(read(doc)));
        }
        assertTrue(blocks.size() >= 3, "README's java blocks: " + blocks.size());
        for (String block : blocks) {
            String code = block.lines().filter(l -> !l.startsWith("import ")).reduce("", (a, b) -> a + b + "\n")
                    .replaceAll("\"[^\"]*\"", "\"\"").replaceAll("//.*", "");
            for (String type : types) {
                if (Pattern.compile("\\b" + type + "\\b").matcher(code).find()) {
                    assertTrue(Pattern.compile("(?m)^import [\\w.]+\\." + type + ";$").matcher(block).find(),
                            () -> "the snippet uses " + type + " without importing it:\n" + block);
                }
            }
            for (String line : block.lines().filter(l -> l.startsWith("import ")).toList()) {
                String name = line.replace("import static ", "").replace("import ", "").replace(";", "").strip();
                String className = line.startsWith("import static ") ? name.substring(0, name.lastIndexOf('.')) : name;
                load(className); // an import that does not exist fails here
            }
        }
    }

    /** The class an import names; a nested type ({@code a.b.Outer.Inner}) is {@code a.b.Outer$Inner} to the class loader. */
    private static Class<?> load(String name) throws ClassNotFoundException {
        String n = name;
        while (true) {
            try {
                return Class.forName(n);
            } catch (ClassNotFoundException e) {
                int dot = n.lastIndexOf('.');
                if (dot < 0 || !Character.isUpperCase(n.charAt(n.lastIndexOf('.', dot - 1) + 1))) {
                    throw new ClassNotFoundException(name, e);
                }
                n = n.substring(0, dot) + '$' + n.substring(dot + 1);
            }
        }
    }

    @Test
    void theCoordinatesAreThoseOfTheBuild() throws Exception {
        String parent = read(ROOT.resolve("pom.xml"));
        String version = firstTag(parent, "version");
        String bom = read(ROOT.resolve("bom/pom.xml"));
        assertEquals(version, firstTag(bom, "version"), "the BOM's version is the parent's");
        assertFalse(bom.contains("<parent>"), "the BOM pins only uc15mail modules, so it has no parent");
        for (String module : PUBLISHED) {
            String artifactId = "uc15mail-" + module;
            assertTrue(read(ROOT.resolve(module).resolve("pom.xml")).contains("<artifactId>" + artifactId
                    + "</artifactId>"), artifactId);
            assertTrue(bom.contains("<artifactId>" + artifactId + "</artifactId>"), "the BOM lists " + artifactId);
            String pom = read(ROOT.resolve(module).resolve("pom.xml"));
            assertTrue(pom.contains("maven-source-plugin") && pom.contains("maven-javadoc-plugin"),
                    module + " attaches sources and javadoc");
        }
        String readme = read(ROOT.resolve("README.md"));
        assertTrue(readme.contains("<groupId>io.github.uc15mail</groupId>"), "Maven coordinates");
        assertTrue(readme.contains("<artifactId>uc15mail-bom</artifactId>\n      <version>" + version + "</version>"),
                "the README's BOM version is " + version);
        assertTrue(readme.contains("platform(\"io.github.uc15mail:uc15mail-bom:" + version + "\")"),
                "the Gradle platform version is " + version);
        String testing = read(ROOT.resolve("docs/testing.md"));
        assertTrue(testing.contains("<maven.compiler.release>17</maven.compiler.release>"), "template pom");
        assertTrue(testing.contains("<artifactId>maven-surefire-plugin</artifactId>\n        <version>3."), "surefire 3.x");
        assertTrue(readme.contains("mvn -B install"), "install from source");
    }

    private static String firstTag(String pom, String tag) {
        String withoutParent = pom.replaceAll("(?s)<parent>.*?</parent>", "");
        Matcher m = Pattern.compile("<" + tag + ">([^<]+)</" + tag + ">").matcher(withoutParent);
        assertTrue(m.find(), tag);
        return m.group(1);
    }
}
