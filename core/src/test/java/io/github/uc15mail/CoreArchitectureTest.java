package io.github.uc15mail;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * The layering of core, checked on its compiled classes (tests excluded) so that a change that breaks it
 * fails the build. From the bottom: {@code error} (exceptions and the fault classifier), {@code transport},
 * {@code module} (what a module is and can do), {@code at.internal} and {@code at} (the AT engine),
 * {@code mail} (what a send carries and returns), {@code internal..} (the send and SMS steps), the root
 * ({@code Modem}, {@code ModemMailer}) and {@code rx}. No package may import one above it.
 */
class CoreArchitectureTest {

    private static final String BASE = "io.github.uc15mail";
    private static final JavaClasses CORE = new ClassFileImporter().importPath(Paths.get("target", "classes"));

    /** Every package is its own slice, the root package too. */
    static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return SliceIdentifier.of(javaClass.getPackageName());
        }

        @Override
        public String getDescription() {
            return "each package";
        }
    };

    @Test
    void importedCoreAndNothingElse() {
        // Guards the rules below against passing on an empty or wrong import.
        org.junit.jupiter.api.Assertions.assertTrue(CORE.contain(BASE + ".Modem"));
        org.junit.jupiter.api.Assertions.assertTrue(CORE.contain(BASE + ".at.AtSession"));
        org.junit.jupiter.api.Assertions.assertFalse(CORE.contain(BASE + ".CoreArchitectureTest"));
    }

    @Test
    void noPackageCycles() {
        slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(CORE);
    }

    @Test
    void coreUsesNoOtherModule() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(BASE + ".serial..", BASE + ".testkit..",
                BASE + ".outbox..", BASE + ".gateway..", BASE + ".samples..", BASE + ".benchmarks..").check(CORE);
    }

    @Test
    void errorIsTheBottom() {
        noClasses().that().resideInAPackage(BASE + ".error").should().dependOnClassesThat()
                .resideInAnyPackage(BASE, BASE + ".at..", BASE + ".mail..", BASE + ".module..", BASE + ".transport..",
                        BASE + ".internal..", BASE + ".rx..")
                .check(CORE);
    }

    @Test
    void moduleIsSelfContained() {
        noClasses().that().resideInAPackage(BASE + ".module").should().dependOnClassesThat()
                .resideInAnyPackage(BASE, BASE + ".at..", BASE + ".mail..", BASE + ".transport..", BASE + ".internal..",
                        BASE + ".rx..")
                .check(CORE);
    }

    @Test
    void theAtEngineNeverImportsTheApi() {
        noClasses().that().resideInAPackage(BASE + ".at..").should().dependOnClassesThat()
                .resideInAnyPackage(BASE, BASE + ".mail..", BASE + ".internal..", BASE + ".rx..")
                .check(CORE);
    }

    @Test
    void theValuesOfASendDoNotReachTheEngineOrTheEntryPoints() {
        noClasses().that().resideInAPackage(BASE + ".mail").should().dependOnClassesThat()
                .resideInAnyPackage(BASE, BASE + ".internal..", BASE + ".rx..")
                .check(CORE);
    }

    @Test
    void theImplementationDoesNotCallBackIntoTheEntryPoints() {
        noClasses().that().resideInAPackage(BASE + ".internal..").should().dependOnClassesThat()
                .resideInAnyPackage(BASE, BASE + ".rx..")
                .check(CORE);
    }
}
