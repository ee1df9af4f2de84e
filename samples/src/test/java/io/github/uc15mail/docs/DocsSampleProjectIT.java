package io.github.uc15mail.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.uc15mail.docs.DocBlocks.Block;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The complete {@code pom.xml} of docs/testing.md and its {@code AlarmMailTest}, built by Maven as a new project
 * would be: the modules of this build are installed into a local repository of the test's own (never into
 * {@code ~/.m2}), everything else comes from the build's local repository, and surefire must report the two tests
 * run and passed (the surefire 2.12.4 that Maven 3.8 picks without the pin reports {@code Tests run: 0}).
 */
class DocsSampleProjectIT {

    static final List<String> MODULES = List.of("core", "serial", "testkit", "outbox", "gateway");

    @TempDir
    Path dir;

    @Test
    void theSamplePomRunsTheTestkitExample() throws Exception {
        Path mvn = Path.of("/usr/bin/mvn");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!Files.isExecutable(mvn)) {
            if (ci) {
                fail("mvn is not at /usr/bin/mvn (Debian package maven)");
            }
            assumeTrue(false, "mvn is not at /usr/bin/mvn");
        }
        List<Block> blocks = DocBlocks.of(DocBlocks.ROOT.resolve("docs/testing.md"));
        String pom = blocks.stream().filter(b -> b.text().startsWith("<?xml")).findFirst().orElseThrow().text();
        String test = blocks.stream().filter(b -> b.text().contains("class AlarmMailTest")).findFirst().orElseThrow()
                .text();
        Path project = dir.resolve("pump-alarm");
        Files.createDirectories(project.resolve("src/test/java"));
        Files.writeString(project.resolve("pom.xml"), pom, StandardCharsets.UTF_8);
        Files.writeString(project.resolve("src/test/java/AlarmMailTest.java"), test, StandardCharsets.UTF_8);

        Path repo = dir.resolve("repo");
        String version = version();
        install(repo, "uc15mail-parent", version, DocBlocks.ROOT.resolve("pom.xml"), null);
        install(repo, "uc15mail-bom", version, DocBlocks.ROOT.resolve("bom/pom.xml"), null);
        for (String module : MODULES) {
            Path jar = DocBlocks.ROOT.resolve(module).resolve("target/uc15mail-" + module + "-" + version + ".jar");
            assertTrue(Files.exists(jar), jar + " is packaged (this test runs after the modules' package phase)");
            install(repo, "uc15mail-" + module, version, DocBlocks.ROOT.resolve(module).resolve("pom.xml"), jar);
        }
        String buildRepo = System.getProperty("localRepository",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        Path settings = dir.resolve("settings.xml");
        Files.writeString(settings, """
                <settings>
                  <mirrors>
                    <mirror>
                      <id>build-repository</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(Path.of(buildRepo).toUri()), StandardCharsets.UTF_8);
        Path log = dir.resolve("mvn.log");
        Process p = new ProcessBuilder(mvn.toString(), "-B", "-s", settings.toString(), "-Dmaven.repo.local=" + repo,
                "test").directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "mvn test finished");
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("maven-surefire-plugin:3."), out);
        assertTrue(out.contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0"), out);
        assertTrue(out.contains("BUILD SUCCESS"), out);
    }

    private static String version() throws Exception {
        String pom = Files.readString(DocBlocks.ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
        int start = pom.indexOf("<version>") + "<version>".length();
        return pom.substring(start, pom.indexOf("</version>", start));
    }

    /** Lays out one artifact as {@code mvn install} would (pom, and jar when given). */
    private static void install(Path repo, String artifactId, String version, Path pom, Path jar) throws Exception {
        Path d = repo.resolve("io/github/uc15mail").resolve(artifactId).resolve(version);
        Files.createDirectories(d);
        Files.copy(pom, d.resolve(artifactId + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            Files.copy(jar, d.resolve(artifactId + "-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
