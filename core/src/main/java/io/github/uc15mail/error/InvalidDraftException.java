package io.github.uc15mail.error;

import java.util.List;
import java.util.stream.Collectors;

/** An {@link io.github.uc15mail.mail.EmailDraft} broke one or more rules; {@link #violations()} lists them all. */
public class InvalidDraftException extends IllegalArgumentException {

    private final List<DraftViolation> violations;

    public InvalidDraftException(List<DraftViolation> violations) {
        super(violations.stream().map(DraftViolation::message).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<DraftViolation> violations() {
        return violations;
    }

    /**
     * One thing wrong with an {@link io.github.uc15mail.mail.EmailDraft}: which field, what the limit is and what was given.
     *
     * @param field the field, such as {@code to[2]} or {@code attachment[1].name}
     * @param limit the rule it breaks, such as {@code at most 50 bytes}
     * @param actual what was given, such as {@code 57 bytes: "..."}
     */
    public record DraftViolation(String field, String limit, String actual) {

        /** {@code field: must be <limit>, was <actual>}. */
        public String message() {
            return field + ": must be " + limit + ", was " + actual;
        }

        @Override
        public String toString() {
            return message();
        }
    }
}
