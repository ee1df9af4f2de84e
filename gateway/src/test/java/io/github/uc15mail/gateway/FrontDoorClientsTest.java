package io.github.uc15mail.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.uc15mail.mail.Attachment;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.mail.EmailDraft.Recipient;
import io.github.uc15mail.mail.EmailDraft.RecipientType;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clients no one here wrote send to the front door: Angus Mail, Python's smtplib, curl. */
class FrontDoorClientsTest {

    @TempDir
    Path dir;
    private final RecordingSink sink = new RecordingSink();
    private GatewayServer server;

    @BeforeEach
    void start() throws IOException {
        server = GatewayServer.start(GatewaySettings.builder().listen("127.0.0.1", 0).keepFromName(true).build(), sink);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static byte[] bytes(Attachment a) throws IOException {
        try (InputStream in = a.payload().open()) {
            return in.readAllBytes();
        }
    }

    @Test
    void angusMailSmtpTransport() throws Exception {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", "127.0.0.1");
        props.setProperty("mail.smtp.port", String.valueOf(server.port()));
        Session session = Session.getInstance(props);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("app@example.com", "Pump Station 4", "UTF-8"));
        m.setRecipients(Message.RecipientType.TO, "ann@example.com");
        m.setRecipients(Message.RecipientType.CC, "cy@example.com");
        m.setRecipients(Message.RecipientType.BCC, "boss@example.com");
        m.setSubject("Pumpe \u00fcberhitzt \u2013 75 \u00b0C", "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Temperatur 75 \u00b0C um 03:12", "UTF-8");
        MimeBodyPart csv = new MimeBodyPart();
        csv.setContent("t,temp\n1,75\n", "text/csv");
        csv.setFileName("Messwerte M\u00e4rz.csv");
        m.setContent(new MimeMultipart(text, csv));
        try (SMTPTransport t = (SMTPTransport) session.getTransport("smtp")) {
            t.connect();
            t.sendMessage(m, m.getAllRecipients());
            assertEquals(250, t.getLastReturnCode());
            assertTrue(t.getLastServerResponse().contains("queued as m1"), t.getLastServerResponse());
        }
        RecordingSink.Accepted got = sink.accepted.get(0);
        EmailDraft d = got.draft();
        assertEquals(List.of(new Recipient(RecipientType.TO, "ann@example.com"),
                new Recipient(RecipientType.CC, "cy@example.com"), new Recipient(RecipientType.BCC, "boss@example.com")),
                d.recipients());
        assertEquals("Pumpe \u00fcberhitzt \u2013 75 \u00b0C", d.subject());
        assertEquals("Temperatur 75 \u00b0C um 03:12", d.body());
        assertEquals("Messwerte_Marz.csv", d.attachments().get(0).name());
        assertEquals("t,temp\r\n1,75\r\n", new String(bytes(d.attachments().get(0)), StandardCharsets.US_ASCII));
        assertEquals("Pump Station 4", got.senderName());
    }

    @Test
    void pythonSmtplib() throws Exception {
        Path script = dir.resolve("send.py");
        Files.writeString(script, String.join("\n",
                "import smtplib, sys",
                "from email.message import EmailMessage",
                "m = EmailMessage()",
                "m['Subject'] = 'R\u00e9sum\u00e9 from cron'",
                "m['From'] = 'cron@example.com'",
                "m['To'] = 'ann@example.com'",
                "m.set_content('Backup finished: 42 files\\nna\u00efve caf\u00e9\\n')",
                "m.add_attachment(b'\\x00\\x01\\x02binary', maintype='application', subtype='octet-stream',"
                        + " filename='backup.log.gz')",
                "with smtplib.SMTP('127.0.0.1', int(sys.argv[1]), local_hostname='localhost', timeout=30) as s:",
                "    s.send_message(m, to_addrs=['ann@example.com', 'ops@example.com'])",
                "print('sent')", ""), StandardCharsets.UTF_8);
        String out = run(List.of(python(), script.toString(), String.valueOf(server.port())));
        assertTrue(out.contains("sent"), out);
        EmailDraft d = sink.only();
        assertEquals(List.of(new Recipient(RecipientType.TO, "ann@example.com"),
                new Recipient(RecipientType.BCC, "ops@example.com")), d.recipients());
        assertEquals("R\u00e9sum\u00e9 from cron", d.subject());
        assertEquals("Backup finished: 42 files\nna\u00efve caf\u00e9\n", d.body().replace("\r\n", "\n"));
        assertEquals("backup.log.gz", d.attachments().get(0).name());
        assertEquals("\u0000\u0001\u0002binary", new String(bytes(d.attachments().get(0)), StandardCharsets.ISO_8859_1));
    }

    @Test
    void pythonSmtplibSeesThe452ForThe21stRecipient() throws Exception {
        Path script = dir.resolve("many.py");
        Files.writeString(script, String.join("\n",
                "import smtplib, sys",
                "rcpts = ['r%d@example.com' % i for i in range(1, 22)]",
                "with smtplib.SMTP('127.0.0.1', int(sys.argv[1]), local_hostname='localhost', timeout=30) as s:",
                "    refused = s.sendmail('cron@example.com', rcpts, 'Subject: many\\r\\n\\r\\nhi\\r\\n')",
                "    for r, (code, msg) in refused.items():",
                "        print(r, code, msg.decode())", ""), StandardCharsets.UTF_8);
        String out = run(List.of(python(), script.toString(), String.valueOf(server.port())));
        assertTrue(out.startsWith("r21@example.com 452 4.5.3 Too many recipients"), out);
        assertEquals(20, sink.only().recipients().size());
    }

    @Test
    void curlSmtp() throws Exception {
        assumeTrue(onPath("curl"), "curl is not installed");
        Path mail = dir.resolve("mail.txt");
        Files.writeString(mail, "From: Alarm <alarm@example.com>\r\nTo: ann@example.com\r\nSubject: Door open\r\n\r\n"
                + "Door 3 opened at 02:10\r\n.hidden line\r\n", StandardCharsets.US_ASCII);
        String out = run(List.of("curl", "-sS", "--url", "smtp://127.0.0.1:" + server.port(), "--mail-from",
                "alarm@example.com", "--mail-rcpt", "ann@example.com", "--upload-file", mail.toString()));
        assertEquals("", out.strip());
        EmailDraft d = sink.only();
        assertEquals("Door open", d.subject());
        assertEquals("Door 3 opened at 02:10\r\n.hidden line\r\n", d.body().replace("\n", "\r\n").replace("\r\r", "\r"));
        assertEquals(List.of(new Recipient(RecipientType.TO, "ann@example.com")), d.recipients());
    }

    static String python() {
        assumeTrue(onPath("python3"), "python3 is not installed");
        return "python3";
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish: " + out);
        }
        assertEquals(0, p.exitValue(), command.get(0) + " failed: " + out);
        return out;
    }
}
