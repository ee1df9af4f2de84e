package io.github.uc15mail.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides passwords in what the CLI prints. The SDK already masks the password fields of the commands it
 * logs; this is a second guard at the last step before text reaches a person: every known secret value
 * is replaced wherever it appears, and the password field of {@code QSMTPCFG="account"} and
 * {@code QICSGP} lines is masked whatever it holds.
 */
public final class SecretMasker {

    /** What a hidden value is shown as. */
    public static final String MASK = "****";

    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");

    private final List<String> secrets = new ArrayList<>();

    /** Remembers a secret to hide; null and empty values are ignored. */
    public SecretMasker add(String secret) {
        if (secret != null && !secret.isEmpty()) {
            secrets.add(secret);
            secrets.sort(Comparator.comparingInt(String::length).reversed());
        }
        return this;
    }

    /** The secrets remembered so far, longest first. */
    java.util.List<String> secrets() {
        return java.util.List.copyOf(secrets);
    }

    /** {@code text} with every known secret and every password field masked. */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String result = maskPasswordField(text);
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    /**
     * Masks the third quoted value of an {@code account} setting or an APN definition, which is where the
     * modem keeps the password ({@code "account","user","pass"} and {@code "apn","user","pass"}).
     */
    static String maskPasswordField(String line) {
        String upper = line.toUpperCase(java.util.Locale.ROOT);
        boolean account = upper.contains("QSMTPCFG") && upper.contains("\"ACCOUNT\"");
        if (!account && !upper.contains("QICSGP")) {
            return line;
        }
        Matcher m = QUOTED.matcher(line);
        StringBuilder sb = new StringBuilder();
        int index = 0;
        while (m.find()) {
            // Both forms keep the password in their third quoted value; an empty one stays visibly empty.
            boolean password = index == 2 && m.group().length() > 2;
            m.appendReplacement(sb, Matcher.quoteReplacement(password ? "\"" + MASK + "\"" : m.group()));
            index++;
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
