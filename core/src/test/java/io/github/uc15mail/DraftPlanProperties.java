package io.github.uc15mail;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random strings in every field of {@link EmailDraft} and {@link SmtpConfig}: either the value is refused with
 * an {@link IllegalArgumentException} before anything is planned, or every command line the flow would write is
 * well formed: no CR, no LF, and each string parameter one quoted run with no {@code "} inside.
 */
class DraftPlanProperties {

    /** {@code AT<name>[=<param>(,<param>)*]} where a param is {@code "..."} without quotes inside, or a bare token. */
    private static final Pattern WELL_FORMED = Pattern.compile(
            "AT[^=\"\\r\\n]*(=(\"[^\"\\r\\n]*\"|[^\",\\r\\n]*)(,(\"[^\"\\r\\n]*\"|[^\",\\r\\n]*))*)?");

    @Provide
    Arbitrary<String> nasty() {
        Arbitrary<String> chars = Arbitraries.strings().withCharRange((char) 0x20, (char) 0x7E)
                .withChars('"', '\r', '\n', '\u0000', '\t', '\u00e9', '\u4e2d', '\u202e', '+', ',', '@')
                .ofMaxLength(70);
        Arbitrary<String> plausible = Arbitraries.of("a@example.com", "ops@example.com", "smtp.example.com",
                "Unit 7", "report.csv", "internet", "user", "pw", "");
        Arbitrary<String> spliced = net.jqwik.api.Combinators.combine(plausible, chars, plausible).as((a, b, c) -> a + b + c);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, plausible), net.jqwik.api.Tuple.of(4, chars),
                net.jqwik.api.Tuple.of(4, spliced));
    }

    /** The plausible value of each field; a try replaces some of them (each with chance 1/6) by one of three random texts. */
    private static final String[] PLAUSIBLE = {"smtp.example.com", "unit7@example.com", "pw-123", "Unit 7",
        "unit7@example.com", "internet", "apnuser", "apnpw", "a@example.com", "b@example.com", "c@example.com",
        "Pump 3 alarm", "Pressure low.", "report.csv"};

    @Property(tries = 10_000)
    void everyFieldIsRefusedOrPlannedIntoCleanLines(
            @ForAll @net.jqwik.api.constraints.Size(value = 3) List<@From("nasty") String> randoms, @ForAll long seed,
            @ForAll MailCharset charset, @ForAll boolean withApn) {
        java.util.Random pick = new java.util.Random(seed);
        String[] v = new String[PLAUSIBLE.length];
        int next = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = pick.nextInt(6) == 0 ? randoms.get(next++ % randoms.size()) : PLAUSIBLE[i];
        }
        String host = v[0], user = v[1], password = v[2], senderName = v[3], senderAddress = v[4], apnName = v[5],
                apnUser = v[6], apnPassword = v[7], to = v[8], cc = v[9], bcc = v[10], subject = v[11], body = v[12],
                attachmentName = v[13];
        SmtpConfig config;
        EmailDraft draft;
        try {
            SmtpConfig.Builder b = SmtpConfig.builder().server(host, 25).security(Security.SSL).account(user, password)
                    .sender(senderName, senderAddress);
            if (withApn) {
                b.apn(Apn.of(apnName, apnUser, apnPassword));
            }
            config = b.build();
            draft = EmailDraft.builder().to(to).cc(cc).bcc(bcc).subject(subject).body(body).charset(charset)
                    .attach(Attachment.ofBytes(attachmentName, "x".getBytes(StandardCharsets.US_ASCII))).build();
        } catch (IllegalArgumentException refused) {
            for (int k : new int[] {2, 7}) {
                String secret = v[k];
                boolean unique = secret.length() >= 8; // short values may occur in the message text itself
                for (int i = 0; i < v.length; i++) {
                    if (i != k && v[i].contains(secret)) {
                        unique = false; // the same text in another field may be shown for that field
                    }
                }
                if (unique) {
                    assertFalse(String.valueOf(refused.getMessage()).contains(secret), "a refusal shows a password: "
                            + refused.getMessage());
                }
            }
            return;
        }
        List<String> plan = ModemMailer.plan(config, draft);
        for (String line : plan) {
            if (line.startsWith("<")) {
                continue; // payloads and waits, not command lines
            }
            assertFalse(line.contains("\r") || line.contains("\n"), "CR or LF in " + line);
            assertTrue(WELL_FORMED.matcher(line).matches(), "malformed command line " + line);
        }
    }
}
