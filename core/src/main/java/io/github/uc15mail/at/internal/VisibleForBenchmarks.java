package io.github.uc15mail.at.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an internal type that the benchmarks module measures directly (the decoder, whose speed cannot be
 * seen apart from a session's through the public API). It is the one documented exception to "no module
 * uses another module's {@code ..internal..} packages", checked by the benchmarks' {@code ModuleBoundariesTest}.
 * It promises nothing to applications: such a type may change or go in any release.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface VisibleForBenchmarks {
}
