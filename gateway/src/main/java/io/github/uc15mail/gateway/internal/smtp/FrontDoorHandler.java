package io.github.uc15mail.gateway.internal.smtp;

import io.github.uc15mail.error.InvalidDraftException.DraftViolation;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.gateway.ConvertedMail;
import io.github.uc15mail.gateway.MailSink;
import io.github.uc15mail.gateway.MimeConverter;
import io.github.uc15mail.gateway.internal.outbox.IdempotencyKeys;
import jakarta.mail.MessagingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMTP mail transaction: checks each {@code RCPT} against the modem's limits, reads {@code DATA}
 * within the size limit, converts it, and hands it to the sink. {@code 250} goes back only after the
 * sink returned; every refusal is a {@link RejectException} built by {@link SmtpReplies}. A message with a
 * Message-ID is handed in with an idempotency key ({@link IdempotencyKeys}): the same message again gets
 * {@code 250} with the first one's id and is not queued twice.
 */
public final class FrontDoorHandler implements MessageHandler {

    private static final Logger log = LoggerFactory.getLogger("io.github.uc15mail.gateway.FrontDoor");

    private final MessageContext context;
    private final MimeConverter converter;
    private final MailSink sink;
    private final int maxSize;
    private final boolean keepFromName;
    private final LineDeadlines deadlines;
    private final List<String> recipients = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    public FrontDoorHandler(MessageContext context, MimeConverter converter, MailSink sink, int maxSize,
            boolean keepFromName, LineDeadlines deadlines) {
        this.deadlines = deadlines;
        this.context = context;
        this.converter = converter;
        this.sink = sink;
        this.maxSize = maxSize;
        this.keepFromName = keepFromName;
    }

    @Override
    public void from(String from) throws RejectException {
        // The modem sends as its configured sender; the envelope sender is not used.
        java.util.Optional<String> why = sink.unavailable();
        if (why.isPresent()) {
            throw new RejectException(451, "4.3.0 Not taking mail now: " + why.get() + "; try again later");
        }
    }

    @Override
    public void recipient(String recipient) throws RejectException {
        String key = recipient.toLowerCase(Locale.ROOT);
        if (seen.contains(key)) {
            return;
        }
        if (recipients.size() >= EmailDraft.MAX_RECIPIENTS) {
            throw SmtpReplies.tooManyRecipients();
        }
        List<DraftViolation> problems = EmailDraft.builder().to(recipient).validate();
        for (DraftViolation v : problems) {
            if (v.field().equals("to[0]")) {
                throw SmtpReplies.badRecipient(recipient, "must be " + v.limit());
            }
        }
        seen.add(key);
        recipients.add(recipient);
    }

    /**
     * Reads, converts and stores the message. A refusal ends the mail transaction, as RFC 5321 says the
     * reply to the end of data does (the library would otherwise keep it open and answer the next
     * {@code MAIL} with 503).
     */
    @Override
    public String data(InputStream data) throws RejectException, IOException {
        try {
            return receive(data);
        } catch (RejectException e) {
            if (context instanceof Session session) {
                session.resetMailTransaction();
            }
            throw e;
        }
    }

    private String receive(InputStream in) throws RejectException, IOException {
        InputStream data = context instanceof Session session ? new LineMarks(in, session) : in;
        byte[] raw = data.readNBytes(maxSize + 1);
        if (raw.length > maxSize) {
            data.transferTo(java.io.OutputStream.nullOutputStream());
            throw SmtpReplies.tooBig(maxSize);
        }
        ConvertedMail mail;
        try {
            mail = converter.convert(new ByteArrayInputStream(raw), recipients);
        } catch (IllegalArgumentException e) {
            log.info("refused a message from {}: {}", context.getRemoteAddress(), e.getMessage());
            throw SmtpReplies.cannotCarry(e);
        } catch (MessagingException | IOException e) {
            log.info("refused an unreadable message from {}: {}", context.getRemoteAddress(), e.getMessage());
            throw SmtpReplies.unreadable(e);
        }
        String id;
        String key = sink.deduplicates() ? IdempotencyKeys.of(messageId(raw), recipients, raw) : null;
        try {
            String name = keepFromName && mail.fromName().isPresent() ? mail.fromName().get() : null;
            if (key != null) {
                id = sink.accept(mail.draft(), name, key);
            } else if (name != null) {
                id = sink.accept(mail.draft(), name);
            } else {
                id = sink.accept(mail.draft());
            }
        } catch (IllegalArgumentException e) {
            log.info("refused a message from {}: {}", context.getRemoteAddress(), e.getMessage());
            throw SmtpReplies.cannotCarry(e);
        } catch (Exception e) {
            log.warn("could not store a message from {} ({}); answered 451", context.getRemoteAddress(), e.toString());
            throw SmtpReplies.notStored();
        }
        log.info("accepted message {}: {} recipients, {} bytes, {} attachments{}", id, mail.draft().recipients().size(),
                raw.length, mail.draft().attachments().size(), mail.notes().isEmpty() ? "" : "; " + mail.notes());
        return SmtpReplies.queued(id);
    }

    /** The message's Message-ID header, or null when it has none (then it is never deduplicated). */
    private static String messageId(byte[] raw) {
        try {
            return new jakarta.mail.internet.InternetHeaders(new ByteArrayInputStream(raw)).getHeader("Message-ID", null);
        } catch (MessagingException e) {
            return null;
        }
    }

    /** Each line of message text that arrives starts the next line's deadline. */
    private final class LineMarks extends java.io.FilterInputStream {
        private final Session session;

        LineMarks(InputStream in, Session session) {
            super(in);
            this.session = session;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b == '\n') {
                deadlines.lineDone(session.getRealRemoteAddress());
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            for (int i = off; i < off + n; i++) {
                if (b[i] == '\n') {
                    deadlines.lineDone(session.getRealRemoteAddress());
                    break;
                }
            }
            return n;
        }
    }

    @Override
    public void done() {
        // nothing held
    }
}
