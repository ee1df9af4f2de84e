package io.github.uc15mail.module;

/**
 * How sure uc15mail is of one fact in a {@link ModuleProfile}, following the project's reference
 * ({@code quectel-smtp-family.md}): a value printed by the module itself, one seen in a vendor manual or a
 * captured device output for that model, or one carried over from a sibling model.
 *
 * <p>None of these means "tried on hardware by this project": no module has been.
 */
public enum Provenance {
    /** Read from this very module, from its answer to a test command such as {@code AT+QSMTPCFG=?}. */
    PROBED("probed"),
    /** Seen in the vendor's manual for this model, or in a captured output of this model. */
    VERIFIED("verified"),
    /** Not seen for this model: carried over from a sibling in the same command family (usually the UC15). */
    INFERRED("inferred");

    private final String label;

    Provenance(String label) {
        this.label = label;
    }

    /** Lower case, as shown in descriptions: {@code probed}, {@code verified}, {@code inferred}. */
    public String label() {
        return label;
    }
}
