package io.github.uc15mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.github.uc15mail.error.Uc15Exception;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The public API of core, listed type by type: a public top-level type in a package that is not
 * {@code ..internal..} is one users compile against, so adding or removing one is a decision, taken by
 * editing {@link #PUBLIC_TYPES} (and {@code CHANGELOG.md}). Issue 20 caps them at 40. Public nested types
 * are counted and shown too, so that nesting does not hide a growing surface.
 */
class PublicApiSurfaceTest {

    private static final String BASE = "io.github.uc15mail";

    /** One type per line, sorted, so that parallel changes merge line by line. */
    static final List<String> PUBLIC_TYPES = List.of(
            "io.github.uc15mail.Modem",
            "io.github.uc15mail.ModemMailer",
            "io.github.uc15mail.SendReceipt",
            "io.github.uc15mail.SmsDraft",
            "io.github.uc15mail.at.AtCommand",
            "io.github.uc15mail.at.AtResponse",
            "io.github.uc15mail.at.AtSession",
            "io.github.uc15mail.at.AtSessionOptions",
            "io.github.uc15mail.at.CommandKind",
            "io.github.uc15mail.at.Commands",
            "io.github.uc15mail.at.DataPayload",
            "io.github.uc15mail.at.TrafficListener",
            "io.github.uc15mail.at.Urc",
            "io.github.uc15mail.error.CommandTimeoutException",
            "io.github.uc15mail.error.Fault",
            "io.github.uc15mail.error.InvalidDraftException",
            "io.github.uc15mail.error.ModemErrorException",
            "io.github.uc15mail.error.ModemFileException",
            "io.github.uc15mail.error.ModemNotReadyException",
            "io.github.uc15mail.error.ModemRestartedException",
            "io.github.uc15mail.error.SmtpServiceException",
            "io.github.uc15mail.error.TransportClosedException",
            "io.github.uc15mail.error.Uc15Exception",
            "io.github.uc15mail.mail.Apn",
            "io.github.uc15mail.mail.Attachment",
            "io.github.uc15mail.mail.EmailDraft",
            "io.github.uc15mail.mail.ModemStatus",
            "io.github.uc15mail.mail.RetryPolicy",
            "io.github.uc15mail.mail.Security",
            "io.github.uc15mail.mail.SendProgressListener",
            "io.github.uc15mail.mail.SmsReceipt",
            "io.github.uc15mail.mail.SmtpConfig",
            "io.github.uc15mail.module.ModuleIdentity",
            "io.github.uc15mail.module.ModuleLimit",
            "io.github.uc15mail.module.ModuleProfile",
            "io.github.uc15mail.module.SmtpCapabilities",
            "io.github.uc15mail.rx.RxModemMailer",
            "io.github.uc15mail.trace.Trace",
            "io.github.uc15mail.trace.TraceRecorder",
            "io.github.uc15mail.transport.Transport");

    /** The cap of issue 20 on on core's public top-level types. */
    static final int MAX_PUBLIC_TYPES = 40;

    private static final JavaClasses CORE = new ClassFileImporter().importPath(Paths.get("target", "classes"));

    private static boolean api(JavaClass c) {
        return c.getPackageName().startsWith(BASE) && !c.getPackageName().contains(".internal")
                && !c.getSimpleName().equals("package-info");
    }

    private static boolean publicAllTheWayOut(JavaClass c) {
        for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
            if (!k.getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    static Set<String> publicTopLevel() {
        return CORE.stream().filter(PublicApiSurfaceTest::api).filter(c -> c.getEnclosingClass().isEmpty())
                .filter(c -> !c.isAnonymousClass() && !c.isLocalClass())
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> publicNested() {
        return CORE.stream().filter(PublicApiSurfaceTest::api).filter(c -> c.getEnclosingClass().isPresent())
                .filter(c -> !c.isAnonymousClass() && !c.isLocalClass())
                .filter(PublicApiSurfaceTest::publicAllTheWayOut)
                .map(c -> c.getName().substring(BASE.length() + 1).replace('$', '.'))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String report() {
        Set<String> top = publicTopLevel();
        Set<String> nested = publicNested();
        return top.size() + " public top-level types:\n  " + String.join("\n  ", top) + "\n" + nested.size()
                + " public nested types:\n  " + String.join("\n  ", nested) + "\n";
    }

    @Test
    void importedCompiledCore() {
        assertTrue(CORE.contain(BASE + ".Modem"), "core's classes were not found under target/classes");
    }

    @Test
    void thePublicTypesAreExactlyTheListedOnes() {
        Set<String> actual = publicTopLevel();
        Set<String> listed = new TreeSet<>(PUBLIC_TYPES);
        Set<String> added = new TreeSet<>(actual);
        added.removeAll(listed);
        Set<String> removed = new TreeSet<>(listed);
        removed.removeAll(actual);
        assertTrue(added.isEmpty() && removed.isEmpty(), "public API changed: new " + added + ", gone " + removed
                + "; update PUBLIC_TYPES (and CHANGELOG.md) on purpose.\n" + report());
        assertEquals(PUBLIC_TYPES.stream().sorted().toList(), PUBLIC_TYPES, "keep PUBLIC_TYPES sorted, one per line");
    }

    @Test
    void atMostFortyPublicTypes() {
        int n = publicTopLevel().size();
        assertTrue(n <= MAX_PUBLIC_TYPES, "core has " + n + " public top-level types, at most " + MAX_PUBLIC_TYPES
                + " allowed.\n" + report());
        System.out.println(report());
    }

    @Test
    void theOutcomeFlagHasNoPublicSetter() {
        for (Method m : Uc15Exception.class.getDeclaredMethods()) {
            if (m.getName().startsWith("mark")) {
                assertFalse(Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers()),
                        "users must not be able to mark a failure: " + m);
            }
        }
    }
}
