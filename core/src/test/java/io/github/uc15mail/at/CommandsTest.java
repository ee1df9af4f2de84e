package io.github.uc15mail.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CommandsTest {

    @Test
    void buildsTheManualsCommandLines() {
        assertEquals("AT+QSMTPCFG=\"smtpserver\",\"smtp.aol.com\",25", Commands.smtpServer("smtp.aol.com", 25).line());
        assertEquals("AT+QSMTPCFG=\"sender\",\"quectel_test\",\"quectel_test@aol.com\"",
                Commands.smtpSender("quectel_test", "quectel_test@aol.com").line());
        assertEquals("AT+QSMTPDST=1,2,\"quectel_test@21cn.com\"", Commands.addRecipient(2, "quectel_test@21cn.com").line());
        assertEquals("AT+QSMTPSUB=0,\"TEST SMTP\"", Commands.subjectAscii("TEST SMTP").line());
        assertEquals("AT+QSMTPSUB=1,\"7465737420534D5450\"",
                Commands.subjectEncoded(1, "test SMTP".getBytes(StandardCharsets.UTF_8)).line());
        // The manual calls that hex "TEST SMTP", but 0x74 0x65 0x73 0x74 is lower-case "test".
        assertEquals("AT+QSMTPBODY=0,100,120", Commands.body(0, new byte[100], 120).line());
        assertEquals("AT+QSMTPATT=1,1,\"RAM:smtp.txt\"", Commands.addAttachment(1, "RAM:smtp.txt").line());
        assertEquals("AT+QSMTPPUT=300", Commands.send(300).line());
        assertEquals("AT+QSSLCFG=\"ciphersuite\",1,0xFFFF", Commands.sslCipherSuite(1, 0xFFFF).line());
        assertEquals("AT+QFUPL=\"RAM:smtp.txt\",100,200,1",
                Commands.upload("RAM:smtp.txt", DataPayload.ofBytes(new byte[100]), 200, true).line());
        assertEquals("AT+QICSGP=1,1,\"UNINET\",\"\",\"\",1", Commands.configureContext(1, 1, "UNINET", "", "", 1).line());
    }

    @Test
    void injectionIsRefusedBeforeAnythingIsBuilt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Commands.addRecipient(1, "a@b.c\",\"x"));
        assertTrue(e.getMessage().startsWith("recipient address:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Commands.subjectAscii("hi\r\nAT+QSMTPPUT=60"));
        assertThrows(IllegalArgumentException.class, () -> Commands.smtpServer("host\n", 25));
    }

    @Test
    void limitsNameFieldLimitAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Commands.smtpSender("x".repeat(51), "a@b.c"));
        assertEquals("sender name: must be at most 50 bytes, was 51 bytes: \"" + "x".repeat(51) + "\"", e.getMessage());
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class, () -> Commands.smtpServer("h", 0));
        assertEquals("server port: must be 1-65535, was 0", port.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Commands.send(59));
        assertThrows(IllegalArgumentException.class, () -> Commands.body(0, new byte[10241], 90));
        assertThrows(IllegalArgumentException.class, () -> Commands.addAttachment(11, "RAM:a"));
        assertThrows(IllegalArgumentException.class, () -> Commands.smtpContextId(17));
        assertThrows(IllegalArgumentException.class, () -> Commands.smtpSslContextId(6));
    }

    @Test
    void passwordsAreHiddenInMessagesAndLogs() {
        String secret = "s3cret\"pw";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Commands.smtpAccount("user", secret));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        AtCommand account = Commands.smtpAccount("user", "hunter2");
        assertFalse(account.toString().contains("hunter2"));
        assertFalse(account.loggable().contains("hunter2"));
        assertTrue(account.line().contains("hunter2"));
        AtCommand apn = Commands.configureContext(1, 1, "internet", "u", "apnpass", 1);
        assertFalse(apn.toString().contains("apnpass"));
    }

    @Test
    void informationLinesAreRecognisedDespiteStraySpaces() {
        AtCommand upload = Commands.upload("RAM:a", DataPayload.ofBytes(new byte[3]), 60, true);
        assertTrue(upload.owns("+QFUPL: 3,262"));
        assertTrue(upload.owns(" +QFUPL: 3,262 "));
        assertFalse(upload.owns("+QFUPLX: 3"));
        assertFalse(upload.owns("+QSMTPPUT: 0,0"));
    }
}
