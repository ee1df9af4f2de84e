package io.github.uc15mail.mail;

import io.github.uc15mail.at.Commands;
import io.github.uc15mail.at.internal.AtText;
import io.github.uc15mail.error.InvalidDraftException.DraftViolation;
import java.util.Optional;

/**
 * The rule for a sender display name that one message carries instead of the configuration's
 * ({@link EmailDraft.Builder#senderName(String)}): the modem's {@code AT+QSMTPCFG="sender"} takes it as an AT
 * string, so it is printable ASCII without {@code "} (hence no CR or LF) and at most 50 bytes, the same rule as
 * {@link SmtpConfig}'s sender name. Not empty: a message without a name of its own has none.
 *
 * <p>Package-private: users meet the rule through {@link EmailDraft.Builder#build()} and
 * {@link EmailDraft#withSenderName(String)}, whose violations name the field, the limit and the value.
 *
 * <p>What it does not do: fold other text into ASCII (callers that take names from elsewhere do that first and
 * decide what to do with what cannot be folded).
 */
final class SenderName {

    /** The most bytes the modem takes for the sender name. */
    static final int MAX_BYTES = Commands.SMTP_STRING_MAX;

    private SenderName() {}

    /** Why {@code name} cannot be a message's sender name, or empty when it can. */
    static Optional<DraftViolation> check(String name) {
        String field = "senderName";
        if (name == null || name.isEmpty()) {
            return Optional.of(new DraftViolation(field, "a name (leave it out to use the configured one)", "empty"));
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"') {
                String what = c == '"' ? "'\"'" : c == '\r' ? "CR" : c == '\n' ? "LF"
                        : String.format(c > 0x7E ? "non-ASCII U+%04X" : "control character U+%04X", (int) c);
                return Optional.of(new DraftViolation(field, "printable ASCII without '\"', CR or LF (the modem's "
                        + "sender name)", AtText.show(name, false) + " (" + what + " at position " + i + ")"));
            }
        }
        if (name.length() > MAX_BYTES) {
            return Optional.of(new DraftViolation(field, "at most " + MAX_BYTES + " bytes", name.length() + " bytes: "
                    + AtText.show(name, false)));
        }
        return Optional.empty();
    }
}
