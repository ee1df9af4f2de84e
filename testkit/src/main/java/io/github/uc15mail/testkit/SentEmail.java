package io.github.uc15mail.testkit;

import io.github.uc15mail.testkit.internal.MailSnapshot;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An email the host asked for with {@code AT+QSMTPPUT}, once its {@code +QSMTPPUT:} URC was sent.
 *
 * <p>Guarantees: the configuration and content are those the modem held when it answered {@code OK} to
 * {@code AT+QSMTPPUT} (later changes do not show); {@link #err()} and {@link #protocolError()} are exactly
 * the values of the URC the host was sent. {@link #subject()} and {@link #body()} are decoded with the
 * charset the host declared (0 ASCII, 1 UTF-8, 2 GB2312, 3 BIG5).
 *
 * <p>Does not guarantee that a message was delivered: check {@link #err()} == 0 and {@link #forced()} ==
 * false, and look at the SMTP server to see what arrived. Not recorded: a {@code AT+QSMTPPUT} refused with
 * {@code +CME ERROR}, or a send abandoned by {@code resetModem()}.
 */
public final class SentEmail {

    private final MailSnapshot s;
    private final int err;
    private final int protocolError;
    private final String detail;
    private final boolean forced;
    private final String imei;
    private final List<RecordedCommand> commands;

    SentEmail(MailSnapshot snapshot, int err, int protocolError, String detail, boolean forced) {
        this(snapshot, err, protocolError, detail, forced, "", List.of());
    }

    SentEmail(MailSnapshot snapshot, int err, int protocolError, String detail, boolean forced, String imei,
            List<RecordedCommand> commands) {
        this.s = snapshot;
        this.err = err;
        this.protocolError = protocolError;
        this.detail = detail;
        this.forced = forced;
        this.imei = imei;
        this.commands = List.copyOf(commands);
    }

    /** The IMEI of the emulated modem that took this send ({@code AT+GSN}). */
    public String imei() {
        return imei;
    }

    /**
     * The commands the modem recorded for this send, in order: every command since the previous accepted
     * {@code AT+QSMTPPUT} (or since power-on of the emulator), ending with this send's {@code AT+QSMTPPUT}. A
     * test can check that another send's commands do not appear among them (no interleaving).
     */
    public List<RecordedCommand> commands() {
        return commands;
    }

    /** Whether the message really went to the SMTP server: {@code err() == 0} and not {@link #forced()}. */
    public boolean delivered() {
        return err == 0 && !forced;
    }

    /** {@code smtpserver} address. */
    public String server() {
        return s.server();
    }

    /** {@code smtpserver} port. */
    public int port() {
        return s.port();
    }

    /** {@code ssltype}: 0 plain, 1 implicit TLS, 2 STARTTLS. */
    public int sslType() {
        return s.sslType();
    }

    /** {@code sslctxid}. */
    public int sslCtxId() {
        return s.sslCtxId();
    }

    /** The account user name ({@code ""} when none: no AUTH). */
    public String accountUser() {
        return s.user();
    }

    /** The sender display name. */
    public String senderName() {
        return s.senderName();
    }

    /** The sender address. */
    public String senderEmail() {
        return s.senderEmail();
    }

    /** Recipients of type 1 in the order added. */
    public List<String> to() {
        return s.to();
    }

    /** Recipients of type 2. */
    public List<String> cc() {
        return s.cc();
    }

    /** Recipients of type 3 (envelope only, never in a header). */
    public List<String> bcc() {
        return s.bcc();
    }

    /** The subject charset number (0-3). */
    public int subjectCharset() {
        return s.subjectCharset();
    }

    /** The subject as given on the AT line (the hex string for charsets 1-3). */
    public String subjectRaw() {
        return s.subjectRaw();
    }

    /** The subject decoded. */
    public String subject() {
        return s.subject();
    }

    /** The body charset number (0-3). */
    public int bodyCharset() {
        return s.bodyCharset();
    }

    /** The body decoded with its charset ({@code ""} when no body was set). */
    public String body() {
        return s.bodyText();
    }

    /** The body bytes as uploaded. */
    public byte[] bodyBytes() {
        return s.body().clone();
    }

    /** Attachments in index order, named without the {@code RAM:} prefix, with their bytes (copies). */
    public Map<String, byte[]> attachments() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        s.attachments().forEach((k, v) -> m.put(k, v.clone()));
        return Collections.unmodifiableMap(m);
    }

    /** The {@code <err>} of the URC: 0 sent, else a 65x/66x/67x/68x code. */
    public int err() {
        return err;
    }

    /** The {@code <protocol_error>} of the URC: the SMTP reply code, or 0. */
    public int protocolError() {
        return protocolError;
    }

    /** Whether the result was forced by {@code faults().forcePutResult(..)} (then nothing was sent). */
    public boolean forced() {
        return forced;
    }

    /** A human explanation of the outcome (the exception text on failure), for test diagnostics. */
    public String detail() {
        return detail;
    }

    @Override
    public String toString() {
        return "SentEmail[to=" + to() + ", cc=" + cc() + ", bcc=" + bcc() + ", subject=" + subject()
                + ", result=" + err + "," + protocolError + (forced ? " (forced)" : "") + "]";
    }
}
