package io.github.uc15mail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.testkit.ChildJvm;
import io.github.uc15mail.testkit.Await;
import io.github.uc15mail.testkit.Uc15EmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code queue}, {@code outbox} and {@code gateway} as written in the issue, on SQLite. */
class OutboxCommandsTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    @TempDir
    Path dir;

    private String store() {
        return "sqlite:" + dir.resolve("outbox.db");
    }

    @Test
    void showListsEachAttachmentWithItsSize() throws Exception {
        Path csv = dir.resolve("readings.csv");
        Files.write(csv, new byte[1234]);
        Path log = dir.resolve("pump.log");
        Files.writeString(log, "pressure low\n", StandardCharsets.US_ASCII);
        CliRunner cli = new CliRunner();
        CliRunner.Result q = cli.run("queue", "--store", store(), "--to", "ops@example.com", "--subject", "Pump 3",
                "--body", "see files", "--attach", csv.toString(), "--attach", log.toString());
        assertEquals(0, q.exitCode(), q::toString);
        CliRunner.Result show = cli.run("outbox", "--store", store(), "show", q.out().strip());
        assertEquals(0, show.exitCode(), show::toString);
        assertTrue(show.out().contains("attachments:\n  readings.csv (1234 bytes)\n  pump.log (13 bytes)\n"), show.out());

        CliRunner.Result none = cli.run("queue", "--store", store(), "--to", "ops@example.com", "--subject", "plain",
                "--body", "no files");
        CliRunner.Result plain = cli.run("outbox", "--store", store(), "show", none.out().strip());
        assertFalse(plain.out().contains("attachments:"), plain.out());
    }

    @Test
    void queueListShowCancelRetryAndPurge() {
        CliRunner cli = new CliRunner();
        CliRunner.Result q = cli.run("queue", "--store", store(), "--to", "ops@example.com", "--subject",
                "Pump \"3\"", "--body", "Pressure low");
        assertEquals(0, q.exitCode(), q::toString);
        String id = q.out().strip();
        assertTrue(id.matches("[0-9a-f-]{36}"), id);

        CliRunner.Result list = cli.run("outbox", "--store", store(), "list", "--json");
        assertEquals(0, list.exitCode(), list::toString);
        assertEquals(List.of("{\"id\":\"" + id + "\",\"state\":\"QUEUED\",\"channel\":\"mail\",\"attempts\":0,\"subject\":\"Pump \\\"3\\\"\","
                + "\"recipients\":[\"ops@example.com\"],\"error\":null,"), List.of(list.out().substring(0,
                list.out().indexOf("\"priority\""))));
        assertEquals(1, list.outLines().size());

        CliRunner.Result filtered = cli.run("outbox", "list", "--store", store(), "--state", "sent", "--json");
        assertEquals(0, filtered.exitCode(), filtered::toString);
        assertEquals("", filtered.out());

        CliRunner.Result show = cli.run("outbox", "--store", store(), "show", id);
        assertEquals(0, show.exitCode(), show::toString);
        assertTrue(show.out().contains("state:      QUEUED"), show.out());
        assertTrue(show.out().contains("recipients: ops@example.com"), show.out());

        CliRunner.Result retry = cli.run("outbox", "--store", store(), "retry", id);
        assertEquals(2, retry.exitCode(), retry::toString);
        assertTrue(retry.err().contains("state: must be FAILED or UNKNOWN, was QUEUED"), retry.err());

        CliRunner.Result cancel = cli.run("outbox", "--store", store(), "cancel", id);
        assertEquals(0, cancel.exitCode(), cancel::toString);
        assertEquals(id + " cancelled", cancel.out().strip());

        CliRunner.Result unknown = cli.run("outbox", "--store", store(), "show", "00000000-0000-0000-0000-000000000000");
        assertEquals(2, unknown.exitCode(), unknown::toString);

        CliRunner.Result header = cli.run("outbox", "--store", store(), "list");
        assertEquals(0, header.exitCode(), header::toString);
        assertTrue(header.outLines().get(0).matches("ID\\s+STATE\\s+ATTEMPTS\\s+UPDATED\\s+SUBJECT \\(LAST ERROR\\)"),
                header::toString);
        assertTrue(header.outLines().get(1).startsWith(id + "  CANCELLED"), header::toString);

        CliRunner.Result purge = cli.run("outbox", "--store", store(), "purge", "--state", "FAILED", "--state",
                "CANCELLED", "--older-than", "7d");
        assertEquals(0, purge.exitCode(), purge::toString);
        assertTrue(purge.out().startsWith("purged 0 messages ([FAILED, CANCELLED]) last changed before "), purge.out());
        CliRunner.Result queued = cli.run("outbox", "--store", store(), "purge", "--state", "QUEUED", "--older-than", "1d");
        assertEquals(2, queued.exitCode(), queued::toString);
        assertTrue(queued.err().contains("state: must be SENT, FAILED or CANCELLED, was \"QUEUED\""), queued.err());
        CliRunner.Result badAge = cli.run("outbox", "--store", store(), "purge", "--older-than", "soon");
        assertEquals(2, badAge.exitCode(), badAge::toString);
        assertTrue(badAge.err().contains("older-than: must be a duration like 7d"), badAge.err());
    }

    @Test
    void queueSmsStoresAnSmsThatListsWithItsChannel() {
        CliRunner cli = new CliRunner();
        CliRunner.Result q = cli.run("queue", "--store", store(), "--sms", "+491701234567", "--text", "Pumpe 3: Druck");
        assertEquals(0, q.exitCode(), q::toString);
        String id = q.out().strip();
        CliRunner.Result list = cli.run("outbox", "--store", store(), "list", "--json");
        assertEquals(0, list.exitCode(), list::toString);
        assertTrue(list.out().startsWith("{\"id\":\"" + id + "\",\"state\":\"QUEUED\",\"channel\":\"sms\","
                + "\"attempts\":0,\"subject\":\"\",\"recipients\":[\"+491701234567\"]"), list.out());
        CliRunner.Result show = cli.run("outbox", "--store", store(), "show", id);
        assertTrue(show.out().contains("channel:    sms"), show.out());

        CliRunner.Result noPlus = cli.run("queue", "--store", store(), "--sms", "491701234567", "--text", "x");
        assertEquals(2, noPlus.exitCode(), noPlus::toString);
        assertTrue(noPlus.err().contains("sms: must be an E.164 number"), noPlus.err());
        CliRunner.Result noText = cli.run("queue", "--store", store(), "--sms", "+491701234567");
        assertEquals(2, noText.exitCode(), noText::toString);
        assertEquals(1, cli.run("outbox", "--store", store(), "list", "--json").outLines().size(), "nothing more stored");
    }

    @Test
    void queueRefusesContentTheModemCouldNotCarryAndStoresNothing() {
        CliRunner cli = new CliRunner();
        CliRunner.Result bad = cli.run("queue", "--store", store(), "--to", "not-an-address", "--body", "x");
        assertEquals(2, bad.exitCode(), bad::toString);
        assertTrue(bad.err().contains("to[0]: must be an address of the form local@domain"), bad.err());
        CliRunner.Result tooLong = cli.run("queue", "--store", store(), "--to", "a@example.com", "--body",
                "x".repeat(10241));
        assertEquals(2, tooLong.exitCode(), tooLong::toString);
        CliRunner.Result noStore = cli.run("queue", "--to", "a@example.com", "--body", "x");
        assertEquals(2, noStore.exitCode(), noStore::toString);
        assertTrue(noStore.err().contains("store: is required"), noStore.err());
        CliRunner.Result list = cli.run("outbox", "--store", store(), "list");
        assertEquals(1, list.outLines().size(), "the header only: " + list.out());
    }

    @Test
    void queueTakesItsContentFromTheConfigFileOfSend() throws Exception {
        Path config = dir.resolve("send.properties");
        Files.writeString(config, "port=/dev/ttyUSB2\nserver=smtp.example.com\nto=a@example.com,b@example.com\n"
                + "subject=From config\nbody=configured\n");
        CliRunner cli = new CliRunner();
        CliRunner.Result q = cli.run("queue", "--store", store(), "--config", config.toString(), "--subject", "flag wins");
        assertEquals(0, q.exitCode(), q::toString);
        CliRunner.Result list = cli.run("outbox", "--store", store(), "list", "--json");
        assertTrue(list.out().contains("\"subject\":\"flag wins\",\"recipients\":[\"a@example.com\",\"b@example.com\"]"),
                list.out());
    }

    @Test
    void passwordsOnTheCommandLineAreRefusedWithoutEchoingThem() {
        CliRunner cli = new CliRunner();
        CliRunner.Result store = cli.run("queue", "--store", store(), "--store-password", "hunter2-db", "--to",
                "a@example.com", "--body", "x");
        assertEquals(2, store.exitCode(), store::toString);
        assertTrue(store.err().contains("--store-password-env"), store.err());
        assertFalse(store.toString().contains("hunter2-db"), store::toString);
        assertEquals(1, store.err().strip().lines().count(), store.err());
        CliRunner.Result list = cli.run("outbox", "--store", store(), "list", "--store-password", "hunter2-db");
        assertEquals(2, list.exitCode(), list::toString);
        assertFalse(list.toString().contains("hunter2-db"), list::toString);
        CliRunner.Result apn = cli.run("queue", "--store", store(), "--apn-password", "hunter2-apn", "--to",
                "a@example.com", "--body", "x");
        assertEquals(2, apn.exitCode(), apn::toString);
        assertTrue(apn.err().contains("--apn-password-env"), apn.err());
        assertFalse(apn.toString().contains("hunter2-apn"), apn::toString);
        CliRunner.Result send = cli.run("send", "--port", "/dev/null", "--server", "smtp.example.com", "--apn-password",
                "hunter2-apn", "--to", "a@example.com", "--body", "x");
        assertEquals(2, send.exitCode(), send::toString);
        assertFalse(send.toString().contains("hunter2-apn"), send::toString);
        assertEquals(1, cli.run("outbox", "--store", store(), "list").outLines().size(), "the header only");
    }

    @Test
    void storePasswordComesOnlyFromTheEnvironment() {
        CliRunner.Result r = new CliRunner().run("queue", "--store", "jdbc:postgresql://127.0.0.1:1/outbox",
                "--store-user", "gw", "--store-password-env", "OUTBOX_PW", "--to", "a@example.com", "--body", "x");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("store-password-env: the environment variable OUTBOX_PW"), r.err());
        CliRunner.Result down = new CliRunner().env("OUTBOX_PW", "s3cret-pw").run("queue", "--store",
                "jdbc:postgresql://127.0.0.1:1/outbox", "--store-user", "gw", "--store-password-env", "OUTBOX_PW",
                "--to", "a@example.com", "--body", "x");
        assertEquals(4, down.exitCode(), down::toString);
        assertFalse(down.toString().contains("s3cret-pw"), down::toString);
    }

    @Test
    void gatewayDrainsTheQueueAndStopsCleanlyOnSigterm() throws Exception {
        CliRunner cli = new CliRunner();
        for (int i = 0; i < 3; i++) {
            CliRunner.Result q = cli.run("queue", "--store", store(), "--to", "ops@example.com", "--subject", "g" + i,
                    "--body", "b");
            assertEquals(0, q.exitCode(), q::toString);
        }
        int modemPort = uc15.emulator().listenTcp(0);
        Path log = dir.resolve("gateway.log");
        Process p = new ProcessBuilder(ChildJvm.command(List.of(), "io.github.uc15mail.cli.Uc15MailCli", List.of(
                "gateway", "--store", store(), "--modem", "tcp:127.0.0.1:" + modemPort, "--server", "127.0.0.1",
                "--server-port", String.valueOf(uc15.smtpPort()), "--from", "gw@example.com", "--node", "test-gw",
                "--listen", "off", "--http", "127.0.0.1:0")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Await.until("the three queued messages delivered (gateway output: " + log + ")", Duration.ofSeconds(60),
                    () -> uc15.receivedMessages().length >= 3);
            assertEquals(3, uc15.receivedMessages().length, () -> read(log));
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), () -> read(log));
            assertEquals(0, p.exitValue(), () -> read(log));
        } finally {
            p.destroyForcibly();
        }
        String out = read(log);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("Status page: http://127.0.0.1:")), out);
        assertFalse(out.contains("SMTP front door"), out);
        assertEquals(3, out.lines().filter(l -> l.contains("OutboxStateLog") && l.contains(" SENDING -> SENT")
                && l.contains("recipients 1, modem tcp:127.0.0.1:" + modemPort + ", code 0")).count(), out);
        assertEquals(3, out.lines().filter(l -> l.endsWith(" SENT: sent through tcp:127.0.0.1:" + modemPort)).count(), out);
        CliRunner.Result sent = cli.run("outbox", "--store", store(), "list", "--state", "sent", "--json");
        assertEquals(3, sent.outLines().size(), sent::toString);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
