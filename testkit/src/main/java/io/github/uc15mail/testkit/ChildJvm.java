package io.github.uc15mail.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a second JVM a test starts (a sender to kill, a gateway, an emulator process): this JVM's
 * {@code java}, its class path, and the flags of a short run, so that the child spends its CPU on the test and
 * not on the optimising compiler: the client compiler only ({@code -XX:TieredStopAtLevel=1}), the serial
 * collector, class-data sharing when the JDK has its archive.
 *
 * <p>Guarantees: the child runs the same classes as the test (same class path and Java). Does not set a heap size
 * or system properties: pass them in {@code jvmOptions}.
 */
public final class ChildJvm {

    private ChildJvm() {}

    /** {@code java <short-run flags> <jvmOptions> -cp <this class path> <mainClass> <args>}. */
    public static List<String> command(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(args);
        return cmd;
    }
}
