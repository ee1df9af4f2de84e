package io.github.uc15mail.benchmarks;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.testkit.RecordedCommand;
import io.github.uc15mail.testkit.Uc15Emulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The AT commands a send costs, counted by the emulator's recording: the first (cold) send, then a warm send to
 * one recipient and one to three, each right after a good one.
 */
public final class WarmSendCount {

    /** Commands of the cold send, the warm one-recipient send (and their verbs), the warm three-recipient send. */
    public record Result(int cold, int warm1, List<String> warmVerbs, int warm3) {}

    private WarmSendCount() {}

    public static Result run(SmtpServer smtp) {
        try (Uc15Emulator modem = Uc15Emulator.builder().build();
                ModemMailer mailer = ModemMailer.open(modem.connect(), smtp.config())) {
            int start = modem.recording().commands().size();
            mailer.send(EmailDraft.builder().to("a@example.com").subject("cold").body("hello").build());
            int afterCold = modem.recording().commands().size();
            mailer.send(EmailDraft.builder().to("a@example.com").subject("warm").body("hello").build());
            List<RecordedCommand> all = modem.recording().commands();
            List<String> verbs = all.subList(afterCold, all.size()).stream().map(c -> verb(c.line())).toList();
            int afterWarm = all.size();
            mailer.send(EmailDraft.builder().to("a@example.com", "b@example.com", "c@example.com").subject("warm 3")
                    .body("hello").build());
            int afterWarm3 = modem.recording().commands().size();
            smtp.purge();
            return new Result(afterCold - start, afterWarm - afterCold, verbs, afterWarm3 - afterWarm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        return u.substring(0, cut).replace("AT+", "");
    }
}
