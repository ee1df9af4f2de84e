package io.github.uc15mail.gateway;

import io.github.uc15mail.mail.EmailDraft;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A MIME message turned into what the modem carries.
 *
 * @param draft the draft, already checked against the modem's limits
 * @param fromName the display name of the message's own From, folded to the printable ASCII the modem's
 *     sender name takes (at most 50 bytes); empty when there is none or it was not asked for
 * @param notes what the conversion changed that a person may want to know (the subject shortened,
 *     the body sent as a file), one sentence each; empty when nothing was changed
 */
public record ConvertedMail(EmailDraft draft, Optional<String> fromName, List<String> notes) {

    public ConvertedMail {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(fromName, "fromName");
        notes = List.copyOf(notes);
    }
}
