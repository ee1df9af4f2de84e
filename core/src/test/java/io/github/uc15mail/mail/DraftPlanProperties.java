package io.github.uc15mail.mail;

import io.github.uc15mail.mail.EmailDraft.MailCharset;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.ModemMailer;
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
 * well formed: no CR, no LF, and each string parameter one quoted run with no {@code "} inside. A refusal never
 * shows a password.
 *
 * <p>The password check must only fire on a real leak. Every generated password contains {@code ~}, which no
 * other field's generator produces and no refusal text contains, so a refusal that contains a password can only
 * have taken it from the password field (a password such as {@code a@example.com"} would otherwise appear in a
 * refusal that quotes the address {@code "a@example.com"}).
 */
class DraftPlanProperties {

    /** {@code AT<name>[=<param>(,<param>)*]} where a param is {@code "..."} without quotes inside, or a bare token. */
    private static final Pattern WELL_FORMED = Pattern.compile(
            "AT[^=\"\\r\\n]*(=(\"[^\"\\r\\n]*\"|[^\",\\r\\n]*)(,(\"[^\"\\r\\n]*\"|[^\",\\r\\n]*))*)?");

    @Provide
    Arbitrary<String> nasty() {
        // 0x20-0x7D: every printable ASCII character except '~', which only passwords contain.
        Arbitrary<String> chars = Arbitraries.strings().withCharRange((char) 0x20, (char) 0x7D)
                .withChars('"', '\r', '\n', '\u0000', '\t', '\u00e9', '\u4e2d', '\u202e', '+', ',', '@')
                .ofMaxLength(70);
        Arbitrary<String> plausible = Arbitraries.of("a@example.com", "ops@example.com", "smtp.example.com",
                "Unit 7", "report.csv", "internet", "user", "pw", "");
        Arbitrary<String> spliced = net.jqwik.api.Combinators.combine(plausible, chars, plausible).as((a, b, c) -> a + b + c);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, plausible), net.jqwik.api.Tuple.of(4, chars),
                net.jqwik.api.Tuple.of(4, spliced));
    }

    /** A password: random text as {@link #nasty()} makes it, with a {@code ~} somewhere in it. */
    @Provide
    Arbitrary<String> secret() {
        return net.jqwik.api.Combinators.combine(nasty(), nasty()).as((a, b) -> a + "~" + b);
    }

    /** Indices of the two passwords in {@link #PLAUSIBLE}. */
    private static final int[] SECRETS = {2, 7};

    /**
     * The plausible value of each field; a try replaces some of them (each with chance 1/6) by one of three random
     * texts, a password by one of two random passwords.
     */
    private static final String[] PLAUSIBLE = {"smtp.example.com", "unit7@example.com", "pw~123", "Unit 7",
        "unit7@example.com", "internet", "apnuser", "apn~pw", "a@example.com", "b@example.com", "c@example.com",
        "Pump 3 alarm", "Pressure low.", "report.csv"};

    @Property(tries = 10_000)
    void everyFieldIsRefusedOrPlannedIntoCleanLines(
            @ForAll @net.jqwik.api.constraints.Size(value = 3) List<@From("nasty") String> randoms,
            @ForAll @net.jqwik.api.constraints.Size(value = 2) List<@From("secret") String> secrets,
            @ForAll long seed, @ForAll MailCharset charset, @ForAll boolean withApn) {
        java.util.Random pick = new java.util.Random(seed);
        String[] v = new String[PLAUSIBLE.length];
        int next = 0;
        for (int i = 0; i < v.length; i++) {
            boolean secret = i == SECRETS[0] || i == SECRETS[1];
            if (pick.nextInt(6) != 0) {
                v[i] = PLAUSIBLE[i];
            } else {
                v[i] = secret ? secrets.get(i == SECRETS[0] ? 0 : 1) : randoms.get(next++ % randoms.size());
            }
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
            String message = String.valueOf(refused.getMessage());
            for (int k : SECRETS) {
                // Every password contains '~' and nothing else does, so this can only match a leaked password.
                assertTrue(v[k].indexOf('~') >= 0, "generator: a password without '~': " + v[k]);
                assertFalse(message.contains(v[k]), "a refusal shows a password: " + message);
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
