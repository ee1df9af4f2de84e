package io.github.uc15mail.internal.mail;

import io.github.uc15mail.at.AtCommand;
import io.github.uc15mail.module.ModuleIdentity.ModuleFamily;
import io.github.uc15mail.module.ModuleLimit;
import io.github.uc15mail.module.ModuleProfile;
import io.github.uc15mail.module.ModuleLimit.Provenance;
import io.github.uc15mail.module.Replies;
import io.github.uc15mail.module.SmtpCapabilities.SslCapabilities;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.error.ModemErrorException.CmeErrorException;
import io.github.uc15mail.error.CommandTimeoutException;
import io.github.uc15mail.error.ModemErrorException;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.module.ModuleProfile.UnsupportedModuleException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ModuleProbe against scripted modules: each answers ATI and the test commands as the reference shows. */
class ModuleProbeTest {

    /** A module scripted by command line; records what it was asked. An unscripted command fails the test. */
    static final class ScriptedModule implements ModuleProbe.Asker {
        private final Map<String, Supplier<List<String>>> script = new LinkedHashMap<>();
        final List<String> asked = new ArrayList<>();

        ScriptedModule answer(String command, List<String> lines) {
            script.put(command, () -> lines);
            return this;
        }

        ScriptedModule error(String command) {
            script.put(command, () -> {
                throw new ModemErrorException(command);
            });
            return this;
        }

        ScriptedModule fail(String command, RuntimeException e) {
            script.put(command, () -> {
                throw e;
            });
            return this;
        }

        @Override
        public List<String> run(AtCommand<?> command) {
            asked.add(command.line());
            Supplier<List<String>> s = script.get(command.line());
            if (s == null) {
                throw new AssertionError("unexpected command " + command.line());
            }
            return s.get();
        }
    }

    static ScriptedModule module(String model, String revision, List<String> smtp, List<String> ssl) {
        ScriptedModule m = new ScriptedModule().answer("ATI", Replies.ati(model, revision));
        if (smtp == null) {
            m.error("AT+QSMTPCFG=?");
        } else {
            m.answer("AT+QSMTPCFG=?", smtp);
        }
        if (ssl == null) {
            m.error("AT+QSSLCFG=?");
        } else {
            m.answer("AT+QSSLCFG=?", ssl);
        }
        return m;
    }

    static Stream<Arguments> smtpModules() {
        return Stream.of(
                // model, revision, QSMTPCFG answer, QSSLCFG answer, family, bodyoriginal
                Arguments.of("UC15", "UC15EQBR03A12E1G", Replies.UC15_SMTP, Replies.UC15_SSL, ModuleFamily.UC15, false),
                Arguments.of("EC25", "EC25EFAR06A03M4G", Replies.EC2X_SMTP, Replies.EG25_SSL, ModuleFamily.EC2X, false),
                Arguments.of("EG25", "EG25GGBR07A08M2G", Replies.EG25_SMTP_NEW, Replies.EG25_SSL, ModuleFamily.EC2X, true),
                Arguments.of("EG25", "EG25GGBR07A08M2G", Replies.EC2X_SMTP, Replies.EG25_SSL, ModuleFamily.EC2X, false),
                Arguments.of("AG35", "AG35CEVAR05A07T4G", Replies.UC15_SMTP, Replies.UC15_SSL, ModuleFamily.AG35, false),
                Arguments.of("EC200U", "EC200UCNAAR02A08M08", Replies.UC15_SMTP, Replies.UC15_SSL, ModuleFamily.UNKNOWN, false));
    }

    @ParameterizedTest
    @MethodSource("smtpModules")
    void identifiesAnSmtpModuleWithTwoCommandsWhenNoSslIsWanted(String model, String revision, List<String> smtp,
            List<String> ssl, ModuleFamily family, boolean bodyOriginal) {
        ScriptedModule m = module(model, revision, smtp, ssl);
        ModuleProfile p = ModuleProbe.probe(m, false);
        assertEquals(List.of("ATI", "AT+QSMTPCFG=?"), m.asked);
        assertEquals(model, p.identity().model());
        assertEquals(revision, p.identity().revision());
        assertEquals(family, p.family());
        assertEquals(bodyOriginal, p.hasBodyOriginal());
        assertTrue(p.ssl().isEmpty());
        assertEquals(Provenance.PROBED, p.limit(ModuleLimit.Kind.CONTEXT_IDS).provenance());
    }

    @ParameterizedTest
    @MethodSource("smtpModules")
    void asksForTheSslOptionsOnlyWhenSslIsWanted(String model, String revision, List<String> smtp, List<String> ssl,
            ModuleFamily family, boolean bodyOriginal) {
        ScriptedModule m = module(model, revision, smtp, ssl);
        ModuleProfile p = ModuleProbe.probe(m, true);
        assertEquals(List.of("ATI", "AT+QSMTPCFG=?", "AT+QSSLCFG=?"), m.asked);
        assertEquals(SslCapabilities.parse(ssl), p.ssl().orElseThrow());
        assertEquals(Provenance.PROBED, p.limit(ModuleLimit.Kind.SSL_VERSIONS).provenance());
    }

    @Test
    void bg95IsRefusedInOneLineNamingIt() {
        ScriptedModule m = module("BG95-M3", "BG95M3LAR02A03", null, Replies.UC15_SSL);
        UnsupportedModuleException e = assertThrows(UnsupportedModuleException.class, () -> ModuleProbe.probe(m, true));
        assertEquals("BG95-M3 (revision BG95M3LAR02A03) has no SMTP service of the AT+QSMTP kind (it answered ERROR to"
                + " AT+QSMTPCFG=?); uc15mail needs UC15, UC20, EC21, EC25, EG21-G, EG25-G, EG91, EG95, EM05 or AG35.",
                e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
        assertEquals(UnsupportedModuleException.Reason.NO_SMTP_SERVICE, e.reason());
        assertEquals("BG95-M3", e.identity().model());
        assertInstanceOf(ModemErrorException.class, e.getCause());
        assertEquals(List.of("ATI", "AT+QSMTPCFG=?"), m.asked, "nothing after the refusal");
        assertTrue(!e.isRetryable());
    }

    @Test
    void aCmeErrorToTheTestCommandIsARefusalToo() {
        ScriptedModule m = module("BG96", "BG96MAR02A07M1G", null, null)
                .fail("AT+QSMTPCFG=?", new CmeErrorException("AT+QSMTPCFG=?", 58, "58"));
        UnsupportedModuleException e = assertThrows(UnsupportedModuleException.class, () -> ModuleProbe.probe(m, false));
        assertTrue(e.getMessage().startsWith("BG96 (revision BG96MAR02A07M1G) has no SMTP service of the AT+QSMTP kind"
                + " (it answered +CME ERROR: 58 to AT+QSMTPCFG=?)"), e.getMessage());
    }

    @Test
    void anEc25WhoseFirmwareLacksSmtpIsRefusedByTheProbeNotByItsName() {
        ScriptedModule m = module("EC25", "EC25EFAR02A08M4G", null, null);
        UnsupportedModuleException e = assertThrows(UnsupportedModuleException.class, () -> ModuleProbe.probe(m, false));
        assertTrue(e.getMessage().startsWith("EC25 (revision EC25EFAR02A08M4G) has no SMTP service"), e.getMessage());
    }

    @Test
    void gsmModulesAreRefusedAfterAtiAlone() {
        ScriptedModule m = new ScriptedModule().answer("ATI", List.of("Quectel_Ltd", "Quectel_M66", "Revision: M66FAR02A12"));
        UnsupportedModuleException e = assertThrows(UnsupportedModuleException.class, () -> ModuleProbe.probe(m, false));
        assertEquals(UnsupportedModuleException.Reason.OTHER_COMMAND_SET, e.reason());
        assertEquals(List.of("ATI"), m.asked);
    }

    @Test
    void sslWantedButRefusedIsANoSslRefusal() {
        ScriptedModule m = module("EC25", "EC25EFAR06A03M4G", Replies.EC2X_SMTP, null);
        UnsupportedModuleException e = assertThrows(UnsupportedModuleException.class, () -> ModuleProbe.probe(m, true));
        assertEquals(UnsupportedModuleException.Reason.NO_SSL, e.reason());
        assertTrue(e.getMessage().startsWith("EC25 (revision EC25EFAR06A03M4G) cannot send over SSL/TLS (it answered"
                + " ERROR to AT+QSSLCFG=?)"), e.getMessage());
        // without SSL the same module is fine
        assertEquals(ModuleFamily.EC2X, ModuleProbe.probe(module("EC25", "EC25EFAR06A03M4G", Replies.EC2X_SMTP, null),
                false).family());
    }

    @Test
    void sslWantedWithoutAnSslTypeIsRefused() {
        List<String> noSslType = List.of("+QSMTPCFG: \"account\",<u>,<p>", "+QSMTPCFG: \"sender\",<n>,<e>",
                "+QSMTPCFG: \"smtpserver\",<a>,<p>", "+QSMTPCFG: \"contextid\",(1-16)");
        ScriptedModule m = module("EC25", "EC25EFAR06A03M4G", noSslType, Replies.EG25_SSL);
        UnsupportedModuleException e = assertThrows(UnsupportedModuleException.class, () -> ModuleProbe.probe(m, true));
        assertEquals(UnsupportedModuleException.Reason.NO_SSL, e.reason());
    }

    @Test
    void aTimeoutIsNotARefusal() {
        CommandTimeoutException timeout = new CommandTimeoutException("AT+QSMTPCFG=?", Duration.ofSeconds(10));
        ScriptedModule m = module("EC25", "EC25EFAR06A03M4G", Replies.EC2X_SMTP, null).fail("AT+QSMTPCFG=?", timeout);
        assertSame(timeout, assertThrows(Uc15Exception.class, () -> ModuleProbe.probe(m, false)));
        ScriptedModule silent = new ScriptedModule().fail("ATI", timeout);
        assertSame(timeout, assertThrows(Uc15Exception.class, () -> ModuleProbe.probe(silent, false)));
    }

    @Test
    void theTestCommandsAreTheOnesTheReferenceNames() {
        assertEquals("AT+QSMTPCFG=?", ModuleProbe.SMTP_TEST.line());
        assertEquals("AT+QSSLCFG=?", ModuleProbe.SSL_TEST.line());
        assertTrue(ModuleProbe.SMTP_TEST.owns("+QSMTPCFG: \"contextid\",(1-16)"));
        assertTrue(ModuleProbe.SSL_TEST.owns("+QSSLCFG: \"sni\",(0-5),(0,1)"));
    }
}
