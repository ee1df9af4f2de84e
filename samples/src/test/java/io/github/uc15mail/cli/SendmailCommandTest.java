package io.github.uc15mail.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code uc15mail sendmail} in-process: sendmail's options, the sysexits codes, the message read to its end or to a
 * lone dot, and a message stored in the outbox of the configuration (the callers on Debian, as root and as another
 * user, are in dist's DebianPackageIT).
 */
class SendmailCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String err) {}

    private Run sendmail(String stdin, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        CliContext context = new CliContext(e, e, Map.<String, String>of()::get, false, Duration.ofSeconds(5));
        CommandLine cl = Uc15MailCli.commandLine(context, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        String[] all = new String[args.length + 1];
        all[0] = "sendmail";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = cl.execute(all);
        return new Run(code, err.toString(StandardCharsets.UTF_8));
    }

    private Path config(String store, String listen) throws IOException {
        Path c = dir.resolve("gateway.properties");
        Files.writeString(c, "store=" + store + "\nlisten=" + listen + "\n");
        return c;
    }

    @Test
    void optionsCallersUseAreAcceptedAndServerModesRefused() {
        SendmailCommand.Request r = SendmailCommand.parse(List.of("-t", "-oi", "-f", "root@pi", "-FCron Daemon", "-oem",
                "-odb", "-odq", "-v", "ops@example.com,dev@example.com", "--", "-odd@example.com"));
        assertTrue(r.fromHeaders);
        assertFalse(r.dotEnds);
        assertEquals(List.of("ops@example.com", "dev@example.com", "-odd@example.com"), List.copyOf(r.recipients));
        IllegalArgumentException bs = assertThrows(IllegalArgumentException.class,
                () -> SendmailCommand.parse(List.of("-bs")));
        assertTrue(bs.getMessage().startsWith("-bs: is not supported"), bs.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SendmailCommand.parse(List.of("-x")));
        assertThrows(IllegalArgumentException.class, () -> SendmailCommand.parse(List.of("-f")));
    }

    @Test
    void aLoneDotEndsTheMessageUnlessDashI() throws IOException {
        byte[] in = "Subject: a\n\nline\n.\nafter\n".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals("Subject: a\n\nline\n".getBytes(StandardCharsets.US_ASCII),
                SendmailMessage.read(new ByteArrayInputStream(in), true, 1000));
        assertArrayEquals(in, SendmailMessage.read(new ByteArrayInputStream(in), false, 1000));
        IOException big = assertThrows(IOException.class, () -> SendmailMessage.read(new ByteArrayInputStream(in), false, 10));
        assertTrue(big.getMessage().contains("at most 10 bytes"), big.getMessage());
    }

    @Test
    void storesTheMessageAndExitsByTheSysexitsCodes() throws Exception {
        String store = "sqlite:" + dir.resolve("outbox.db");
        Path config = config(store, "127.0.0.1:1");
        Run ok = sendmail("To: ops@example.com\nCc: dev@example.com\nSubject: cron\n\nhello\n", "-t", "-oi",
                "--config", config.toString());
        assertEquals(0, ok.exit(), ok.err());
        CliRunner.Result list = new CliRunner().run("outbox", "--store", store, "list", "--json");
        assertTrue(list.out().contains("\"subject\":\"cron\",\"recipients\":[\"ops@example.com\",\"dev@example.com\"]"),
                list::toString);

        assertEquals(64, sendmail("Subject: x\n\nhi\n", "--config", config.toString()).exit(), "no recipient");
        Run noHeaders = sendmail("Subject: x\n\nhi\n", "-t", "--config", config.toString());
        assertEquals(65, noHeaders.exit(), noHeaders.err());
        Run tooMany = sendmail("Subject: x\n\nhi\n", "--config", config.toString(), String.join(",",
                java.util.stream.IntStream.range(0, 21).mapToObj(i -> "r" + i + "@example.com").toList()));
        assertEquals(65, tooMany.exit(), tooMany.err());
        assertTrue(tooMany.err().startsWith("sendmail: not stored: "), tooMany.err());
        Run bs = sendmail("", "-bs", "--config", config.toString());
        assertEquals(64, bs.exit(), bs.err());
        assertEquals(1, bs.err().lines().count(), bs.err());
        Run noConfig = sendmail("Subject: x\n\nhi\n", "--config", dir.resolve("missing.properties").toString(),
                "ops@example.com");
        assertEquals(78, noConfig.exit(), noConfig.err());
        // an outbox this user cannot write, and no front door listening: 75, nothing stored, never 0
        Path readOnly = dir.resolve("ro");
        Files.createDirectories(readOnly);
        assertTrue(readOnly.toFile().setWritable(false, false));
        Path other = config("sqlite:" + readOnly.resolve("outbox.db"), "127.0.0.1:1");
        if (!Files.isWritable(readOnly)) { // root may write anywhere; DebianPackageIT covers another user
            Run unreachable = sendmail("Subject: x\n\nhi\n", "--config", other.toString(), "ops@example.com");
            assertEquals(75, unreachable.exit(), unreachable.err());
            assertTrue(unreachable.err().contains("cannot be reached"), unreachable.err());
        }
        assertEquals(1, new CliRunner().run("outbox", "--store", store, "list", "--json").outLines().size());
    }
}
