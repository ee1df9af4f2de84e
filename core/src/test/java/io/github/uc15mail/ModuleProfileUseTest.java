package io.github.uc15mail;

import io.github.uc15mail.error.ModemErrorException;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.mail.RetryPolicy;
import io.github.uc15mail.mail.Security;
import io.github.uc15mail.mail.SmtpConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.testkit.InMemoryTransport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a send takes from the module's profile, against a scripted module (the send is stopped after the settings). */
class ModuleProfileUseTest {

    private static final String SMTP_TEST = String.join("\n", "+QSMTPCFG: \"account\",<username>,<password>",
            "+QSMTPCFG: \"sender\",<sender_name>,<sender_email>", "+QSMTPCFG: \"smtpserver\",<srvaddr>,<srvport>",
            "+QSMTPCFG: \"contextid\",(1-16)", "+QSMTPCFG: \"sslctxid\",(0-5)", "+QSMTPCFG: \"ssltype\",(0-2)", "OK");

    /** A module whose AT+QSSLCFG=? lists {@code sslVersions}; it refuses "contextid" so the send stops there. */
    private static String replies(String line, String sslVersions) {
        return switch (line) {
            case "AT+CPIN?" -> "+CPIN: READY\nOK";
            case "AT+CGREG?" -> "+CGREG: 0,1\nOK";
            case "AT+QIACT?" -> "+QIACT: 1,1,1,\"10.0.0.2\"\nOK";
            case "ATI" -> "Quectel\nEC25\nRevision: EC25EFAR06A03M4G\nOK";
            case "AT+QSMTPCFG=?" -> SMTP_TEST;
            case "AT+QSSLCFG=?" -> "+QSSLCFG: \"sslversion\",(0-5)," + sslVersions + "\n"
                    + "+QSSLCFG: \"seclevel\",(0-5),(0-2)\nOK";
            default -> line.startsWith("AT+QSMTPCFG=\"contextid\"") ? "ERROR" : "OK";
        };
    }

    private static List<String> sendUntilTheSettings(String sslVersions) throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        ScriptedModem scripted = new ScriptedModem(pair.modem(), line -> replies(line, sslVersions));
        SmtpConfig config = SmtpConfig.builder().server("smtp.example.com", 465).security(Security.SSL)
                .sender("", "unit7@example.com").build();
        try (ModemMailer mailer = ModemMailer.builder(Modem.open(pair.host()), config).ownsSession(true)
                .retryPolicy(RetryPolicy.attempts(1, java.time.Duration.ZERO)).build()) {
            assertThrows(ModemErrorException.class, () -> mailer.send(
                    EmailDraft.builder().to("ops@example.com").subject("s").body("b").build()));
            assertEquals("EC25", mailer.modem().profile().orElseThrow().identity().model());
        }
        return scripted.commands;
    }

    @Test
    void aModuleWithoutSslVersionFourIsAskedForTls12Directly() throws Exception {
        List<String> commands = sendUntilTheSettings("(0-3)");
        assertTrue(commands.contains("AT+QSSLCFG=\"sslversion\",1,3"), commands.toString());
        assertTrue(commands.stream().noneMatch(c -> c.equals("AT+QSSLCFG=\"sslversion\",1,4")), commands.toString());
        assertTrue(commands.indexOf("AT+QSSLCFG=?") < commands.indexOf("AT+QSSLCFG=\"sslversion\",1,3"));
    }

    @Test
    void aModuleThatListsVersionFourGetsIt() throws Exception {
        List<String> commands = sendUntilTheSettings("(0-4)");
        assertTrue(commands.contains("AT+QSSLCFG=\"sslversion\",1,4"), commands.toString());
        assertTrue(commands.stream().noneMatch(c -> c.equals("AT+QSSLCFG=\"sslversion\",1,3")), commands.toString());
    }
}
