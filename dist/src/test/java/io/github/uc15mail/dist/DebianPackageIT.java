package io.github.uc15mail.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.testkit.Uc15Emulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The two Debian packages as a Pi user meets them: lintian finds no error, systemd accepts the unit, and on this
 * machine, as root, {@code dpkg -i} both, {@code uc15mail demo}, mail from real callers (sendmail -t as cron
 * calls it, bsd-mailx's {@code mail -s}, and, as a user who is not root, Python's subprocess) lands as QUEUED rows in
 * {@code /var/lib/uc15mail/outbox.db}, also from a user who is not root (through the front door on loopback),
 * then {@code dpkg -r} keeps the outbox and {@code dpkg -P} removes it. Everything installed is purged at the end.
 */
class DebianPackageIT {

    static final Path TARGET = Path.of("target").toAbsolutePath();
    static final String VERSION = System.getProperty("deb.version", "0.2.0~SNAPSHOT");
    static final Path DEB = TARGET.resolve("uc15mail_" + VERSION + "_all.deb");
    static final Path MTA = TARGET.resolve("uc15mail-mta_" + VERSION + "_all.deb");
    static final Path CI_DEBS = Path.of(System.getenv().getOrDefault("UC15MAIL_CI_DEBS", "/var/cache/uc15mail-ci"));
    static final Path DB = Path.of("/var/lib/uc15mail/outbox.db");
    static final List<String> installed = new ArrayList<>();

    @Test
    void lintianFindsNoErrors() throws Exception {
        Host.requireTool("lintian", "lintian");
        assertTrue(Files.exists(DEB) && Files.exists(MTA), "mvn package made " + DEB + " and " + MTA);
        Host.Run lintian = Host.run("lintian", "--no-tag-display-limit", DEB.toString(), MTA.toString());
        assertFalse(lintian.out().lines().anyMatch(l -> l.startsWith("E:")), lintian::toString);
        assertTrue(lintian.exit() == 0 || lintian.exit() == 2 && !lintian.out().contains("E:"), lintian::toString);
    }

    @Test
    void packagesDeclareWhatTheyProvide() throws Exception {
        Host.requireTool("dpkg-deb", "dpkg");
        assertEquals("all", field(DEB, "Architecture"));
        assertTrue(field(DEB, "Depends").contains("openjdk-17-jre-headless | java17-runtime-headless"));
        assertEquals("mail-transport-agent", field(MTA, "Provides"));
        assertEquals("mail-transport-agent", field(MTA, "Conflicts"));
        assertEquals("uc15mail (= " + VERSION + ")", field(MTA, "Depends"));
        Host.Run conffiles = Host.run("dpkg-deb", "--info", DEB.toString(), "conffiles");
        assertEquals(List.of("/etc/uc15mail/gateway.properties", "/etc/uc15mail/gateway.env"), conffiles.out().lines()
                .toList(), conffiles::toString);
        String unit = Host.run("sh", "-c", "dpkg-deb --fsys-tarfile '" + DEB + "' | tar -xO ./lib/systemd/system/"
                + "uc15mail-gateway.service").out();
        for (String line : List.of("User=uc15mail", "SupplementaryGroups=dialout", "StateDirectory=uc15mail",
                "ProtectSystem=strict", "NoNewPrivileges=yes", "ExecStart=/usr/bin/uc15mail gateway --config "
                        + "/etc/uc15mail/gateway.properties")) {
            assertTrue(unit.lines().anyMatch(line::equals), () -> "the unit has " + line + ":\n" + unit);
        }
    }

    private static String field(Path deb, String name) throws Exception {
        return Host.run("dpkg-deb", "--field", deb.toString(), name).out().strip();
    }

    @Test
    void installSendmailFromRealCallersRemoveAndPurge() throws Exception {
        Host.require(Host.isRoot(), "installing packages needs root");
        Host.requireTool("dpkg", "dpkg");
        Host.requireTool("setpriv", "util-linux");
        Host.requireTool("systemd-analyze", "systemd");
        Host.requireTool("python3", "python3");
        Path mailx = debIn(CI_DEBS, "bsd-mailx_");
        Host.require(mailx != null, "bsd-mailx's .deb is not in " + CI_DEBS + " (.ci/run downloads it)");
        Path sendmail = Path.of("/usr/sbin/sendmail");
        Host.require(!Files.exists(sendmail) || Files.isSymbolicLink(sendmail)
                && Files.readSymbolicLink(sendmail).toString().contains("uc15mail"),
                "another MTA provides /usr/sbin/sendmail; this test would replace it");
        purge();

        dpkg("-i", DEB.toString(), MTA.toString());
        installed.addAll(List.of("uc15mail-mta", "uc15mail"));
        assertTrue(Host.run("getent", "passwd", "uc15mail").out().contains("/var/lib/uc15mail"), "the service user");
        assertTrue(Host.run("id", "-nG", "uc15mail").out().contains("dialout"), "uc15mail is in dialout");
        Host.Run verify = Host.run("systemd-analyze", "verify", "/lib/systemd/system/uc15mail-gateway.service");
        assertEquals(0, verify.exit(), verify::toString);

        Host.Run demo = Host.run("uc15mail", "demo");
        assertEquals(0, demo.exit(), demo::toString);
        assertTrue(demo.out().contains("The SMTP server received:"), demo::toString);

        // root: cron's sendmail -t stores directly, and hands the files back to the service user
        Host.Run cron = Host.run("To: ops@example.com\nSubject: cron\n\nhello\n".getBytes(StandardCharsets.UTF_8), 120,
                "/usr/sbin/sendmail", "-t");
        assertEquals(0, cron.exit(), cron::toString);
        assertEquals("uc15mail", Files.getOwner(DB).getName(), "root's sendmail leaves the outbox to uc15mail");
        // bsd-mailx, a real caller of /usr/sbin/sendmail (its dependency on an MTA is met by uc15mail-mta)
        List<String> mailxDebs = new ArrayList<>(List.of(mailx.toString()));
        for (String dependency : List.of("liblockfile-bin", "liblockfile1")) {
            if (!Host.run("dpkg-query", "-W", "-f=${Status}", dependency).out().endsWith(" installed")) {
                Path deb = debIn(CI_DEBS, dependency + "_");
                Host.require(deb != null, dependency + "'s .deb is not in " + CI_DEBS + " (.ci/run downloads it)");
                mailxDebs.add(deb.toString());
                installed.add(0, dependency);
            }
        }
        // listed before the install, so that a failed install is purged too (dependents first)
        installed.add(0, "bsd-mailx");
        List<String> args = new ArrayList<>(List.of("-i"));
        args.addAll(mailxDebs);
        dpkg(args.toArray(String[]::new));
        Host.Run mail = Host.run("disk almost full\n".getBytes(StandardCharsets.UTF_8), 120, "mail", "-s", "pi: disk",
                "ops@example.com");
        assertEquals(0, mail.exit(), mail::toString);

        // a user who is not root cannot write the outbox: without a running gateway, 75 and nothing stored
        Path config = Files.createTempFile("uc15mail-test", ".properties");
        try {
            int door = freePort();
            Files.writeString(config, "store=sqlite:" + DB + "\nlisten=127.0.0.1:" + door + "\n");
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
            byte[] cronMail = "To: ops@example.com\nSubject: nobody's cron\n\nhello\n".getBytes(StandardCharsets.UTF_8);
            Host.Run refused = Host.run(cronMail, 120, Host.as("nobody", "nogroup", "/usr/sbin/sendmail", "-t", "-oi",
                    "--config", config.toString()));
            assertEquals(75, refused.exit(), refused::toString);
            assertTrue(refused.out().contains("cannot be reached"), refused::toString);
            // with the gateway running as uc15mail, the front door on loopback takes it
            Uc15Emulator modem = Uc15Emulator.builder().build();
            int modemPort = modem.listenTcp(0);
            Process gateway = new ProcessBuilder(Host.as("uc15mail", "uc15mail", "/usr/bin/uc15mail", "gateway",
                    "--store", "sqlite:" + DB, "--modem", "tcp:127.0.0.1:" + modemPort, "--listen", "127.0.0.1:" + door,
                    "--http", "off", "--server", "127.0.0.1", "--server-port", "9", "--from", "pi@example.com"))
                    .redirectErrorStream(true).start();
            try {
                awaitOutput(gateway, "SMTP front door: smtp://127.0.0.1:" + door);
                Host.Run viaDoor = Host.run(cronMail, 120, Host.as("nobody", "nogroup", "/usr/sbin/sendmail", "-t",
                        "-oi", "--config", config.toString()));
                assertEquals(0, viaDoor.exit(), viaDoor::toString);
                Host.Run py = Host.run(null, 120, Host.as("nobody", "nogroup", "python3", "-c", "import subprocess;"
                        + " subprocess.run(['/usr/sbin/sendmail', '-t', '-oi', '--config', '" + config + "'], input=b'To:"
                        + " ops@example.com\\nSubject: nobody via python\\n\\nhi\\n', check=True)"));
                assertEquals(0, py.exit(), py::toString);
            } finally {
                gateway.destroy();
                gateway.waitFor(60, TimeUnit.SECONDS);
                gateway.destroyForcibly();
                modem.close();
            }
        } finally {
            Files.deleteIfExists(config);
        }
        List<String> subjects = subjects();
        for (String s : List.of("cron", "pi: disk", "nobody's cron", "nobody via python")) {
            assertTrue(subjects.contains(s), () -> "a row for " + s + " in " + subjects);
        }
        assertEquals(4, subjects.size(), subjects::toString);
        Host.Run mailq = Host.run("mailq");
        assertEquals(0, mailq.exit(), mailq::toString);
        assertTrue(mailq.out().lines().findFirst().orElse("").startsWith("ID "), mailq::toString);

        // remove keeps the outbox and the settings; purge deletes them and the user
        dpkg("-P", "bsd-mailx");
        installed.remove("bsd-mailx");
        dpkg("-r", "uc15mail-mta", "uc15mail");
        assertTrue(Files.exists(DB), "dpkg -r keeps the outbox");
        assertTrue(Files.exists(Path.of("/etc/uc15mail/gateway.properties")), "dpkg -r keeps the settings");
        assertFalse(Files.exists(Path.of("/usr/bin/uc15mail")));
        dpkg("-P", "uc15mail-mta", "uc15mail");
        installed.remove("uc15mail-mta");
        installed.remove("uc15mail");
        assertFalse(Files.exists(DB.getParent()), "dpkg -P removes /var/lib/uc15mail");
        assertFalse(Files.exists(Path.of("/etc/uc15mail")), "dpkg -P removes /etc/uc15mail");
        assertFalse(Host.run("getent", "passwd", "uc15mail").out().contains("uc15mail"), "dpkg -P removes the user");
    }

    /** Purges whatever this test installed, so later tests find the machine as it was. */
    @AfterAll
    static void purge() throws Exception {
        if (!installed.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("dpkg", "-P"));
            args.addAll(installed);
            Host.run(args.toArray(String[]::new));
            installed.clear();
        }
    }

    private static void dpkg(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("dpkg"));
        all.addAll(List.of(args));
        Host.Run r = Host.run(all.toArray(String[]::new));
        assertEquals(0, r.exit(), () -> all + " " + r);
    }

    private static Path debIn(Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(".deb"))
                    .findFirst().orElse(null);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitOutput(Process p, String wanted) throws IOException {
        StringBuilder seen = new StringBuilder();
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.contains(wanted)) {
                Thread drain = new Thread(() -> {
                    try {
                        in.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException e) {
                        // the gateway stopped
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new AssertionError("the gateway stopped before '" + wanted + "':\n" + seen);
    }

    /** The subjects of the outbox's rows, read from the database file itself. */
    private static List<String> subjects() throws Exception {
        List<String> subjects = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + DB);
                ResultSet rs = c.createStatement().executeQuery("SELECT subject, state FROM outbox_message")) {
            while (rs.next()) {
                assertTrue(List.of("QUEUED", "SENDING").contains(rs.getString(2)), rs.getString(1) + " " + rs.getString(2));
                subjects.add(rs.getString(1));
            }
        }
        return subjects;
    }
}
