package io.github.uc15mail.outbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * This module's boundaries, checked on its compiled main classes: it uses no other module's
 * {@code ..internal..} packages.
 * See docs/architecture.md.
 */
class ModuleBoundariesTest {

    /** This module's own packages; an internal package under one of them is this module's own. */
    private static final List<String> OWN = List.of("io.github.uc15mail.outbox");
    private static final JavaClasses MAIN = new ClassFileImporter().importPath(Paths.get("target", "classes"));

    private static final DescribedPredicate<JavaClass> OTHER_MODULES_INTERNALS =
            DescribedPredicate.describe("in another module's internal package", c -> {
                String p = c.getPackageName();
                return p.startsWith("io.github.uc15mail.") && (p.contains(".internal.") || p.endsWith(".internal"))
                        && OWN.stream().noneMatch(o -> p.equals(o) || p.startsWith(o + "."));
            });

    @Test
    void importedThisModule() {
        assertFalse(MAIN.isEmpty(), "no classes under target/classes: run from the module's directory");
    }

    @Test
    void usesNoOtherModulesInternals() {
        noClasses().should().dependOnClassesThat(OTHER_MODULES_INTERNALS).check(MAIN);
    }
}
