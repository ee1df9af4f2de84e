package io.github.uc15mail.error.internal;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The SDK's own way to mark a failure as one whose outcome is unknown
 * ({@link io.github.uc15mail.error.Uc15Exception#isOutcomeUnknown()}): the flag has no public setter, so that
 * only the send and SMS steps of core set it. {@code Uc15Exception} hands this class its setter when it is
 * loaded (the JDK's "shared secrets" pattern); this package knows no type of {@code error}, so the two
 * packages form no cycle. Not for use outside core (ModuleBoundariesTest forbids it).
 */
public final class Outcomes {

    private static volatile Consumer<RuntimeException> marker;

    private Outcomes() {
    }

    /** Called once, by {@code Uc15Exception}'s static initializer; a second call is refused. */
    public static synchronized void install(Consumer<RuntimeException> setter) {
        if (marker != null) {
            throw new IllegalStateException("the outcome marker is installed already");
        }
        marker = Objects.requireNonNull(setter, "setter");
    }

    /**
     * Marks {@code failure} (a {@code Uc15Exception}) as one whose outcome is unknown; any other exception is
     * left as it is.
     */
    public static void markUnknown(RuntimeException failure) {
        Consumer<RuntimeException> m = marker;
        if (m != null) { // null only before any Uc15Exception exists, so failure cannot be one
            m.accept(failure);
        }
    }
}
