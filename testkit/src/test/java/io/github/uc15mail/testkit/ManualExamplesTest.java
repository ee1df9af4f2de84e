package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example session of the UC15 SMTP manual (sections 2.1-2.7 and 3.1-3.3) replayed as raw AT with echo
 * off. Deviations from the manual's text: smtpserver points at the local GreenMail server; the 2.4
 * input-time example uses 2 s instead of 120 s; OCR artefacts (spaces after commas, "oĸ") read as in the
 * reference digest.
 */
class ManualExamplesTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();

    static final String PREFIX = "> ATE0\nATE0\nOK\n";

    static final String PDP_AND_SERVER = """
            > AT+QIACT=1
            OK
            > AT+QSMTPCFG="smtpserver","${host}",${port}
            OK
            """;

    static Stream<Arguments> sessions() {
        return Stream.of(
                Arguments.of("2.1 AT+QSMTPCFG", """
                        > AT+QSMTPCFG=?
                        +QSMTPCFG: "account",<username>,<password>
                        +QSMTPCFG: "sender",<sender_name>,<sender_email>
                        +QSMTPCFG: "smtpserver",<srvaddr>,<srvport>
                        +QSMTPCFG: "contextid",(1-16)
                        +QSMTPCFG: "sslctxid",(0-5)
                        +QSMTPCFG: "ssltype",(0-2)
                        OK
                        > AT+QSMTPCFG="account","quectel_test@aol.com","aol123456789"
                        OK
                        > AT+QSMTPCFG="account"
                        +QSMTPCFG: "account","quectel_test@aol.com","aol123456789"
                        OK
                        > AT+QSMTPCFG="sender","quectel_test","quectel_test@aol.com"
                        OK
                        > AT+QSMTPCFG="sender"
                        +QSMTPCFG: "sender","quectel_test","quectel_test@aol.com"
                        OK
                        > AT+QSMTPCFG="smtpserver","smtp.aol.com",25
                        OK
                        > AT+QSMTPCFG="smtpserver"
                        +QSMTPCFG: "smtpserver","smtp.aol.com",25
                        OK
                        > AT+QSMTPCFG="contextid"
                        +QSMTPCFG: "contextid",1
                        OK
                        > AT+QSMTPCFG="contextid",2
                        OK
                        > AT+QSMTPCFG="contextid"
                        +QSMTPCFG: "contextid",2
                        OK
                        > AT+QSMTPCFG="sslctxid"
                        +QSMTPCFG: "sslctxid",1
                        OK
                        > AT+QSMTPCFG="sslctxid",0
                        OK
                        > AT+QSMTPCFG="ssltype"
                        +QSMTPCFG: "ssltype",0
                        OK
                        > AT+QSMTPCFG="ssltype",2
                        OK
                        > AT+QSMTPCFG="ssltype"
                        +QSMTPCFG: "ssltype",2
                        OK
                        """),
                Arguments.of("2.2 AT+QSMTPDST", """
                        > AT+QSMTPDST=?
                        +QSMTPDST: (0,1),(1-3),<emailaddr>
                        OK
                        > AT+QSMTPDST=1,1,"quectel_test@aol.com"
                        OK
                        > AT+QSMTPDST=1,2,"quectel_test@21cn.com"
                        OK
                        > AT+QSMTPDST?
                        +QSMTPDST: 1,"quectel_test@aol.com"
                        +QSMTPDST: 2,"quectel_test@21cn.com"
                        OK
                        > AT+QSMTPDST=0
                        OK
                        > AT+QSMTPDST?
                        OK
                        """),
                Arguments.of("2.3 AT+QSMTPSUB", """
                        > AT+QSMTPSUB=?
                        +QSMTPSUB: (0-3),<subject>
                        OK
                        > AT+QSMTPSUB=0,"TEST SMTP"
                        OK
                        > AT+QSMTPSUB?
                        +QSMTPSUB: 0,"TEST SMTP"
                        OK
                        > AT+QSMTPSUB=1,"7465737420534D5450"
                        OK
                        > AT+QSMTPSUB?
                        +QSMTPSUB: 1,"7465737420534D5450"
                        OK
                        """),
                Arguments.of("2.4 AT+QSMTPBODY", """
                        > AT+QSMTPBODY=?
                        +QSMTPBODY: (0-3),(1-10240),(1-65535)
                        OK
                        > AT+QSMTPBODY?
                        OK
                        > AT+QSMTPBODY=0,100,120
                        CONNECT
                        <data 100>
                        +QSMTPBODY: 100
                        OK
                        > AT+QSMTPBODY=0,100,120
                        CONNECT
                        <data 90 +++>
                        +QSMTPBODY: 90
                        OK
                        > AT+QSMTPBODY=0,100,2
                        CONNECT
                        <data 90>
                        <wait>
                        +QSMTPBODY: 90
                        OK
                        """),
                Arguments.of("2.5 AT+QSMTPATT", """
                        > AT+QSMTPATT=?
                        +QSMTPATT: (0,1),(1-10),<file_name>
                        OK
                        > AT+QFUPL="RAM:test.txt",200,300,1
                        CONNECT
                        <data 200>
                        +QFUPL: 200,707
                        OK
                        > AT+QFLST="RAM:*"
                        +QFLST: "RAM:test.txt",200
                        OK
                        > AT+QSMTPATT=1,1,"RAM:test.txt"
                        OK
                        > AT+QSMTPATT?
                        +QSMTPATT: 1,"RAM:test.txt",200
                        OK
                        > AT+QFUPL="smtp.txt",100,200,1
                        CONNECT
                        <data 100>
                        +QFUPL: 100,707
                        OK
                        > AT+QFLST
                        +QFLST: "smtp.txt",100
                        OK
                        > AT+QSMTPATT=1,2,"smtp.txt"
                        OK
                        > AT+QSMTPATT?
                        +QSMTPATT: 1,"RAM:test.txt",200
                        +QSMTPATT: 2,"smtp.txt",100
                        OK
                        > AT+QSMTPATT=0
                        OK
                        > AT+QSMTPATT?
                        OK
                        """),
                Arguments.of("2.6 AT+QSMTPCLR", """
                        > AT+QSMTPDST=1,1,"quectel_test@aol.com"
                        OK
                        > AT+QSMTPSUB=0,"TEST SMTP"
                        OK
                        > AT+QSMTPCLR=?
                        OK
                        > AT+QSMTPCLR
                        OK
                        > AT+QSMTPDST?
                        OK
                        > AT+QSMTPSUB?
                        +QSMTPSUB: 0,""
                        OK
                        > AT+QSMTPATT?
                        OK
                        """),
                Arguments.of("2.7 AT+QSMTPPUT", PDP_AND_SERVER + """
                        > AT+QSMTPPUT=?
                        +QSMTPPUT: (60-65535)
                        OK
                        > AT+QSMTPDST=1,1,"quectel_test@163.com"
                        OK
                        > AT+QSMTPPUT=300
                        OK
                        ~ +QSMTPPUT: 0,0
                        """),
                Arguments.of("3.1 without SSL", """
                        > AT+QICSGP=1,1,"UNINET","",1
                        OK
                        > AT+QIACT=1
                        OK
                        > AT+QIACT?
                        +QIACT: 1,1,1,"10.7.157.1"
                        OK
                        > AT+QSMTPCFG="contextid",1
                        OK
                        > AT+QSMTPCFG="ssltype",0
                        OK
                        > AT+QSMTPCFG="smtpserver","${host}",${port}
                        OK
                        > AT+QSMTPCFG="account","quectel_test@aol.com","aol123456789"
                        OK
                        > AT+QSMTPCFG="sender","quectel_test","quectel_test@aol.com"
                        OK
                        > AT+QSMTPDST=1,1,"quectel_test@163.com"
                        OK
                        > AT+QSMTPDST=1,2,"quectel_test@21cn.com"
                        OK
                        > AT+QSMTPDST?
                        +QSMTPDST: 1,"quectel_test@163.com"
                        +QSMTPDST: 2,"quectel_test@21cn.com"
                        OK
                        > AT+QSMTPSUB=0,"TEST SMTP"
                        OK
                        > AT+QSMTPSUB?
                        +QSMTPSUB: 0,"TEST SMTP"
                        OK
                        > AT+QSMTPBODY=0,100,120
                        CONNECT
                        <data 100>
                        +QSMTPBODY: 100
                        OK
                        > AT+QFUPL="RAM:smtp.txt",100,200,1
                        CONNECT
                        <data 100>
                        +QFUPL: 100,707
                        OK
                        > AT+QFLST="RAM:*"
                        +QFLST: "RAM:smtp.txt",100
                        OK
                        > AT+QSMTPATT=1,1,"RAM:smtp.txt"
                        OK
                        > AT+QSMTPATT?
                        +QSMTPATT: 1,"RAM:smtp.txt",100
                        OK
                        > AT+QSMTPPUT=300
                        OK
                        ~ +QSMTPPUT: 0,0
                        > AT+QSMTPCLR
                        OK
                        > AT+QFDEL="RAM:smtp.txt"
                        OK
                        > AT+QIDEACT=1
                        OK
                        """),
                Arguments.of("3.2 by SSL", """
                        > AT+QSMTPCFG="ssltype",1
                        OK
                        > AT+QSMTPCFG="sslctxid",1
                        OK
                        > AT+QSSLCFG="ciphersuite",1,0xffff
                        OK
                        > AT+QSSLCFG="seclevel",1,0
                        OK
                        > AT+QSSLCFG="sslversion",1,1
                        OK
                        > AT+QSMTPCFG="smtpserver","${host}",465
                        OK
                        > AT+QSMTPCFG="account","quecteltestmail@gmail.com","yy123456"
                        OK
                        > AT+QSMTPCFG="sender","quectel","quecteltestmail@gmail.com"
                        OK
                        > AT+QSSLCFG="ciphersuite",1
                        +QSSLCFG: "ciphersuite",1,0XFFFF
                        OK
                        """),
                Arguments.of("3.3 by STARTTLS", """
                        > AT+QSMTPCFG="ssltype",2
                        OK
                        > AT+QSMTPCFG="sslctxid",1
                        OK
                        > AT+QSSLCFG="ciphersuite",1,0xffff
                        OK
                        > AT+QSSLCFG="seclevel",1,0
                        OK
                        > AT+QSSLCFG="sslversion",1,1
                        OK
                        > AT+QSMTPCFG="smtpserver","${host}",25
                        OK
                        > AT+QSMTPCFG="account","quecteltestmail@gmail.com","yy123456"
                        OK
                        > AT+QSMTPCFG="sender","quectel","quecteltestmail@gmail.com"
                        OK
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void replaysManualSession(String section, String script) throws Exception {
        try (RawAtClient at = RawAtClient.connect(uc15.emulator())) {
            AtScript.run(at, PREFIX + script,
                    Map.of("host", uc15.smtpHost(), "port", Integer.toString(uc15.smtpPort())));
        }
        if (section.startsWith("3.1")) {
            SentEmail sent = uc15.emulator().sentEmails().get(0);
            assertEquals(0, sent.err());
            MimeMessage[] got = uc15.receivedMessages();
            assertEquals(2, got.length);
            assertEquals("TEST SMTP", got[0].getSubject());
            assertEquals(new String(AtScript.data707(100)), sent.body());
            assertTrue(uc15.emulator().ramFiles().isEmpty());
            assertTrue(uc15.emulator().isContentEmpty());
        }
    }
}
