package io.github.uc15mail.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.testkit.SentEmail;
import io.github.uc15mail.testkit.Uc15EmulatorExtension;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Spring's {@code JavaMailSenderImpl}, configured as Spring Boot's {@code spring.mail.*} settings would
 * (host, port, username, password, protocol, properties), sends through the {@code uc15} transport unchanged.
 */
class SpringJavaMailSenderTest {

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer().withUser("plant", "pump-pw");

    private JavaMailSenderImpl sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setProtocol("uc15");                    // spring.mail.protocol=uc15
        sender.setHost(uc15.smtpHost());               // spring.mail.host
        sender.setPort(uc15.smtpPort());               // spring.mail.port
        sender.setUsername("plant");                   // spring.mail.username
        sender.setPassword("pump-pw");                 // spring.mail.password
        Properties p = new Properties();               // spring.mail.properties.*
        p.setProperty("mail.uc15.port", "tcp:127.0.0.1:" + uc15.emulator().listenTcp(0));
        sender.setJavaMailProperties(p);
        return sender;
    }

    @Test
    void simpleMailMessage() throws Exception {
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom("plant@example.com");
        m.setTo("ann@example.com");
        m.setCc("cy@example.com");
        m.setSubject("Tank 2 low");
        m.setText("Level 12 %");
        sender().send(m);

        SentEmail sent = uc15.emulator().sentEmails().get(0);
        assertEquals("plant@example.com", sent.senderEmail());
        assertEquals("plant", sent.accountUser());
        MimeMessage received = uc15.receivedMessages()[0];
        assertEquals("Tank 2 low", received.getSubject());
        assertEquals("Level 12 %", ((String) received.getContent()).strip());
        assertEquals("cy@example.com", received.getHeader("Cc", ","));
    }

    @Test
    void mimeMessageHelperWithAnAttachment() throws Exception {
        JavaMailSenderImpl sender = sender();
        MimeMessage m = sender.createMimeMessage();
        MimeMessageHelper h = new MimeMessageHelper(m, true, "UTF-8");
        h.setFrom("plant@example.com", "Kl\u00e4ranlage");
        h.setTo("ann@example.com");
        h.setSubject("Tagesbericht \u2013 OK");
        h.setText("Alles in Ordnung.\nDurchfluss 41 m\u00b3/h");
        h.addAttachment("bericht.csv", new ByteArrayResource("a;b\n1;2\n".getBytes(StandardCharsets.UTF_8)));
        sender.send(m);

        SentEmail sent = uc15.emulator().sentEmails().get(0);
        assertEquals("Klaranlage", sent.senderName());
        MimeMessage received = uc15.receivedMessages()[0];
        assertEquals("Tagesbericht \u2013 OK", received.getSubject());
        Multipart mp = (Multipart) received.getContent();
        assertTrue(((String) mp.getBodyPart(0).getContent()).startsWith("Alles in Ordnung.\r\nDurchfluss 41 m\u00b3/h"),
                String.valueOf(mp.getBodyPart(0).getContent()));
        assertEquals("bericht.csv", mp.getBodyPart(1).getFileName());
    }
}
