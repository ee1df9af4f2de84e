package io.github.uc15mail.serial;

import io.github.uc15mail.testkit.Await;
import java.time.Duration;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Test fixture: pseudo-terminals made by {@code socat}, so serial code runs against a real tty without
 * hardware. Reusable by other modules' tests.
 *
 * <ul>
 *   <li>{@link #create(Path)}: two linked ptys, {@code dir/a} and {@code dir/b}; bytes written to one are read
 *       from the other. Open {@link #a()} with a {@link SerialTransport} and drive {@link #b()} as the "modem".</li>
 *   <li>{@link #bridgeToTcp(Path, String, int)}: one pty, {@code dir/NAME}, whose far side is a TCP
 *       connection to {@code 127.0.0.1:PORT} (for example a modem emulator's listening socket; start the
 *       server first). {@link #b()} is not available on a bridge.</li>
 * </ul>
 * Every wait is bounded (5 s to start). {@link #kill()} is an abrupt unplug: socat dies, the ptys hang up.
 * {@link #close()} kills socat and removes the links. Call {@link #assumeSocat()} first so a machine
 * without socat skips with a visible reason.
 */
public final class PtyPair implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = 5_000;

    private final Process process;
    private final Path a;
    private final Path b;
    private final Path log;
    private final String description;

    private PtyPair(Process process, Path a, Path b, Path log, String description) {
        this.process = process;
        this.a = a;
        this.b = b;
        this.log = log;
        this.description = description;
    }

    /** Whether a {@code socat} executable is on the PATH. */
    public static boolean socatAvailable() {
        String pathVar = System.getenv("PATH");
        if (pathVar == null) {
            return false;
        }
        for (String dir : pathVar.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "socat"))) {
                return true;
            }
        }
        return false;
    }

    /** Skips the calling test, with the reason shown, when socat is not installed. */
    public static void assumeSocat() {
        Assumptions.assumeTrue(socatAvailable(),
                "socat is not on PATH: install it (Debian: apt-get install socat) to run the pseudo-terminal tests");
    }

    /** Two linked pseudo-terminals, {@code dir/a} and {@code dir/b}. */
    public static PtyPair create(Path dir) throws IOException {
        return create(dir, "a", "b");
    }

    /** Two linked pseudo-terminals with the given link names in {@code dir}; stale links are replaced. */
    public static PtyPair create(Path dir, String nameA, String nameB) throws IOException {
        Path a = dir.resolve(nameA);
        Path b = dir.resolve(nameB);
        Files.deleteIfExists(a);
        Files.deleteIfExists(b);
        Path log = dir.resolve(nameA + "-" + nameB + ".socat.log");
        List<String> cmd = List.of("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b);
        return start(cmd, a, b, log, "pty pair " + a + " <-> " + b);
    }

    /**
     * A pseudo-terminal {@code dir/name} bridged to {@code host:port} over TCP; the server must already be
     * listening, since socat connects at once.
     */
    public static PtyPair bridgeToTcp(Path dir, String name, int port) throws IOException {
        Path a = dir.resolve(name);
        Files.deleteIfExists(a);
        Path log = dir.resolve(name + ".socat.log");
        List<String> cmd = List.of("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + a, "tcp:127.0.0.1:" + port);
        return start(cmd, a, null, log, "pty " + a + " <-> tcp:127.0.0.1:" + port);
    }

    private static PtyPair start(List<String> cmd, Path a, Path b, Path log, String description) throws IOException {
        Process p = new ProcessBuilder(new ArrayList<>(cmd))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PtyPair pair = new PtyPair(p, a, b, log, description);
        try {
            Await.until("socat to start " + description, Duration.ofMillis(START_TIMEOUT_MILLIS), () -> {
                if (!p.isAlive()) {
                    throw new AssertionError("socat exited with " + p.exitValue() + " while starting " + description
                            + ": " + pair.log());
                }
                return Files.exists(a) && (b == null || Files.exists(b))
                        && pair.log().contains("starting data transfer loop");
            });
            return pair;
        } catch (AssertionError e) {
            pair.close();
            throw new IOException(e.getMessage() + ": " + pair.log(), e);
        }
    }

    /** The first end (the one to open with a {@link SerialTransport}). */
    public Path a() {
        return a;
    }

    /** The second end, the "modem" side. */
    public Path b() {
        if (b == null) {
            throw new IllegalStateException(description + " is a TCP bridge and has no second pty");
        }
        return b;
    }

    /** Whether socat is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** socat's log so far ({@code -d -d}), for assertion messages. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no socat log: " + e + ")";
        }
    }

    /** Kills socat at once (SIGKILL), like pulling a USB cable; waits at most 5 s for it to die. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills socat and removes the links. */
    @Override
    public void close() {
        kill();
        try {
            Files.deleteIfExists(a);
            if (b != null) {
                Files.deleteIfExists(b);
            }
        } catch (IOException e) {
            // best effort
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
