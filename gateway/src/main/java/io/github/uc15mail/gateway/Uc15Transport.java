package io.github.uc15mail.gateway;

import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.SendReceipt;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.Modem;
import io.github.uc15mail.at.AtSessionOptions;
import io.github.uc15mail.gateway.internal.transport.ModemLine;
import io.github.uc15mail.gateway.internal.transport.SinkFactories;
import io.github.uc15mail.gateway.internal.transport.TransportSettings;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import jakarta.mail.event.TransportEvent;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Jakarta Mail transport for protocol {@code uc15}: it sends through a UC15 modem, or queues into an
 * outbox. Registered in {@code META-INF/javamail.providers}, so {@code session.getTransport()} with
 * {@code mail.transport.protocol=uc15}, and Spring's {@code JavaMailSenderImpl} with protocol {@code uc15},
 * use it unchanged. The static {@code Transport.send(message)} picks the transport by address type, so it
 * needs {@code mail.transport.protocol.rfc822=uc15} as well.
 *
 * <h2>Properties</h2>
 * <ul>
 *   <li>{@code mail.uc15.port}: the modem, {@code /dev/ttyUSB2} or {@code tcp:HOST:PORT}; {@code mail.uc15.baud}
 *       (default 115200).</li>
 *   <li>The SMTP server the modem sends to: the host and port given to {@code connect} (Spring's
 *       {@code spring.mail.host}/{@code port}) or {@code mail.uc15.server}/{@code mail.uc15.server-port};
 *       {@code mail.uc15.security} {@code NONE}/{@code SSL}/{@code STARTTLS} (default from the port: 465 SSL,
 *       587 STARTTLS, else NONE); {@code mail.uc15.ca-cert} a PEM file to verify the server with;
 *       {@code mail.uc15.apn}, {@code mail.uc15.context-id}, {@code mail.uc15.send-timeout} (seconds).</li>
 *   <li>The account, as with Angus's SMTP transport: the user and password given to {@code connect}, or
 *       {@code mail.uc15.user} with {@code mail.uc15.password}; with {@code mail.uc15.auth=true} a missing
 *       password comes from the session's {@code Authenticator}. Never logged.</li>
 *   <li>The sender: {@code mail.uc15.from} (else {@code mail.from}, else the message's From address) and
 *       {@code mail.uc15.from-name} (else the message's From name, folded to ASCII; a name with no ASCII form,
 *       such as one in Chinese, is refused). Queued into a store, the name is kept with the message.</li>
 *   <li>{@code mail.uc15.store}: instead of sending, queue into the store it names (such as
 *       {@code sqlite:/var/lib/uc15mail/outbox.db}) through a {@link MailSinkFactory} on the class path. A
 *       message with a Message-ID is queued once: handing the same message in again (same Message-ID,
 *       envelope and bytes) within 7 days queues nothing new. {@code Transport.send} gives each call a new
 *       Message-ID unless the application keeps its own.</li>
 * </ul>
 *
 * <h2>What it guarantees</h2>
 * The message is converted as the SMTP front door converts it ({@link MimeConverter}); the envelope is
 * the addresses given to {@code sendMessage}. {@code sendMessage} returns after the modem reported the
 * mail sent (direct) or the store committed it (outbox); every failure is a {@link MessagingException}
 * whose message says why. A failure after the modem accepted the send ({@code AT+QSMTPPUT}) says the
 * outcome is unknown: sending again may deliver twice.
 *
 * <p>What it does not do: retry (the outbox does), or share one modem between transports (each connected
 * transport holds the modem's port).
 */
public class Uc15Transport extends Transport {

    private static final Logger log = LoggerFactory.getLogger(Uc15Transport.class);
    private static final long MAX_MESSAGE_BYTES = 32L << 20;

    private Modem modem;
    private MailSink sink;
    private SmtpConfig.Builder smtp;
    private TransportSettings settings;

    public Uc15Transport(Session session, URLName url) {
        super(session, url);
    }

    @Override
    protected synchronized boolean protocolConnect(String host, int port, String user, String password)
            throws MessagingException {
        settings = new TransportSettings(session.getProperties());
        try {
            String store = settings.store();
            if (store != null) {
                sink = SinkFactories.open(store, session.getProperties());
                return true;
            }
            String pass = password != null ? password : settings.get("password");
            boolean auth = Boolean.parseBoolean(settings.get("auth"));
            if (auth && (user == null || pass == null)) {
                return false; // Service asks the session's Authenticator and calls again
            }
            // As Angus's SMTP transport: log in when told to, or when given both user and password.
            smtp = settings.smtp(host, port, user != null && pass != null ? user : null, pass);
            String spec = settings.modem();
            try {
                modem = Modem.open(ModemLine.transport(spec, settings.baud()), AtSessionOptions.defaults());
            } catch (IOException e) {
                throw new MessagingException("cannot open the modem at " + spec + ": " + e.getMessage(), e);
            }
            return true;
        } catch (IllegalArgumentException e) {
            throw new MessagingException(e.getMessage(), e);
        }
    }

    @Override
    public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
        if (!isConnected()) {
            throw new IllegalStateException("not connected");
        }
        if (!(message instanceof MimeMessage mime)) {
            throw new MessagingException("only MIME messages can be sent through the modem");
        }
        List<String> envelope = new ArrayList<>();
        for (Address a : addresses == null ? new Address[0] : addresses) {
            envelope.add(a instanceof InternetAddress ia ? ia.getAddress() : a.toString());
        }
        byte[] raw = rawBytes(mime);
        ConvertedMail mail = convert(raw, envelope);
        if (sink != null) {
            String key = sink.deduplicates()
                    ? io.github.uc15mail.gateway.internal.outbox.IdempotencyKeys.of(mime.getMessageID(), envelope, raw)
                    : null;
            store(mail, message, addresses, key);
        } else {
            send(mail, mime, message, addresses);
        }
    }

    private static byte[] rawBytes(MimeMessage mime) throws MessagingException {
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            mime.writeTo(raw);
            return raw.toByteArray();
        } catch (IOException e) {
            throw new MessagingException("cannot read the message: " + e.getMessage(), e);
        }
    }

    private ConvertedMail convert(byte[] raw, List<String> envelope) throws MessagingException {
        try {
            // The From name is read only when no mail.uc15.from-name replaces it.
            return MimeConverter.create(settings.get("from-name") == null, MAX_MESSAGE_BYTES)
                    .convert(new ByteArrayInputStream(raw), envelope);
        } catch (IOException e) {
            throw new MessagingException("cannot read the message: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new MessagingException("the modem cannot send this message: " + e.getMessage(), e);
        }
    }

    private void store(ConvertedMail mail, Message message, Address[] addresses, String key) throws MessagingException {
        try {
            String name = sink.carriesSenderName() && !senderName(mail).isEmpty() ? senderName(mail) : null;
            String id = key != null ? sink.accept(mail.draft(), name, key)
                    : name != null ? sink.accept(mail.draft(), name) : sink.accept(mail.draft());
            log.info("queued message {}: {} recipients", id, mail.draft().recipients().size());
        } catch (IllegalArgumentException e) {
            throw new MessagingException("the modem cannot send this message: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new MessagingException("the message could not be stored: " + e.getMessage(), e);
        }
        notifyTransportListeners(TransportEvent.MESSAGE_DELIVERED, addresses, new Address[0], new Address[0], message);
    }

    private void send(ConvertedMail mail, MimeMessage mime, Message message, Address[] addresses)
            throws MessagingException {
        SmtpConfig config;
        try {
            config = smtp.sender(senderName(mail), senderAddress(mime)).build();
        } catch (IllegalArgumentException e) {
            throw new MessagingException(e.getMessage(), e);
        }
        try (ModemMailer mailer = ModemMailer.create(modem, config)) {
            SendReceipt receipt = mailer.send(mail.draft());
            log.info("sent a message through the modem: {} recipients in {} ms", receipt.recipients(),
                    receipt.totalTime().toMillis());
        } catch (Uc15Exception e) {
            String why = e.isOutcomeUnknown()
                    ? "the outcome of the send is unknown (the modem had accepted it); sending again may deliver it "
                            + "twice: " + e.getMessage()
                    : "the modem could not send the message: " + e.getMessage();
            notifyTransportListeners(TransportEvent.MESSAGE_NOT_DELIVERED, new Address[0], new Address[0], addresses,
                    message);
            throw new SendFailedException(why, e, new Address[0], new Address[0], addresses);
        }
        notifyTransportListeners(TransportEvent.MESSAGE_DELIVERED, addresses, new Address[0], new Address[0], message);
    }

    private String senderAddress(MimeMessage mime) throws MessagingException {
        String from = settings.get("from");
        if (from == null) {
            from = session.getProperty("mail.from");
        }
        if (from == null) {
            Address[] own = mime.getFrom();
            if (own != null && own.length > 0 && own[0] instanceof InternetAddress ia) {
                from = ia.getAddress();
            }
        }
        if (from == null || from.isBlank()) {
            throw new MessagingException(TransportSettings.PREFIX + "from: is required (the sender address the "
                    + "SMTP account may use), or give the message a From");
        }
        return from.strip();
    }

    private String senderName(ConvertedMail mail) {
        String name = settings.get("from-name");
        return name != null ? name : mail.fromName().orElse("");
    }

    @Override
    public synchronized void close() throws MessagingException {
        try {
            if (modem != null) {
                modem.close();
            }
            if (sink instanceof AutoCloseable c) {
                c.close();
            }
        } catch (Exception e) {
            throw new MessagingException("closing the store failed: " + e.getMessage(), e);
        } finally {
            modem = null;
            sink = null;
            super.close();
        }
    }
}
