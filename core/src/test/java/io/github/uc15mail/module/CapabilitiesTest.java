package io.github.uc15mail.module;

import io.github.uc15mail.module.SmtpCapabilities.SslCapabilities;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** AT+QSMTPCFG=? and AT+QSSLCFG=? answers, as printed by the modules the reference quotes. */
class CapabilitiesTest {

    static Stream<Arguments> smtpAnswers() {
        return Stream.of(
                // lines, settings, contextid, sslctxid, ssltype, bodyoriginal, missing required
                Arguments.of(Replies.UC15_SMTP, Set.of("account", "sender", "smtpserver", "contextid", "sslctxid", "ssltype"),
                        "(1-16)", "(0-5)", "(0-2)", false, List.of()),
                Arguments.of(Replies.EG25_SMTP_NEW, Set.of("account", "sender", "smtpserver", "contextid", "sslctxid",
                        "ssltype", "bodyoriginal"), "(1-16)", "(0-5)", "(0-2)", true, List.of()),
                // upper case names, extra spaces, a URC and the echo in between
                Arguments.of(List.of("AT+QSMTPCFG=?", "+QSMTPCFG: \"ACCOUNT\" , <u>,<p>", "+CREG: 1",
                        "+qsmtpcfg:  \"Sender\",<n>,<e>", "+QSMTPCFG: \"smtpserver\",<a>,<p>",
                        "+QSMTPCFG: \"contextid\", (1 - 16)"), Set.of("account", "sender", "smtpserver", "contextid"),
                        "(1-16)", null, null, false, List.of()),
                // a firmware listing only part of it
                Arguments.of(List.of("+QSMTPCFG: \"contextid\",(1-16)", "+QSMTPCFG: \"smtpserver\",<srvaddr>,<srvport>"),
                        Set.of("contextid", "smtpserver"), "(1-16)", null, null, false, List.of("account", "sender")),
                // nothing useful
                Arguments.of(List.of(), Set.of(), null, null, null, false, List.of("account", "sender", "smtpserver")),
                Arguments.of(List.of("+QSMTPCFG:", "+QSMTPCFG: ,", "garbage", "+QSMTPCFG: \"\",(0-1)"), Set.of(),
                        null, null, null, false, List.of("account", "sender", "smtpserver")));
    }

    @ParameterizedTest
    @MethodSource("smtpAnswers")
    void readsTheSmtpSettings(List<String> lines, Set<String> names, String contextIds, String sslCtx, String sslTypes,
            boolean bodyOriginal, List<String> missing) {
        SmtpCapabilities c = SmtpCapabilities.parse(lines);
        assertEquals(names, c.names());
        assertEquals(Optional.ofNullable(contextIds), c.contextIds().map(Object::toString));
        assertEquals(Optional.ofNullable(sslCtx), c.sslContextIds().map(Object::toString));
        assertEquals(Optional.ofNullable(sslTypes), c.sslTypes().map(Object::toString));
        assertEquals(bodyOriginal, c.hasBodyOriginal());
        assertEquals(missing, c.missingRequired());
    }

    @Test
    void settingsWithoutANumericFieldHaveNoValues() {
        SmtpCapabilities c = SmtpCapabilities.parse(Replies.UC15_SMTP);
        assertTrue(c.supports("Account"));
        assertEquals(Optional.empty(), c.values("account"));
        assertEquals(Optional.empty(), c.values("nosuch"));
        assertFalse(c.supports("bodyoriginal"));
        assertEquals("account, contextid (1-16), sender, smtpserver, sslctxid (0-5), ssltype (0-2)", c.toString());
    }

    @Test
    void readsTheEg25SslOptions() {
        SslCapabilities s = SslCapabilities.parse(Replies.EG25_SSL);
        assertEquals(Optional.of("(0-5)"), s.contextIds().map(Object::toString));
        assertEquals(Optional.of("(0-4)"), s.sslVersions().map(Object::toString));
        assertEquals(Optional.of("(0-2)"), s.securityLevels().map(Object::toString));
        assertEquals(Optional.of("(10-300)"), s.negotiateSeconds().map(Object::toString));
        assertEquals(28, s.cipherSuites().size());
        assertTrue(s.cipherSuites().contains(0xFFFFL));
        assertTrue(s.cipherSuites().contains(0xC030L));
        assertTrue(s.hasSni());
        assertTrue(s.supports("ALPN"));
        assertEquals(20, s.names().size());
        assertTrue(s.toString().startsWith("sslversion (0-4), seclevel (0-2), 28 cipher suites, options: alpn, cacert"),
                s.toString());
    }

    @Test
    void aShorterSslSetHasNoSni() {
        SslCapabilities s = SslCapabilities.parse(Replies.UC15_SSL);
        assertFalse(s.hasSni());
        assertFalse(s.supports("ignorelocaltime"));
        assertEquals(7, s.cipherSuites().size());
        assertEquals(Optional.empty(), s.values("sslversion", 5));
        assertEquals(Optional.empty(), s.values("cacert", 1), "a path placeholder is not a range");
    }

    @Test
    void splitsOnlyAtTopLevelCommas() {
        assertEquals(List.of("\"a,b\"", "(0,1)", "[x,y]", ""), TestCommandLines.split("\"a,b\",(0,1),[x,y],"));
        assertEquals(List.of(), TestCommandLines.split(""));
    }

    @Property
    void parsingNeverThrows(@ForAll List<String> lines) {
        SmtpCapabilities.parse(lines).toString();
        SslCapabilities.parse(lines).toString();
        ModuleIdentity.parse(lines).toString();
    }
}
