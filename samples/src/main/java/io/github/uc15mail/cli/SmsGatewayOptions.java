package io.github.uc15mail.cli;

import io.github.uc15mail.SmsDraft;
import io.github.uc15mail.gateway.MailSink;
import io.github.uc15mail.gateway.internal.sms.SmsFallback;
import io.github.uc15mail.gateway.internal.sms.SmsRoutingSink;
import io.github.uc15mail.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** The gateway's SMS flags: mail to {@code <E.164>@<domain>} as SMS, and the fallback SMS when mail cannot go. */
final class SmsGatewayOptions {

    /** Fallback SMS an hour before one summary an hour takes over. */
    static final int FALLBACKS_PER_HOUR = 10;
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");

    @Option(names = "--sms-domain", paramLabel = "DOMAIN",
            description = "Mail to <+E164>@DOMAIN is sent as SMS: the subject, then the text body (off unless set).")
    String domain;

    @Option(names = "--sms-max-parts", paramLabel = "N", defaultValue = "3",
            description = "Most parts of such an SMS (default ${DEFAULT-VALUE}); a longer text is cut and ends with \u2026.")
    int maxParts;

    @Option(names = "--sms-fallback", paramLabel = "+E164[,+E164...]", split = ",",
            description = "When a mail fails, or waits longer than --sms-fallback-after because no modem can send mail, "
                    + "one SMS per mail goes to these numbers (at most 10 an hour, then one summary an hour).")
    List<String> fallback = new ArrayList<>();

    @Option(names = "--sms-fallback-after", paramLabel = "DURATION", defaultValue = "10m",
            description = "How long a mail may wait before its fallback SMS (default ${DEFAULT-VALUE}).")
    String fallbackAfter;

    /** Checks every flag; exit 2 naming the flag. */
    void check() {
        if (domain != null && !DOMAIN.matcher(domain).matches()) {
            throw CliFailure.badInput("sms-domain: must be a domain name such as sms.example.com, was \"" + domain + "\"");
        }
        if (maxParts < 1 || maxParts > 255) {
            throw CliFailure.badInput("sms-max-parts: must be 1-255, was " + maxParts);
        }
        for (String n : fallback) {
            SmsDraft.checkRecipient(n).ifPresent(v -> {
                throw CliFailure.badInput("sms-fallback: must be E.164 numbers (+ and 1-15 digits, such as "
                        + "+491701234567), was " + v.actual());
            });
        }
        after();
    }

    private Duration after() {
        return Durations.parse("sms-fallback-after", fallbackAfter);
    }

    /** The front door's sink: SMS routing around {@code mail} when a domain is set. */
    MailSink sink(Outbox outbox, MailSink mail) {
        return domain == null ? mail : new SmsRoutingSink(outbox, mail, domain, maxParts);
    }

    /** The fallback, or null when no number is set. */
    SmsFallback fallback(Outbox outbox, Clock clock) {
        return fallback.isEmpty() ? null
                : new SmsFallback(outbox, fallback, after(), FALLBACKS_PER_HOUR, maxParts, clock);
    }
}
