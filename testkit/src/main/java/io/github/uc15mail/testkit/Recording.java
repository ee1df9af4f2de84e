package io.github.uc15mail.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * What one emulated modem recorded, for assertions: its identity, every command in the order received, and
 * every completed send with its recipients, subject, body, attachments, result and own commands.
 *
 * <p>Guarantees: an immutable snapshot taken when {@link Uc15Emulator#recording()} was called.
 * Does not include a send whose result URC was not sent yet, or one abandoned by a power cycle.
 */
public final class Recording {

    private final Model model;
    private final String imei;
    private final List<RecordedCommand> commands;
    private final List<SentEmail> emails;
    private final List<SentSms> sms;

    Recording(Model model, String imei, List<RecordedCommand> commands, List<SentEmail> emails, List<SentSms> sms) {
        this.sms = List.copyOf(sms);
        this.model = model;
        this.imei = imei;
        this.commands = List.copyOf(commands);
        this.emails = List.copyOf(emails);
    }

    public Model model() {
        return model;
    }

    public String imei() {
        return imei;
    }

    /** Every command, oldest first. */
    public List<RecordedCommand> commands() {
        return commands;
    }

    /** Every completed send, oldest first (delivered or not: see {@link SentEmail#delivered()}). */
    public List<SentEmail> emails() {
        return emails;
    }

    /** Every whole SMS the modem accepted, oldest first. */
    public List<SentSms> sms() {
        return sms;
    }

    /** The sends that really reached the SMTP server. */
    public List<SentEmail> delivered() {
        List<SentEmail> d = new ArrayList<>();
        for (SentEmail e : emails) {
            if (e.delivered()) {
                d.add(e);
            }
        }
        return d;
    }

    /**
     * The command lines of {@code email}'s own stretch that set content ({@code AT+QSMTPDST=1,...},
     * {@code AT+QSMTPSUB=}), for checking that no other send's content got between them.
     */
    public static List<String> contentCommands(SentEmail email) {
        List<String> l = new ArrayList<>();
        for (RecordedCommand c : email.commands()) {
            String u = c.line().toUpperCase(java.util.Locale.ROOT);
            if (u.startsWith("AT+QSMTPDST=1") || u.startsWith("AT+QSMTPSUB=")) {
                l.add(c.line());
            }
        }
        return l;
    }

    @Override
    public String toString() {
        return "Recording[" + model + " " + imei + ", " + commands.size() + " commands, " + emails.size() + " sends, " + sms.size() + " SMS]";
    }
}
