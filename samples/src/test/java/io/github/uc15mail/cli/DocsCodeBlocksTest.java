package io.github.uc15mail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.uc15mail.docs.DocBlocks;
import io.github.uc15mail.docs.DocBlocks.Block;
import io.github.uc15mail.testkit.Uc15EmulatorExtension;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xml.sax.InputSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every fenced block of the README and of {@code docs/*.md} is checked, by its language:
 * <ul>
 *   <li>{@code java}: compiled against this build (a fragment inside a method whose parameters are the variables its
 *       {@code <!-- java context: ... -->} note names; a whole class as it is);</li>
 *   <li>{@code xml}: well-formed, and each {@code uc15mail-*} artifact is one the BOM pins (the complete pom is
 *       built by Maven in {@code DocsSampleProjectIT});</li>
 *   <li>{@code kotlin}: the Gradle coordinates are those of the BOM and its version;</li>
 *   <li>{@code properties}: loads, and its keys are flags of the command it configures;</li>
 *   <li>{@code shell}: each command of {@code uc15mail} (and {@code sendmail}, {@code mailq}) is parsed by the real
 *       CLI; {@code mvn} names real modules and tests; package and file names are those the build makes; any other
 *       program must be one of a known list;</li>
 *   <li>{@code text}: shown output. {@code <!-- output of: ARGS -->} runs {@code uc15mail ARGS} here against an
 *       emulated modem and compares every line; {@code <!-- output checked by: Test -->} names the test that does.</li>
 * </ul>
 * A block in another language, or without what its language needs, fails the test.
 */
class DocsCodeBlocksTest {

    static final Set<String> LANGUAGES = Set.of("java", "xml", "kotlin", "properties", "shell", "text");

    /** Programs other than uc15mail that the docs may tell a reader to run. */
    static final Set<String> KNOWN_PROGRAMS = Set.of("apt", "apt-get", "git", "curl", "printf", "echo", "mail",
            "journalctl", "systemctl", "sudoedit", "tar", "useradd", "install", "usermod", "socat", "ssh", "cd",
            "sqlite3", "cp", "mv");

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    @Test
    void everyBlockHasALanguageThisTestChecks() {
        List<Block> blocks = DocBlocks.all();
        assertTrue(blocks.size() > 30, "blocks found: " + blocks.size());
        for (Block b : blocks) {
            assertTrue(LANGUAGES.contains(b.language()), () -> b + ": a block needs one of the languages " + LANGUAGES);
        }
    }

    @Test
    void javaBlocksCompile() throws Exception {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> sources = new ArrayList<>();
        int n = 0;
        for (Block b : DocBlocks.all()) {
            if (b.language().equals("java")) {
                sources.add(source(b, "DocSnippet" + n++));
            }
        }
        assertTrue(n >= 5, "java blocks: " + n);
        Path out = Files.createTempDirectory("doc-snippets");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok = compiler.getTask(null, null, diagnostics, List.of("-classpath", classPath(), "-d", out.toString(),
                "--release", "17", "-proc:none"), null, sources).call();
        assertTrue(ok, () -> diagnostics.getDiagnostics().stream().map(d -> d.getSource().getName() + ":"
                + d.getLineNumber() + ": " + d.getMessage(null)).reduce("", (a, c) -> a + c + "\n"));
    }

    private static JavaFileObject source(Block b, String name) {
        String text = b.text();
        Matcher cls = Pattern.compile("(?m)^(?:public |final )*class (\\w+)").matcher(text);
        String code;
        String className;
        if (cls.find()) {
            className = cls.group(1);
            code = text;
        } else {
            assertTrue(b.note().startsWith("java context:") || !text.contains("config") || text.contains("SmtpConfig config"),
                    () -> b + ": a fragment that uses variables names them in <!-- java context: TYPE name; ... -->");
            String context = b.note().startsWith("java context:") ? b.note().substring("java context:".length()).strip() : "";
            String params = String.join(", ", context.isEmpty() ? List.of() : List.of(context.split("\\s*;\\s*")));
            StringBuilder imports = new StringBuilder();
            StringBuilder body = new StringBuilder();
            text.lines().forEach(l -> (l.startsWith("import ") ? imports : body).append(l).append('\n'));
            className = name;
            code = imports + "class " + name + " {\n static void run(" + params + ") throws Exception {\n" + body + "}\n}\n";
        }
        String cn = className;
        return new SimpleJavaFileObject(java.net.URI.create("string:///" + cn + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignore) {
                return code;
            }

            @Override
            public String getName() {
                return b + " as " + cn;
            }
        };
    }

    /** The test class path; surefire may hand it over in a manifest-only jar. */
    static String classPath() throws IOException {
        String cp = System.getProperty("java.class.path");
        String[] parts = cp.split(File.pathSeparator);
        if (parts.length == 1 && parts[0].endsWith(".jar")) {
            try (JarFile jar = new JarFile(parts[0])) {
                String manifest = jar.getManifest().getMainAttributes().getValue("Class-Path");
                if (manifest != null) {
                    List<String> entries = new ArrayList<>();
                    for (String url : manifest.split(" ")) {
                        if (!url.isBlank()) {
                            entries.add(Path.of(java.net.URI.create(url)).toString());
                        }
                    }
                    return String.join(File.pathSeparator, entries);
                }
            }
        }
        return cp;
    }

    @Test
    void xmlAndKotlinBlocksUseTheBuildsCoordinates() throws Exception {
        String version = projectVersion();
        String bom = Files.readString(DocBlocks.ROOT.resolve("bom/pom.xml"), StandardCharsets.UTF_8);
        int poms = 0;
        for (Block b : DocBlocks.all()) {
            if (b.language().equals("xml")) {
                String xml = b.text().startsWith("<?xml") ? b.text() : "<root>" + b.text() + "</root>";
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
                if (b.text().startsWith("<?xml")) {
                    poms++;
                    assertTrue(b.file().endsWith("docs/testing.md"), b + ": the complete pom lives in docs/testing.md");
                }
                assertArtifactsPinned(b, bom, "<artifactId>(uc15mail-[\\w-]+)</artifactId>");
                if (b.text().contains("uc15mail-bom")) {
                    assertTrue(b.text().contains("<artifactId>uc15mail-bom</artifactId>\n")
                            && b.text().contains("<version>" + version + "</version>"), b + ": BOM version " + version);
                }
            } else if (b.language().equals("kotlin")) {
                assertArtifactsPinned(b, bom, "\"io\\.github\\.uc15mail:(uc15mail-[\\w-]+)");
                assertTrue(b.text().contains("uc15mail-bom:" + version + "\""), b + ": BOM version " + version);
            }
        }
        assertEquals(1, poms, "one complete pom.xml (built by DocsSampleProjectIT)");
    }

    private static void assertArtifactsPinned(Block b, String bom, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(b.text());
        while (m.find()) {
            String artifact = m.group(1);
            assertTrue(artifact.equals("uc15mail-bom") || bom.contains("<artifactId>" + artifact + "</artifactId>"),
                    () -> b + ": " + artifact + " is not a module the BOM pins");
        }
    }

    static String projectVersion() throws IOException {
        String pom = Files.readString(DocBlocks.ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<version>([^<]+)</version>").matcher(pom);
        assertTrue(m.find());
        return m.group(1);
    }

    @Test
    void propertiesBlocksNameRealSettings() throws Exception {
        CommandSpec send = Uc15MailCli.commandLine(CliContext.system()).getSubcommands().get("send").getCommandSpec();
        String transport = Files.readString(DocBlocks.ROOT.resolve(
                "gateway/src/main/java/io/github/uc15mail/gateway/internal/transport/TransportSettings.java"),
                StandardCharsets.UTF_8);
        for (Block b : DocBlocks.all()) {
            if (!b.language().equals("properties")) {
                continue;
            }
            Properties p = new Properties();
            p.load(new StringReader(b.text()));
            assertFalse(p.isEmpty(), b.toString());
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("spring.mail.")) {
                    String uc15 = key.replaceFirst("^spring\\.mail\\.properties\\.mail\\.uc15\\.", "");
                    assertTrue(!uc15.equals(key) ? transport.contains("get(\"" + uc15 + "\")")
                            : Set.of("protocol", "host", "port", "username", "password").contains(key.substring(12)),
                            () -> b + ": " + key + " is not a setting Spring or the uc15 transport reads");
                } else {
                    assertTrue(send.findOption("--" + key) != null, () -> b + ": " + key + " is not a flag of send");
                }
            }
        }
    }

    @Test
    void shellBlocksRunRealCommands() throws Exception {
        int cli = 0;
        for (Block b : DocBlocks.all()) {
            if (!b.language().equals("shell")) {
                continue;
            }
            for (List<String> command : ShellWords.commands(b.text())) {
                cli += checkCommand(b, command);
            }
        }
        assertTrue(cli >= 20, "uc15mail command lines checked: " + cli);
    }

    /** Checks one simple command; returns 1 when it was a uc15mail command the CLI parsed. */
    private static int checkCommand(Block b, List<String> words) throws Exception {
        List<String> w = new ArrayList<>(words);
        while (!w.isEmpty() && (w.get(0).matches("[A-Z_]+=.*") || w.get(0).equals("sudo"))) {
            w.remove(0);
        }
        if (w.isEmpty()) {
            return 0;
        }
        String program = w.get(0);
        List<String> args = new ArrayList<>(w.subList(1, w.size()));
        if (program.equals("java") && args.size() >= 2 && args.get(1).equals("benchmarks/target/uc15mail-benchmarks.jar")) {
            assertTrue(Files.readString(DocBlocks.ROOT.resolve("benchmarks/pom.xml"), StandardCharsets.UTF_8)
                    .contains("uc15mail-benchmarks"), b + ": the benchmarks jar");
            return 0;
        }
        if (program.equals("java") && args.size() >= 2 && args.get(0).equals("-jar")) {
            assertEquals("samples/target/uc15mail.jar", args.get(1), b + ": the CLI jar");
            return parse(b, args.subList(2, args.size()));
        }
        if (program.equals("java") && args.size() >= 3 && args.get(0).equals("-cp")) {
            assertEquals("samples/target/uc15mail.jar", args.get(1), b + ": the CLI jar");
            Class.forName(args.get(2));
            return 0;
        }
        switch (program) {
            case "uc15mail", "samples/target/uc15mail", "/usr/bin/uc15mail":
                return parse(b, args);
            case "sendmail", "/usr/sbin/sendmail":
                args.add(0, "sendmail");
                return parse(b, args);
            case "mailq":
                args.add(0, "mailq");
                return parse(b, args);
            case "mvn":
                checkMaven(b, args);
                return 0;
            case ".ci/run":
                assertTrue(Files.isExecutable(DocBlocks.ROOT.resolve(".ci/run")), b.toString());
                return 0;
            case "samples/target/install.sh", "./install.sh":
                assertTrue(Files.exists(DocBlocks.ROOT.resolve("samples/src/dist/install.sh")), b.toString());
                return 0;
            default:
                assertTrue(KNOWN_PROGRAMS.contains(program), () -> b + ": unknown program " + program + " in " + words);
        }
        String version = projectVersion();
        for (String a : args) {
            if (a.endsWith(".deb")) {
                String deb = a.replaceFirst("^\\./", "");
                assertTrue(deb.equals("uc15mail_" + version.replace("-", "~") + "_all.deb")
                        || deb.equals("uc15mail-mta_" + version.replace("-", "~") + "_all.deb"), b + ": package " + a);
            }
            if (a.endsWith(".tar.gz")) {
                assertEquals("uc15mail-" + version + ".tar.gz", a, b + ": tarball");
            }
            if (a.contains("uc15mail-gateway") && !a.contains("/")) {
                assertTrue(Files.exists(DocBlocks.ROOT.resolve("dist/src/main/systemd/" + a + ".service"))
                        || Files.exists(DocBlocks.ROOT.resolve("gateway/src/dist/" + a + ".service")), b + ": unit " + a);
            }
        }
        return 0;
    }

    private static int parse(Block b, List<String> args) {
        CommandLine cl = Uc15MailCli.commandLine(CliContext.system());
        try {
            cl.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            fail(b + ": the CLI refuses " + args + ": " + e.getMessage());
        }
        return 1;
    }

    private static void checkMaven(Block b, List<String> args) throws IOException {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-pl")) {
                for (String module : args.get(i + 1).split(",")) {
                    assertTrue(Files.exists(DocBlocks.ROOT.resolve(module).resolve("pom.xml")), b + ": module " + module);
                }
            }
            if (a.startsWith("-Dtest=")) {
                String test = a.substring("-Dtest=".length());
                try (var files = Files.walk(DocBlocks.ROOT, 10)) {
                    assertTrue(files.anyMatch(f -> f.getFileName().toString().equals(test + ".java")),
                            b + ": test " + test);
                }
            }
        }
    }

    @Test
    void shownOutputIsWhatTheCommandPrints() throws Exception {
        String modem = "tcp:127.0.0.1:" + uc15.emulator().listenTcp(0);
        int run = 0;
        for (Block b : DocBlocks.all()) {
            if (!b.language().equals("text")) {
                continue;
            }
            String note = b.note();
            if (note.startsWith("output checked by:")) {
                String test = note.substring("output checked by:".length()).strip();
                Path source = DocBlocks.ROOT.resolve("samples/src/test/java/io/github/uc15mail/cli/" + test + ".java");
                assertTrue(Files.readString(source, StandardCharsets.UTF_8)
                        .contains(DocBlocks.ROOT.relativize(b.file()).toString()), b + ": " + test + " reads this block");
                continue;
            }
            assertTrue(note.startsWith("output of:"), () -> b + ": a text block says what prints it"
                    + " (<!-- output of: ARGS --> or <!-- output checked by: Test -->)");
            String line = note.substring("output of:".length()).strip();
            boolean afterSend = line.contains("EMULATOR-AFTER-SEND");
            line = line.replace("EMULATOR-AFTER-SEND", modem).replace("EMULATOR", modem)
                    .replace("SMTP_HOST", uc15.smtpHost()).replace("SMTP_PORT", String.valueOf(uc15.smtpPort()));
            if (afterSend) {
                CliRunner.Result sent = new CliRunner().env("PW", "secret").run("send", "--port", modem, "--server", uc15.smtpHost(),
                        "--server-port", String.valueOf(uc15.smtpPort()), "--user", "pi@example.com", "--password-env",
                        "PW", "--from", "pi@example.com", "--to", "ops@example.com", "--subject", "s", "--body", "b");
                assertEquals(0, sent.exitCode(), sent::toString);
            }
            List<String> args = ShellWords.commands(line).get(0);
            CliRunner.Result result = new CliRunner().env("PW", "secret").run(args.toArray(String[]::new));
            assertEquals(0, result.exitCode(), () -> b + ": " + result);
            DocBlocks.assertShown(b, result.out());
            run++;
        }
        assertTrue(run >= 2, "output blocks run: " + run);
    }
}
