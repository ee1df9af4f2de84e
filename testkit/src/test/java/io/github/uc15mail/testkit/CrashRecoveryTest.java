package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.Attachment;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.SendReceipt;
import io.github.uc15mail.mail.Security;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.at.CommandKind;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A host process killed (SIGKILL) in the middle of a send leaves the modem dirty: in data mode, or sending,
 * with content and RAM files. The next process must recover and send. The modem (emulator) lives in this
 * JVM on TCP; the crashing sender is a separate JVM.
 */
@org.junit.jupiter.api.parallel.Isolated("runs a sender JVM and a 3 s AT deadline: alone, so other classes do not starve it")
class CrashRecoveryTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    @ParameterizedTest(name = "killed during {0}")
    @ValueSource(strings = {"upload", "body", "put"})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theNextProcessRecoversAndSendsExactlyOnce(String point) throws Exception {
        Uc15Emulator modem = uc15.emulator();
        int port = modem.listenTcp(0);
        Faults f = modem.faults();
        BooleanSupplier inTheWindow;
        switch (point) {
            case "upload" -> {
                f.lineSpeed(115_200);
                // The marker is uploaded (in data mode) first, so marker present + data mode = inside the attachment
                // upload. The marker is looked at first: asked the other way round, data mode could be the marker's
                // own upload, ending before the marker is seen.
                inTheWindow = () -> modem.ramFiles().containsKey("RAM:uc15mail-own-big.bin" /* the SDK's marker for RAM:big.bin */)
                        && modem.isInDataMode();
            }
            case "body" -> {
                f.lineSpeed(9_600);
                inTheWindow = () -> modem.isInDataMode() && modem.commands().stream()
                        .anyMatch(c -> c.line().startsWith("AT+QSMTPSUB"));
            }
            default -> {
                f.putResultDelay(Duration.ofSeconds(3));
                inTheWindow = modem::isSendInProgress;
            }
        }

        Process sender = new ProcessBuilder(ChildJvm.command(List.of(), CrashSenderMain.class.getName(),
                List.of("tcp:127.0.0.1:" + port, String.valueOf(uc15.smtpPort()), point)))
                .redirectErrorStream(true)
                .redirectOutput(new File(System.getProperty("basedir", "."), "target/crash-sender-" + point + ".log"))
                .start();
        try {
            Await.until("the send to reach the window, the sender alive (see target/crash-sender-" + point + ".log)",
                    Duration.ofSeconds(60), () -> {
                        assertTrue(sender.isAlive(), "the sender ended before the window (see target/crash-sender-"
                                + point + ".log)");
                        return inTheWindow.getAsBoolean();
                    });
        } finally {
            sender.destroyForcibly();
            assertTrue(sender.waitFor(20, TimeUnit.SECONDS), "the sender died");
        }
        switch (point) {
            case "upload", "body" -> assertTrue(modem.isInDataMode(), "the crash left the modem in data mode");
            default -> assertTrue(modem.isSendInProgress(), "the crash left a send in progress");
        }
        f.lineSpeed(0);

        SmtpConfig config = SmtpConfig.builder().server("127.0.0.1", uc15.smtpPort()).security(Security.NONE)
                .sender("Recovering host", "unit7@example.com").commandTimeout(CommandKind.CONTROL, Duration.ofSeconds(3))
                .busyWait(Duration.ofSeconds(30)).build();
        try (ModemMailer mailer = ModemMailer.open(modem.connect(), config)) {
            SendReceipt r = mailer.send(EmailDraft.builder().to("ops@example.com").subject("after the crash")
                    .body("recovered").attach(Attachment.ofBytes("fresh.txt", "fresh".getBytes(StandardCharsets.US_ASCII)))
                    .build());
            assertEquals(0, r.resultCode());
        }
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : uc15.receivedMessages()) {
            subjects.add(m.getSubject());
        }
        assertEquals(1, subjects.stream().filter("after the crash"::equals).count(), "delivered once: " + subjects);
        assertFalse(modem.isInDataMode(), "data mode left");
        assertFalse(modem.isSendInProgress(), "no send in progress");
        assertTrue(modem.isContentEmpty(), "content cleared");
        assertTrue(modem.ramFiles().isEmpty(), "stale files deleted: " + modem.ramFiles().keySet());
    }
}
