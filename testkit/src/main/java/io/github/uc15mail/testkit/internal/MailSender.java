package io.github.uc15mail.testkit.internal;

import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends a {@link MailSnapshot} with Jakarta Mail and maps the outcome to the module's error codes. */
public final class MailSender {

    private static final Logger log = LoggerFactory.getLogger(MailSender.class);
    private static final Pattern REPLY_CODE = Pattern.compile("(?:^|\\s|\\])([2-5]\\d\\d)[ -]");

    /** The outcome: {@code err} 0 for sent, else the module code; {@code protocolError} the SMTP code or 0. */
    public record Result(int err, int protocolError, String detail) {}

    private MailSender() {
    }

    public static Result send(MailSnapshot s, long timeoutMillis) {
        if (s.missingAttachment() != null) {
            return new Result(661, 0, "attachment file missing: " + s.missingAttachment());
        }
        if (s.server() == null || s.server().isEmpty()) {
            return new Result(653, 0, "no SMTP server configured");
        }
        try {
            Properties props = new Properties();
            String timeout = Long.toString(Math.max(1, Math.min(Integer.MAX_VALUE, timeoutMillis)));
            props.put("mail.smtp.host", s.server());
            props.put("mail.smtp.port", Integer.toString(s.port()));
            props.put("mail.smtp.connectiontimeout", timeout);
            props.put("mail.smtp.timeout", timeout);
            props.put("mail.smtp.writetimeout", timeout);
            props.put("mail.smtp.localhost", "uc15");
            boolean auth = !s.user().isEmpty();
            props.put("mail.smtp.auth", Boolean.toString(auth));
            if (!s.senderEmail().isEmpty()) {
                props.put("mail.smtp.from", s.senderEmail());
            }
            if (s.sslType() != 0) {
                if (s.sslType() == 1) {
                    props.put("mail.smtp.ssl.enable", "true");
                } else {
                    props.put("mail.smtp.starttls.enable", "true");
                    props.put("mail.smtp.starttls.required", "true");
                }
                props.put("mail.smtp.ssl.socketFactory", sslContext(s).getSocketFactory());
                props.put("mail.smtp.ssl.checkserveridentity", "false");
                props.put("mail.smtp.ssl.protocols", protocols(s.sslVersion()));
            }
            Session session = Session.getInstance(props);
            MimeMessage msg = compose(session, s);
            List<Address> envelope = new ArrayList<>();
            for (List<String> list : List.of(s.to(), s.cc(), s.bcc())) {
                for (String a : list) {
                    envelope.add(new InternetAddress(a, false));
                }
            }
            try (Transport transport = session.getTransport("smtp")) {
                if (auth) {
                    transport.connect(s.server(), s.port(), s.user(), s.password());
                } else {
                    transport.connect(s.server(), s.port(), null, null);
                }
                transport.sendMessage(msg, envelope.toArray(new Address[0]));
            }
            return new Result(0, 0, "sent");
        } catch (Exception e) {
            Result r = map(e);
            log.info("send failed -> {},{}: {}", r.err(), r.protocolError(), e.toString());
            return r;
        }
    }

    static MimeMessage compose(Session session, MailSnapshot s) throws MessagingException, IOException {
        MimeMessage msg = new MimeMessage(session);
        String from = s.senderEmail().isEmpty() ? s.user() : s.senderEmail();
        if (!from.isEmpty()) {
            String name = utf8OrLatin1(s.senderName());
            msg.setFrom(name.isEmpty()
                    ? new InternetAddress(from, false)
                    : new InternetAddress(from, name, "UTF-8"));
        }
        for (String a : s.to()) {
            msg.addRecipient(Message.RecipientType.TO, new InternetAddress(a, false));
        }
        for (String a : s.cc()) {
            msg.addRecipient(Message.RecipientType.CC, new InternetAddress(a, false));
        }
        String subjectCharset = MailSnapshot.charsetName(s.subjectCharset());
        msg.setSubject(s.subject(), subjectCharset);
        msg.setSentDate(new Date());
        String bodyCharset = MailSnapshot.charsetName(s.bodyCharset());
        String text = s.bodyText();
        if (s.attachments().isEmpty()) {
            msg.setText(text, bodyCharset);
        } else {
            MimeMultipart mp = new MimeMultipart();
            MimeBodyPart textPart = new MimeBodyPart();
            textPart.setText(text, bodyCharset);
            mp.addBodyPart(textPart);
            for (Map.Entry<String, byte[]> att : s.attachments().entrySet()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(att.getValue(), "application/octet-stream")));
                part.setFileName(att.getKey());
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                // base64 always: the bytes must arrive exactly as uploaded (7bit would have LFs rewritten)
                part.setHeader("Content-Transfer-Encoding", "base64");
                mp.addBodyPart(part);
            }
            msg.setContent(mp);
        }
        msg.saveChanges();
        return msg;
    }

    /** The AT line carries bytes; a sender name typed as UTF-8 is decoded as such. */
    static String utf8OrLatin1(String latin1) {
        byte[] bytes = latin1.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return latin1;
        }
    }

    static String protocols(int sslVersion) {
        switch (sslVersion) {
            case 0:
                return "SSLv3";
            case 1:
                return "TLSv1";
            case 2:
                return "TLSv1.1";
            case 3:
                return "TLSv1.2";
            default:
                return "TLSv1.2 TLSv1.1 TLSv1";
        }
    }

    static SSLContext sslContext(MailSnapshot s) throws GeneralSecurityException, IOException {
        TrustManager[] trust;
        if (s.secLevel() == 0) {
            trust = new TrustManager[] {new TrustAll()};
        } else {
            if (s.caCert() == null) {
                throw new CertificateException("CA certificate file not found: " + s.caCertName());
            }
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            Collection<? extends Certificate> certs = cf.generateCertificates(new ByteArrayInputStream(s.caCert()));
            if (certs.isEmpty()) {
                throw new CertificateException("no certificate in " + s.caCertName());
            }
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                ks.setCertificateEntry("ca" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            trust = tmf.getTrustManagers();
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, trust, new SecureRandom());
        return ctx;
    }

    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** Maps what Jakarta Mail threw to {@code <err>,<protocol_error>}. */
    public static Result map(Throwable e) {
        List<Throwable> all = flatten(e);
        // 1. an SMTP reply code carried by a typed exception
        for (Throwable t : all) {
            int code = 0;
            if (t instanceof SMTPAddressFailedException) {
                code = ((SMTPAddressFailedException) t).getReturnCode();
            } else if (t instanceof SMTPSendFailedException) {
                code = ((SMTPSendFailedException) t).getReturnCode();
            } else if (t instanceof SMTPSenderFailedException) {
                code = ((SMTPSenderFailedException) t).getReturnCode();
            } else if (t instanceof AuthenticationFailedException) {
                code = replyCode(t.getMessage(), 535);
            }
            if (code > 0) {
                return fromSmtp(code, t);
            }
        }
        // 2. the network-level cause
        for (Throwable t : all) {
            if (t instanceof UnknownHostException) {
                return new Result(653, 0, t.toString());
            }
            if (t instanceof SSLException || t instanceof GeneralSecurityException) {
                return new Result(665, 0, t.toString());
            }
            if (t instanceof SocketTimeoutException) {
                return new Result(658, 0, t.toString());
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new Result(654, 0, t.toString());
            }
        }
        for (Throwable t : all) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("STARTTLS")) {
                return new Result(665, 0, t.toString());
            }
            if (m.contains("[EOF]")) {
                return new Result(656, 0, t.toString());
            }
            int code = replyCode(m, 0);
            if (code >= 400) {
                return fromSmtp(code, t);
            }
        }
        return new Result(660, 0, e.toString());
    }

    private static Result fromSmtp(int code, Throwable t) {
        int err = SmtpCodes.errorFor(code);
        return new Result(err == 0 ? 660 : err, code, t.toString());
    }

    private static int replyCode(String message, int dflt) {
        if (message == null) {
            return dflt;
        }
        Matcher m = REPLY_CODE.matcher(message);
        if (m.find()) {
            int c = Integer.parseInt(m.group(1));
            if (c >= 400) {
                return c;
            }
        }
        return dflt;
    }

    private static List<Throwable> flatten(Throwable e) {
        List<Throwable> out = new ArrayList<>();
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> todo = new ArrayList<>();
        todo.add(e);
        while (!todo.isEmpty() && out.size() < 50) {
            Throwable t = todo.remove(0);
            if (t == null || !seen.add(t)) {
                continue;
            }
            out.add(t);
            todo.add(t.getCause());
            if (t instanceof MessagingException) {
                todo.add(((MessagingException) t).getNextException());
            }
        }
        return out;
    }
}
