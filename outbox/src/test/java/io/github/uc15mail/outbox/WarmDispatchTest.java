package io.github.uc15mail.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.at.AtSession;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.testkit.Await;
import io.github.uc15mail.testkit.RecordedCommand;
import io.github.uc15mail.testkit.Uc15EmulatorExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox path the gateway drains through: a message sent by the dispatcher right after another one is a
 * warm send, and the emulator's recording shows exactly its five commands for one recipient.
 */
class WarmDispatchTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    @TempDir
    Path dir;

    @Test
    void theSecondMessageIsAWarmSendOfFiveCommands() throws Exception {
        SmtpConfig config = SmtpConfig.builder().server("127.0.0.1", uc15.smtpPort()).sender("", "gw@example.com")
                .build();
        try (Outbox outbox = Outbox.open("sqlite:" + dir.resolve("outbox.db"));
                ModemMailer mailer = ModemMailer.builder(io.github.uc15mail.Modem.open(uc15.emulator().connect()), config)
                        .ownsSession(true).build()) {
            Dispatcher dispatcher = Dispatcher.start(outbox, Map.of("modem0", mailer),
                    DispatcherOptions.defaults().withNode("n1").withPollInterval(Duration.ofMillis(50)));
            try {
                outbox.enqueue(EmailDraft.builder().to("ops@example.com").subject("first").body("one").build());
                Await.until("the first message sent", () -> outbox.counts().get(MessageState.SENT) == 1);
                int before = uc15.emulator().recording().commands().size();
                outbox.enqueue(EmailDraft.builder().to("ops@example.com").subject("second").body("two").build());
                Await.until("the second message sent", () -> outbox.counts().get(MessageState.SENT) == 2);
                List<RecordedCommand> all = uc15.emulator().recording().commands();
                List<String> verbs = all.subList(before, all.size()).stream().map(c -> verb(c.line())).toList();
                assertEquals(List.of("AT+QSMTPDST", "AT+QSMTPSUB", "AT+QSMTPBODY", "AT+QSMTPPUT", "AT+QSMTPCLR"), verbs,
                        "the warm send through the outbox, as the emulator recorded it");
                assertEquals(2, uc15.emulator().recording().delivered().size());
            } finally {
                dispatcher.stop(Duration.ofSeconds(10));
            }
        }
    }

    private static String verb(String line) {
        String u = line.toUpperCase(Locale.ROOT);
        int cut = u.length();
        for (char c : new char[] {'=', '?'}) {
            int i = u.indexOf(c);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        return u.substring(0, cut);
    }
}
