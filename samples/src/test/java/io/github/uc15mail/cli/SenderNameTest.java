package io.github.uc15mail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.testkit.ChildJvm;
import io.github.uc15mail.testkit.Await;
import io.github.uc15mail.testkit.Uc15EmulatorExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25, item 9: a message's own sender name. {@code queue --from-name} and the gateway's {@code --keep-from-name}
 * deliver mail whose From display name is that name (through the emulator to a real SMTP server); a From name with
 * no ASCII form is refused with 554; without either the configured {@code --from-name} is used.
 */
class SenderNameTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    @TempDir
    Path dir;

    private String store() {
        return "sqlite:" + dir.resolve("outbox.db");
    }

    @Test
    void queueFromNameAndKeepFromNameAreDeliveredAsTheFromDisplayName() throws Exception {
        CliRunner cli = new CliRunner();
        assertEquals(0, cli.run("queue", "--store", store(), "--to", "ops@example.com", "--subject", "q named",
                "--body", "b", "--from-name", "Pump house 3").exitCode());
        assertEquals(0, cli.run("queue", "--store", store(), "--to", "ops@example.com", "--subject", "q plain",
                "--body", "b").exitCode());
        try (Gateway gw = new Gateway("--keep-from-name")) {
            assertTrue(gw.submit("=?UTF-8?Q?J=C3=BCrgen_=22Ops=22_M=C3=B8ller?= <j@example.com>", "kept")
                    .startsWith("250"));
            assertTrue(gw.submit("plain@example.com", "no name").startsWith("250"));
            String refused = gw.submit("=?UTF-8?B?5bGx55Sw5aSq6YOO?= <y@example.com>", "cjk");
            assertTrue(refused.startsWith("554 5.6.0 "), refused);
            assertTrue(refused.contains("From: the display name"), refused);
            assertTrue(refused.contains("has no ASCII form"), refused);
            Await.until("4 messages delivered", () -> uc15.receivedMessages().length >= 4);
        }
        assertEquals(List.of("q named=Pump house 3", "q plain=Gateway", "kept=Jurgen Ops Moller", "no name=Gateway"),
                delivered());
    }

    @Test
    void withoutKeepFromNameTheConfiguredNameIsUsed() throws Exception {
        try (Gateway gw = new Gateway()) {
            assertTrue(gw.submit("=?UTF-8?Q?J=C3=BCrgen?= <j@example.com>", "not kept").startsWith("250"));
            assertTrue(gw.submit("=?UTF-8?B?5bGx55Sw5aSq6YOO?= <y@example.com>", "cjk ignored").startsWith("250"));
            Await.until("2 messages delivered", () -> uc15.receivedMessages().length >= 2);
        }
        assertEquals(List.of("not kept=Gateway", "cjk ignored=Gateway"), delivered());
    }

    @Test
    void badNamesAreRefusedNamingTheFlagAndNothingIsStored() {
        CliRunner cli = new CliRunner();
        CliRunner.Result quote = cli.run("queue", "--store", store(), "--to", "ops@example.com", "--body", "b",
                "--from-name", "Say \"hi\"");
        assertEquals(2, quote.exitCode(), quote::toString);
        assertTrue(quote.err().contains("from-name: must be printable ASCII without '\"', CR or LF"), quote::toString);
        CliRunner.Result longName = cli.run("queue", "--store", store(), "--to", "ops@example.com", "--body", "b",
                "--from-name", "x".repeat(51));
        assertEquals(2, longName.exitCode(), longName::toString);
        assertTrue(longName.err().contains("from-name: must be at most 50 bytes, was 51 bytes"), longName::toString);
        CliRunner.Result sms = cli.run("queue", "--store", store(), "--sms", "+491701234567", "--text", "t",
                "--from-name", "Pump");
        assertEquals(2, sms.exitCode(), sms::toString);
        assertTrue(sms.err().contains("from-name: an SMS has no sender name"), sms::toString);
        assertEquals(1, cli.run("outbox", "--store", store(), "list").outLines().size(), "the header only");
    }

    /** Subject=display name of each delivered message, in the order the server got them. */
    private List<String> delivered() {
        return Arrays.stream(uc15.receivedMessages()).map(m -> {
            try {
                return m.getSubject() + "=" + ((InternetAddress) m.getFrom()[0]).getPersonal();
            } catch (MessagingException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    /** A {@code uc15mail gateway} process on the emulator, with its front door on a free port. */
    private final class Gateway implements AutoCloseable {
        private final Process process;
        private final Path log = dir.resolve("gateway-" + System.nanoTime() + ".log");
        private final int smtpPort;

        Gateway(String... more) throws Exception {
            int modemPort = uc15.emulator().listenTcp(0);
            List<String> args = new ArrayList<>(List.of("gateway", "--store", store(), "--modem",
                    "tcp:127.0.0.1:" + modemPort, "--server", "127.0.0.1", "--server-port",
                    String.valueOf(uc15.smtpPort()), "--from", "gw@example.com", "--from-name", "Gateway", "--listen",
                    "127.0.0.1:0", "--http", "off"));
            args.addAll(List.of(more));
            process = new ProcessBuilder(ChildJvm.command(List.of(), "io.github.uc15mail.cli.Uc15MailCli", args)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Pattern door = Pattern.compile("SMTP front door: smtp://127\\.0\\.0\\.1:(\\d+)");
            Matcher m = Await.value("the front door's port in " + log, Duration.ofSeconds(60),
                    () -> door.matcher(read(log)), Matcher::find);
            smtpPort = Integer.parseInt(m.group(1));
        }

        /** Sends one message with {@code from} as its From header; returns the reply to its end of data. */
        String submit(String from, String subject) throws IOException {
            try (Socket s = new Socket("127.0.0.1", smtpPort)) {
                s.setSoTimeout(30_000);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = s.getOutputStream();
                reply(in);
                for (String line : List.of("EHLO test", "MAIL FROM:<sender@example.com>", "RCPT TO:<ops@example.com>",
                        "DATA")) {
                    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    reply(in);
                }
                out.write(("From: " + from + "\r\nTo: ops@example.com\r\nSubject: " + subject + "\r\n\r\nbody\r\n.\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                String end = reply(in);
                out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                return end;
            }
        }

        private String reply(BufferedReader in) throws IOException {
            String line;
            do {
                line = in.readLine();
            } while (line != null && line.length() > 3 && line.charAt(3) == '-');
            return String.valueOf(line);
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
