package io.github.uc15mail.module;

import io.github.uc15mail.module.ModuleProfile.UnsupportedModuleException;
import io.github.uc15mail.module.SmtpCapabilities.SslCapabilities;
import io.github.uc15mail.module.ModuleLimit.Provenance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.module.ModuleLimit.Kind;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModuleProfileTest {

    private static ModuleProfile profile(String model, List<String> smtp, List<String> ssl) {
        return ModuleProfile.select(ModuleIdentity.parse(Replies.ati(model, model + "XXR01A01M4G")),
                SmtpCapabilities.parse(smtp), Optional.ofNullable(ssl).map(SslCapabilities::parse));
    }

    /** Provenance of each limit per family, as quectel-smtp-family.md gives it (before probing). */
    static Stream<Arguments> provenance() {
        Provenance v = Provenance.VERIFIED;
        Provenance i = Provenance.INFERRED;
        return Stream.of(
                // model, kind, expected provenance
                Arguments.of("UC15", Kind.RECIPIENTS, v),
                Arguments.of("UC15", Kind.BODY_BYTES, v),
                Arguments.of("UC15", Kind.ATTACHMENTS, v),
                Arguments.of("UC15", Kind.FILE_STORAGE, v),
                Arguments.of("UC15", Kind.SEND_TIMEOUT_SECONDS, v),
                Arguments.of("UC15", Kind.ERROR_CODES, v),
                Arguments.of("UC15", Kind.ATTACHMENT_BYTES, i),
                Arguments.of("UC15", Kind.SSL_VERSIONS, i),
                Arguments.of("UC15", Kind.PDP_ACTIVATE_SECONDS, i),
                Arguments.of("EC25", Kind.BODY_BYTES, v),
                Arguments.of("EC25", Kind.CHARSETS, v),
                Arguments.of("EC25", Kind.BODY_INPUT_SECONDS, v),
                Arguments.of("EC25", Kind.FILE_STORAGE, v),
                Arguments.of("EC25", Kind.SSL_VERSIONS, v),
                Arguments.of("EC25", Kind.RECIPIENTS, i),
                Arguments.of("EC25", Kind.SUBJECT_ASCII_CHARS, i),
                Arguments.of("EC25", Kind.ATTACHMENTS, i),
                Arguments.of("EC25", Kind.ATTACHMENT_NAME_BYTES, i),
                Arguments.of("EC25", Kind.SEND_TIMEOUT_SECONDS, i),
                Arguments.of("EC25", Kind.ERROR_CODES, i),
                Arguments.of("EG25", Kind.RECIPIENTS, i),
                Arguments.of("EM05", Kind.BODY_BYTES, v),
                Arguments.of("AG35", Kind.BODY_BYTES, i),
                Arguments.of("AG35", Kind.FILE_STORAGE, i),
                Arguments.of("UC20", Kind.RECIPIENTS, i),
                Arguments.of("UC20", Kind.FILE_STORAGE, v),
                Arguments.of("EC200U", Kind.BODY_BYTES, i),
                Arguments.of("EC200U", Kind.FILE_STORAGE, i));
    }

    @ParameterizedTest
    @MethodSource("provenance")
    void eachLimitCarriesTheReferencesProvenance(String model, Kind kind, Provenance expected) {
        // an answer without ranges, so nothing is probed and the table shows through
        List<String> bare = List.of("+QSMTPCFG: \"account\",<u>,<p>", "+QSMTPCFG: \"sender\",<n>,<e>",
                "+QSMTPCFG: \"smtpserver\",<a>,<p>");
        assertEquals(expected, profile(model, bare, null).limit(kind).provenance(), model + " " + kind);
    }

    @Test
    void theLimitsThemselvesAreTheUc15sForEveryFamily() {
        for (String model : List.of("UC15", "UC20", "EC25", "EG25", "AG35", "EC200U")) {
            ModuleProfile p = profile(model, Replies.EC2X_SMTP, null);
            assertEquals(20, p.maxRecipients(), model);
            assertEquals(10240, p.maxBodyBytes(), model);
            assertEquals(100, p.maxSubjectAsciiChars(), model);
            assertEquals(10, p.maxAttachments(), model);
            assertEquals(ModuleProfile.FileStorage.RAM, p.fileStorage(), model);
            assertEquals("RAM:", p.fileStorage().prefix());
            assertEquals(Optional.of(65535L), p.limit(Kind.SEND_TIMEOUT_SECONDS).max(), model);
            assertEquals(Optional.empty(), p.limit(Kind.ATTACHMENT_BYTES).values(), model + ": no size is documented");
            assertEquals(Kind.values().length, p.limits().size(), model);
        }
    }

    @Test
    void probedRangesReplaceTheTableAndSayWhereTheyCameFrom() {
        List<String> odd = List.of("+QSMTPCFG: \"account\",<u>,<p>", "+QSMTPCFG: \"sender\",<n>,<e>",
                "+QSMTPCFG: \"smtpserver\",<a>,<p>", "+QSMTPCFG: \"contextid\",(1-5)", "+QSMTPCFG: \"ssltype\",(0,1)");
        ModuleProfile p = profile("EC25", odd, List.of("+QSSLCFG: \"sslversion\",(0-5),(3,4)"));
        ModuleLimit ctx = p.limit(Kind.CONTEXT_IDS);
        assertEquals(Provenance.PROBED, ctx.provenance());
        assertEquals("(1-5)", ctx.values().orElseThrow().toString());
        assertEquals("AT+QSMTPCFG=?", ctx.source());
        assertEquals(Provenance.PROBED, p.limit(Kind.SSL_TYPES).provenance());
        assertEquals("(3,4)", p.limit(Kind.SSL_VERSIONS).values().orElseThrow().toString());
        assertEquals("AT+QSSLCFG=?", p.limit(Kind.SSL_VERSIONS).source());
        // not printed: the table's value stays
        assertEquals(Provenance.VERIFIED, p.limit(Kind.SSL_CONTEXT_IDS).provenance());
        assertEquals("(0-5)", p.limit(Kind.SSL_CONTEXT_IDS).values().orElseThrow().toString());
        assertTrue(p.supportsTls());
    }

    @Test
    void bodyOriginalIsReportedWhereTheModuleListsIt() {
        assertTrue(profile("EG25", Replies.EG25_SMTP_NEW, null).hasBodyOriginal());
        assertFalse(profile("EG25", Replies.EC2X_SMTP, null).hasBodyOriginal());
        assertTrue(profile("EG25", Replies.EG25_SMTP_NEW, null).toString().contains("bodyoriginal [probed]"));
    }

    @Test
    void noSslTypeAboveZeroMeansNoTls() {
        List<String> plainOnly = Replies.plus(List.of("+QSMTPCFG: \"account\",<u>,<p>", "+QSMTPCFG: \"sender\",<n>,<e>",
                "+QSMTPCFG: \"smtpserver\",<a>,<p>"), "+QSMTPCFG: \"ssltype\",(0)");
        assertFalse(profile("EC25", plainOnly, null).supportsTls());
        List<String> noSslType = List.of("+QSMTPCFG: \"account\",<u>,<p>", "+QSMTPCFG: \"sender\",<n>,<e>",
                "+QSMTPCFG: \"smtpserver\",<a>,<p>");
        assertFalse(profile("EC25", noSslType, null).supportsTls(), "not listed: not assumed");
        assertTrue(profile("UC15", Replies.UC15_SMTP, null).supportsTls());
    }

    @Test
    void descriptionAndToStringMarkWhatIsInferred() {
        ModuleProfile ec25 = profile("EC25", Replies.EC2X_SMTP, Replies.EG25_SSL);
        String line = ec25.toString();
        assertTrue(line.startsWith("EC25 (revision EC25XXR01A01M4G), family EC2x/EG2x/EG9x/EM05: recipients (1-20)"), line);
        assertTrue(line.contains("recipients (1-20) To, Cc and Bcc together [inferred]"), line);
        assertTrue(line.contains("body bytes (1-10240) [verified]"), line);
        assertTrue(line.contains("ssltype (0-2) 0 none, 1 SSL/TLS, 2 STARTTLS [probed]"), line);
        assertTrue(line.endsWith("; " + ec25.inferred().size() + " of 18 limits inferred"), line);
        String text = ec25.description();
        assertTrue(text.startsWith("module: EC25 (revision EC25XXR01A01M4G), family EC2x/EG2x/EG9x/EM05\n"), text);
        assertTrue(text.contains("AT+QSSLCFG=? options: sslversion (0-4)"), text);
        assertTrue(text.contains("  attachments (1-10) [inferred] (as the UC15: same command family, not seen for this model)"), text);
        assertTrue(text.contains("  body bytes (1-10240) [verified] (EC2x&EG9x&EM05 SMTP AT Commands Manual V1.0)"), text);
        assertTrue(text.endsWith("limits are inferred from sibling modules, not seen for this model"), text);
        assertEquals(ec25.limits().size(), text.split("\n").length - 4);
        // the UC15 has fewer inferred limits than any sibling
        assertTrue(profile("UC15", Replies.UC15_SMTP, null).inferred().size() < ec25.inferred().size());
    }

    @Test
    void gsmModulesAreRefusedForTheirOtherCommandSet() {
        UnsupportedModuleException e = assertThrows(UnsupportedModuleException.class, () -> ModuleProfile.select(
                ModuleIdentity.parse(List.of("Quectel_Ltd", "Quectel_M95", "Revision: M95FAR02A08")),
                SmtpCapabilities.parse(Replies.UC15_SMTP), Optional.empty()));
        assertEquals(UnsupportedModuleException.Reason.OTHER_COMMAND_SET, e.reason());
        assertTrue(e.getMessage().startsWith("M95 (revision M95FAR02A08) is a GSM M-series module"), e.getMessage());
    }

    @Test
    void anAnswerWithoutTheNeededSettingsIsRefused() {
        ModuleIdentity id = ModuleIdentity.parse(Replies.ati("EC25", "EC25EFAR06A03M4G"));
        UnsupportedModuleException none = assertThrows(UnsupportedModuleException.class,
                () -> ModuleProfile.select(id, SmtpCapabilities.parse(List.of()), Optional.empty()));
        assertEquals(UnsupportedModuleException.Reason.NO_SMTP_SERVICE, none.reason());
        UnsupportedModuleException some = assertThrows(UnsupportedModuleException.class,
                () -> ModuleProfile.select(id, SmtpCapabilities.parse(List.of("+QSMTPCFG: \"smtpserver\",<a>,<p>")),
                        Optional.empty()));
        assertEquals(UnsupportedModuleException.Reason.MISSING_SETTING, some.reason());
        assertEquals("EC25 (revision EC25EFAR06A03M4G) does not list \"account\", \"sender\" in its answer to"
                + " AT+QSMTPCFG=?, which uc15mail needs to send; check its firmware.", some.getMessage());
    }
}
