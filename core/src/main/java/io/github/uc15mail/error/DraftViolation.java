package io.github.uc15mail.error;

/**
 * One thing wrong with an {@link EmailDraft}: which field, what the limit is and what was given.
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
