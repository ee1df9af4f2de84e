package io.github.uc15mail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped launcher and installer, as packaged next to {@code uc15mail.jar} (run by failsafe after
 * {@code package}): the launcher runs the jar beside it, install.sh lays out PREFIX/bin and PREFIX/lib, and the
 * installed command works from there and through a symbolic link.
 */
class LauncherTest {

    private static final Path TARGET = Path.of("target").toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    void theLauncherNextToTheJarRunsIt() throws Exception {
        assertTrue(Files.isExecutable(TARGET.resolve("uc15mail")), "target/uc15mail is packaged and executable");
        Run r = run(List.of(TARGET.resolve("uc15mail").toString(), "--version"));
        assertEquals(0, r.exit, r.toString());
        assertEquals(Uc15MailCli.VERSION, r.out.strip());
    }

    @Test
    void shortRunsGetTheClientCompilerAndTheGatewayTheSerialCollectorWithASmallInitialHeap() throws Exception {
        String launcher = TARGET.resolve("uc15mail").toString();
        Run send = run(List.of(launcher, "send", "--help"), "-XX:+PrintCommandLineFlags");
        assertEquals(0, send.exit, send.toString());
        assertTrue(send.out.contains("-XX:TieredStopAtLevel=1") && send.out.contains("-XX:+UseSerialGC"), send.toString());

        Run gateway = run(List.of(launcher, "gateway", "--help"), "-XX:+PrintCommandLineFlags");
        assertEquals(0, gateway.exit, gateway.toString());
        assertTrue(gateway.out.contains("-XX:+UseSerialGC"), gateway.toString());
        assertTrue(gateway.out.contains("-XX:InitialHeapSize=16777216"), gateway.toString());
        assertFalse(gateway.out.contains("TieredStopAtLevel"), "the gateway keeps the server compiler: " + gateway);

        Run overridden = run(List.of(launcher, "gateway", "--help"),
                "-XX:+PrintCommandLineFlags -XX:-UseSerialGC -XX:+UseG1GC -Xms64m");
        assertEquals(0, overridden.exit, overridden.toString());
        assertTrue(overridden.out.contains("-XX:+UseG1GC") && overridden.out.contains("-XX:InitialHeapSize=67108864"),
                "UC15MAIL_JAVA_OPTS comes last and wins: " + overridden);
    }

    @Test
    void installShPutsCommandAndJarUnderAPrefixAndTheCommandRunsFromThere() throws Exception {
        Path prefix = tmp.resolve("usr-local");
        Run install = run(List.of("sh", TARGET.resolve("install.sh").toString(), prefix.toString()));
        assertEquals(0, install.exit, install.toString());
        assertTrue(Files.isRegularFile(prefix.resolve("lib/uc15mail/uc15mail.jar")), install.toString());
        Path command = prefix.resolve("bin/uc15mail");
        assertTrue(Files.isExecutable(command), install.toString());

        Run version = run(List.of(command.toString(), "--version"));
        assertEquals(0, version.exit, version.toString());
        assertEquals(Uc15MailCli.VERSION, version.out.strip());

        Path link = Files.createSymbolicLink(tmp.resolve("uc15mail-link"), command);
        Run viaLink = run(List.of(link.toString(), "--version"));
        assertEquals(0, viaLink.exit, viaLink.toString());
        assertEquals(Uc15MailCli.VERSION, viaLink.out.strip());

        Run refused = run(List.of(command.toString(), "send", "--security", "tls"));
        assertEquals(ExitCodes.BAD_INPUT, refused.exit, "exit codes pass through the launcher: " + refused);
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        return run(command, null);
    }

    private static Run run(List<String> command, String javaOpts) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        if (javaOpts == null) {
            pb.environment().remove("UC15MAIL_JAVA_OPTS");
        } else {
            pb.environment().put("UC15MAIL_JAVA_OPTS", javaOpts);
        }
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "did not end: " + command);
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
