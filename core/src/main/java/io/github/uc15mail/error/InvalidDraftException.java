package io.github.uc15mail.error;

import java.util.List;
import java.util.stream.Collectors;

/** An {@link EmailDraft} broke one or more rules; {@link #violations()} lists them all. */
public class InvalidDraftException extends IllegalArgumentException {

    private final List<DraftViolation> violations;

    public InvalidDraftException(List<DraftViolation> violations) {
        super(violations.stream().map(DraftViolation::message).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<DraftViolation> violations() {
        return violations;
    }
}
