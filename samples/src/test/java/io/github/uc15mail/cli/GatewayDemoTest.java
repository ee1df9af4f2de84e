package io.github.uc15mail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import io.github.uc15mail.docs.DocBlocks;
import io.github.uc15mail.testkit.Await;
import io.github.uc15mail.testkit.ChildJvm;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code uc15mail gateway --demo} as a newcomer uses it: start it, paste the curl command it prints, see the
 * mail delivered at the destination and SENT in the outbox, stop it with SIGTERM.
 */
class GatewayDemoTest {

    @TempDir
    Path dir;

    @Test
    void theCurlCommandItPrintsGoesThroughToTheDestination() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed (Debian package curl)");
        Path log = dir.resolve("demo.log");
        Process p = new ProcessBuilder(ChildJvm.command(List.of(), "io.github.uc15mail.cli.Uc15MailCli",
                List.of("gateway", "--demo", "--listen", "127.0.0.1:0", "--http", "127.0.0.1:0")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String curl = awaitLine(log, l -> l.startsWith("  curl -s smtp://")).strip();
            String status = awaitLine(log, l -> l.startsWith("Status page: http://"));
            Matcher store = Pattern.compile("Outbox: (sqlite:\\S+)").matcher(read(log));
            assertTrue(store.find(), () -> read(log));
            Process c = new ProcessBuilder("bash", "-c", curl).redirectErrorStream(true).start();
            assertTrue(c.waitFor(60, TimeUnit.SECONDS), "curl did not finish");
            String curlOut = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, c.exitValue(), curlOut);
            awaitLine(log, l -> l.equals("  Subject: hi"));
            String out = read(log);
            assertTrue(out.contains("Delivered to the destination SMTP server:"), out);
            assertTrue(out.contains("  To:      ops@example.com"), out);
            awaitLine(log, l -> l.matches("\\S+ SENT: sent through tcp:127\\.0\\.0\\.1:\\d+"));
            awaitLine(log, l -> l.contains("SENDING -> SENT"));
            // the printer writes the received mail line by line: its last line, the body, ends it
            awaitLine(log, l -> l.equals("    hello"));
            // docs/gateway.md shows this run's output: every line it shows is one the demo printed
            List<DocBlocks.Block> shown = DocBlocks.withNote("docs/gateway.md", "output checked by: GatewayDemoTest");
            assertEquals(3, shown.size(), "docs/gateway.md's demo output blocks");
            for (DocBlocks.Block block : shown) {
                DocBlocks.assertShown(block, read(log));
            }
            CliRunner.Result sent = new CliRunner().run("outbox", "--store", store.group(1), "list", "--state", "sent",
                    "--json");
            assertEquals(0, sent.exitCode(), sent::toString);
            assertEquals(1, sent.outLines().size(), sent::toString);
            assertTrue(sent.out().contains("\"subject\":\"hi\""), sent::toString);
            String page = status.substring("Status page: ".length(), status.indexOf(' ', "Status page: ".length()));
            String metrics = awaitPage(page + "metrics", b -> b.contains("uc15mail_sends_total{code=\"\",outcome=\"sent\"} 1.0")
                    && b.contains("uc15mail_queue_messages{state=\"SENT\"} 1.0"));
            assertTrue(metrics.contains("uc15mail_send_duration_seconds_count{outcome=\"sent\"} 1"), metrics);
            String health = awaitPage(page + "health", b -> Pattern.compile("\"signal\":\\d+").matcher(b).find());
            assertTrue(health.contains("\"registered\":true"), health);
            assertTrue(health.contains("\"SENT\":1"), health);
            // One block per message, not per recipient: a mail to two, then (once it is SENT, so every delivery
            // of it has happened) one to one; the printer prints in the order the server received them, so once
            // the second is printed any duplicate of the first would be in the log already. (Sent together, the
            // two mails could go out through the two modems in either order.)
            String port = curl.replaceFirst(".*smtp://127\\.0\\.0\\.1:(\\d+).*", "$1");
            mail(port, "two", "ops@example.com", "oncall@example.com");
            Await.until("the mail to two to be SENT", Duration.ofSeconds(60),
                    () -> read(log).lines().filter(l -> l.matches("\\S+ SENT: sent through .*")).count() == 2);
            mail(port, "three", "ops@example.com");
            awaitLine(log, l -> l.equals("  Subject: three"));
            assertEquals(1, read(log).lines().filter(l -> l.equals("  Subject: two")).count(), () -> read(log));
            assertTrue(read(log).lines().anyMatch(l -> l.startsWith("  To:") && l.contains("oncall@example.com")),
                    () -> read(log));
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), () -> read(log));
            assertEquals(0, p.exitValue(), () -> read(log));
            assertFalse(Files.exists(Path.of(store.group(1).substring("sqlite:".length()))), "the demo outbox is deleted");
        } finally {
            p.destroyForcibly();
        }
    }

    /** Hands one mail to the front door with curl, to every recipient given. */
    private static void mail(String port, String subject, String... to) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("curl", "-s", "smtp://127.0.0.1:" + port, "--mail-from",
                "you@example.com"));
        for (String r : to) {
            cmd.add("--mail-rcpt");
            cmd.add(r);
        }
        cmd.add("-T");
        cmd.add("-");
        Process c = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        c.getOutputStream().write(("To: " + String.join(", ", to) + "\r\nSubject: " + subject + "\r\n\r\nhello\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        c.getOutputStream().close();
        assertTrue(c.waitFor(60, TimeUnit.SECONDS), "curl did not finish");
        assertEquals(0, c.exitValue(), new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** The page's body once {@code wanted} holds (the metrics feed and the modem readings run on their own threads). */
    private static String awaitPage(String uri, Predicate<String> wanted) {
        HttpClient client = HttpClient.newHttpClient();
        return Await.value(uri + " to show what was wanted", Duration.ofSeconds(30), () -> get(client, uri), wanted);
    }

    private static String get(HttpClient client, String uri) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while reading " + uri, e);
        }
    }

    private static String awaitLine(Path log, Predicate<String> wanted) {
        String text = Await.value("a line like that in the demo's output", Duration.ofSeconds(60), () -> read(log),
                t -> t.lines().anyMatch(wanted));
        return text.lines().filter(wanted).findFirst().orElseThrow();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
