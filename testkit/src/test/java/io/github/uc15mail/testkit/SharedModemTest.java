package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.SendReceipt;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.at.Commands;
import io.github.uc15mail.at.AtSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Several mailers on one {@link io.github.uc15mail.Modem}: sends never interleave, the settings cache is shared. */
class SharedModemTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    private SmtpConfig config(String senderName) {
        return SmtpConfig.builder().server("127.0.0.1", uc15.smtpPort()).sender(senderName, "unit7@example.com")
                .build();
    }

    private static EmailDraft draft(String subject) {
        return EmailDraft.builder().to("ops@example.com").subject(subject).body("body of " + subject).build();
    }

    private List<String> lines() {
        return uc15.emulator().commands().stream().map(RecordedCommand::line).toList();
    }

    /**
     * The commands of each send form one block: from the send's first SMTP configuration or content command
     * to its {@code AT+QSMTPCLR} after {@code AT+QSMTPPUT}, no command of the other send's subject appears.
     */
    @Test
    void twoMailersOnOneModemSendConcurrentlyWithoutInterleaving() throws Exception {
        int perMailer = 4;
        try (io.github.uc15mail.Modem modem = io.github.uc15mail.Modem.open(uc15.emulator().connect());
                ModemMailer a = ModemMailer.create(modem, config("Mailer A"));
                ModemMailer b = ModemMailer.create(modem, config("Mailer B"))) {
            List<CompletableFuture<SendReceipt>> all = new ArrayList<>();
            for (int i = 0; i < perMailer; i++) {
                all.add(a.sendAsync(draft("A" + i)));
                all.add(b.sendAsync(draft("B" + i)));
            }
            for (CompletableFuture<SendReceipt> f : all) {
                f.get(60, TimeUnit.SECONDS);
            }
        }
        assertEquals(2 * perMailer, uc15.receivedMessages().length, "every email delivered");
        // Split the recording into sends: each begins with the preflight AT and ends with the cleanup QSMTPCLR.
        List<List<String>> sends = new ArrayList<>();
        List<String> current = null;
        boolean put = false;
        for (String line : lines()) {
            if (current == null) {
                current = new ArrayList<>();
                put = false;
            }
            current.add(line);
            put |= line.startsWith("AT+QSMTPPUT");
            if (put && line.equals("AT+QSMTPCLR")) {
                sends.add(current);
                current = null;
            }
        }
        assertEquals(2 * perMailer, sends.size(), "one block per send: " + lines());
        for (List<String> send : sends) {
            long subjects = send.stream().filter(l -> l.startsWith("AT+QSMTPSUB=")).count();
            long recipients = send.stream().filter(l -> l.startsWith("AT+QSMTPDST=1")).count();
            long bodies = send.stream().filter(l -> l.startsWith("AT+QSMTPBODY=")).count();
            long puts = send.stream().filter(l -> l.startsWith("AT+QSMTPPUT")).count();
            assertEquals(List.of(1L, 1L, 1L, 1L), List.of(subjects, recipients, bodies, puts),
                    "one send's content, contiguous: " + send);
            int sender = indexOf(send, "AT+QSMTPCFG=\"sender\"");
            int sub = indexOf(send, "AT+QSMTPSUB=");
            assertTrue(sender < sub, "its settings (if written) before its content: " + send);
            assertTrue(sub < indexOf(send, "AT+QSMTPPUT"), "content before the put: " + send);
        }
        for (SentEmailCheck check : SentEmailCheck.of(uc15)) {
            assertEquals(check.subject().substring(0, 1).equals("A") ? "Mailer A" : "Mailer B", check.senderName(),
                    "each email went out with its own mailer's settings");
        }
    }

    @Test
    void aMailerThatReconfiguresTheModemMakesTheOtherWriteItsSettingsAgain() throws Exception {
        try (io.github.uc15mail.Modem modem = io.github.uc15mail.Modem.open(uc15.emulator().connect());
                ModemMailer a = ModemMailer.create(modem, config("Mailer A"));
                ModemMailer b = ModemMailer.create(modem, config("Mailer B"))) {
            a.send(draft("first"));
            int afterFirst = lines().size();
            a.send(draft("second, cached"));
            assertEquals(0, count(lines().subList(afterFirst, lines().size()), "AT+QSMTPCFG=\"sender\""),
                    "the same mailer's second send uses the cache");
            b.send(draft("other settings"));
            int afterOther = lines().size();
            a.send(draft("third"));
            List<String> third = lines().subList(afterOther, lines().size());
            assertEquals(1, count(third, "AT+QSMTPCFG=\"sender\",\"Mailer A\""),
                    "A writes its settings again after B's: " + third);
        }
        assertEquals(4, uc15.receivedMessages().length);
    }

    @Test
    void mailersOnOneModemShareIt() throws Exception {
        try (io.github.uc15mail.Modem modem = io.github.uc15mail.Modem.open(uc15.emulator().connect());
                ModemMailer a = ModemMailer.create(modem, config("Mailer A"));
                ModemMailer b = ModemMailer.create(modem, config("Mailer B"))) {
            assertSame(modem, a.modem());
            assertSame(a.modem(), b.modem());
            CompletableFuture<SendReceipt> fa = a.sendAsync(draft("A"));
            CompletableFuture<SendReceipt> fb = b.sendAsync(draft("B"));
            fa.get(60, TimeUnit.SECONDS);
            fb.get(60, TimeUnit.SECONDS);
        }
        assertEquals(2, uc15.receivedMessages().length);
    }

    @Test
    void aMailerThatOwnsItsSessionClosesIt() throws Exception {
        io.github.uc15mail.Modem owned = io.github.uc15mail.Modem.open(uc15.emulator().connect());
        ModemMailer mailer = ModemMailer.builder(owned, config("Owner")).ownsSession(true).build();
        mailer.close();
        assertFalse(owned.isOpen(), "the owned modem and its session are closed with the mailer");
        io.github.uc15mail.Modem shared = io.github.uc15mail.Modem.open(uc15.emulator().connect());
        ModemMailer.create(shared, config("Borrower")).close();
        assertTrue(shared.isOpen(), "a borrowed modem stays open");
        shared.close();
    }

    @Test
    void aRawCommandThroughTheModemWaitsForARunningSend() throws Exception {
        uc15.emulator().faults().putResultDelay(Duration.ofMillis(1500));
        try (io.github.uc15mail.Modem modem = io.github.uc15mail.Modem.open(uc15.emulator().connect());
                ModemMailer a = ModemMailer.create(modem, config("Mailer A"))) {
            CompletableFuture<SendReceipt> send = a.sendAsync(draft("long"));
            Await.until("AT+QSMTPPUT written", () -> lines().stream().anyMatch(l -> l.startsWith("AT+QSMTPPUT")));
            modem.execute(Commands.signalQuality());
            List<String> all = lines();
            assertTrue(all.lastIndexOf("AT+CSQ") > all.lastIndexOf("AT+QSMTPCLR"),
                    "AT+CSQ ran after the send's cleanup: " + all);
            // The mailer completes its future after it released the modem, so the raw command may finish first.
            assertEquals(1, send.get(10, TimeUnit.SECONDS).recipients());
        }
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static int count(List<String> lines, String prefix) {
        return (int) lines.stream().filter(l -> l.startsWith(prefix)).count();
    }

    /** Subject and sender name of each delivered email. */
    record SentEmailCheck(String subject, String senderName) {
        static List<SentEmailCheck> of(Uc15EmulatorExtension uc15) {
            return uc15.emulator().sentEmails().stream().map(e -> new SentEmailCheck(e.subject(), e.senderName()))
                    .toList();
        }
    }
}
