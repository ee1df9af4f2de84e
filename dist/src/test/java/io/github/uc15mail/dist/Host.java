package io.github.uc15mail.dist;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs programs of this machine for the package tests; a missing tool skips, or fails under {@code CI=true}. */
final class Host {

    static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));

    private Host() {}

    /** What one program printed and returned. */
    record Run(int exit, String out) {
        @Override
        public String toString() {
            return "exit " + exit + ":\n" + out;
        }
    }

    /** Skips the test when {@code condition} is false, or fails it under CI, naming {@code why}. */
    static void require(boolean condition, String why) {
        if (!condition) {
            if (CI) {
                fail(why + " (CI=true: a missing tool fails the test; .ci/run installs it)");
            }
            assumeTrue(false, why);
        }
    }

    static void requireTool(String name, String debianPackage) {
        require(which(name) != null, name + " is not installed (Debian package " + debianPackage + ")");
    }

    static Path which(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            for (String d : new String[] {dir, "/usr/sbin", "/sbin"}) {
                Path p = Path.of(d, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Runs {@code command} with {@code stdin} (may be null) and waits up to {@code seconds}. */
    static Run run(byte[] stdin, int seconds, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin);
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("did not finish in " + seconds + " s: " + Arrays.toString(command));
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static Run run(String... command) throws IOException, InterruptedException {
        return run(null, 300, command);
    }

    /** {@code command} as the user {@code user} (no supplementary groups), through setpriv. */
    static String[] as(String user, String group, String... command) {
        List<String> all = new ArrayList<>(List.of("setpriv", "--reuid=" + user, "--regid=" + group, "--clear-groups",
                "--reset-env"));
        all.addAll(List.of(command));
        return all.toArray(String[]::new);
    }
}
