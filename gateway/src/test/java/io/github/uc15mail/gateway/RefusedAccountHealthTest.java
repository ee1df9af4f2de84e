package io.github.uc15mail.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.testkit.Await;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.at.AtSession;
import io.github.uc15mail.outbox.Dispatcher;
import io.github.uc15mail.outbox.DispatcherOptions;
import io.github.uc15mail.outbox.MessageState;
import io.github.uc15mail.outbox.Outbox;
import io.github.uc15mail.testkit.Uc15EmulatorExtension;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway whose SMTP password is wrong: once the server refuses it, {@code /health} is 503 naming the
 * authentication failure, the status page says so in words, the metrics count it, and the modem stays
 * healthy.
 */
class RefusedAccountHealthTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer().withUser("gw", "right");

    @TempDir
    Path dir;

    @Test
    void healthIs503WithTheReasonAndThePageAndMetricsSayIt() throws Exception {
        SmtpConfig config = SmtpConfig.builder().server("127.0.0.1", uc15.smtpPort()).sender("", "gw@example.com")
                .account("gw", "wrong").sendTimeoutSeconds(60).sendResultTimeout(Duration.ofSeconds(20)).build();
        try (Outbox outbox = Outbox.open("sqlite:" + dir.resolve("o.db"));
                ModemMailer mailer = ModemMailer.builder(io.github.uc15mail.Modem.open(uc15.emulator().connect()), config)
                        .ownsSession(true).build()) {
            for (int i = 0; i < 5; i++) {
                outbox.enqueue(EmailDraft.builder().to("ops@example.com").subject("m" + i).body("b").build());
            }
            Dispatcher d = Dispatcher.start(outbox, Map.of("modem0", mailer), DispatcherOptions.defaults()
                    .withNode("gw1").withPollInterval(Duration.ofMillis(50)));
            QueueView queue = OutboxBridge.queueView(outbox);
            GatewayMetrics metrics = new GatewayMetrics(queue, () -> OutboxBridge.modemHealth(d.poolStatus()));
            OutboxBridge.watchPause(d, metrics);
            try (StatusServer status = StatusServer.start(new InetSocketAddress("127.0.0.1", 0), Set.of(), false, queue,
                    () -> OutboxBridge.modemHealth(d.poolStatus()), metrics)) {
                Await.until("the dispatcher paused with nothing left SENDING", Duration.ofSeconds(60),
                        () -> d.pause().isPresent() && outbox.counts().get(MessageState.SENDING) == 0);
                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(status.uri().resolve("/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(503, health.statusCode(), health.body());
                assertTrue(health.body().contains("\"reason\":\"sending paused: the SMTP server refused the account"),
                        health.body());
                assertTrue(health.body().contains("authentication failed"), health.body());
                assertTrue(health.body().contains("\"canSend\":true"), "the modem stays healthy: " + health.body());
                String page = http.send(HttpRequest.newBuilder(status.uri()).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(page.contains("Sending is paused: the SMTP server refused the account"), page);
                String scrape = metrics.scrape();
                assertTrue(scrape.contains("\nuc15mail_sending_paused 1.0\n"), scrape);
                assertTrue(scrape.contains("\nuc15mail_account_refusals_total 1.0\n"), scrape);
                assertEquals(0, outbox.counts().get(MessageState.FAILED));
                assertEquals(5, outbox.counts().get(MessageState.QUEUED));
            } finally {
                d.stop(Duration.ofSeconds(10));
            }
        }
    }
}
