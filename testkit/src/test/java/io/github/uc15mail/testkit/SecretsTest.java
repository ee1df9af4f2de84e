package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.github.uc15mail.mail.Apn;
import io.github.uc15mail.error.CommandTimeoutException;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.SendReceipt;
import io.github.uc15mail.mail.Security;
import io.github.uc15mail.error.SmtpServiceException;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.error.TransportClosedException;
import io.github.uc15mail.at.Commands;
import io.github.uc15mail.at.AtResponse;
import io.github.uc15mail.at.AtSession;
import io.github.uc15mail.at.CommandKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Neither the SMTP password nor the APN password appears in any log line (TRACE, traffic logger included),
 * any exception message (causes and suppressed included) or any {@code toString()}, through a successful send
 * and through failures. The emulator's own log lines are checked too.
 */
@org.junit.jupiter.api.parallel.Isolated("changes logging levels and appenders for the whole JVM")
class SecretsTest {

    static final String SMTP_PASSWORD = "Smtp-S3cr3t-7f2q";
    static final String APN_PASSWORD = "Apn-S3cr3t-k9w4";
    static final String USER = "unit7@example.com";

    @RegisterExtension
    final Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer().withUser(USER, SMTP_PASSWORD);

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final List<String> texts = new ArrayList<>();
    private Logger root;
    private Level rootLevel;
    private Logger sdk;
    private Level sdkLevel;

    @BeforeEach
    void captureEverything() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        sdk = (Logger) LoggerFactory.getLogger("io.github.uc15mail");
        rootLevel = root.getLevel();
        sdkLevel = sdk.getLevel();
        root.setLevel(Level.TRACE);
        sdk.setLevel(Level.TRACE);
        ((Logger) LoggerFactory.getLogger("io.github.uc15mail.traffic")).setLevel(Level.TRACE);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void restore() {
        root.detachAppender(appender);
        root.setLevel(rootLevel);
        sdk.setLevel(sdkLevel);
        ((Logger) LoggerFactory.getLogger("io.github.uc15mail.traffic")).setLevel(null);
    }

    private SmtpConfig.Builder config(String password) {
        return SmtpConfig.builder().server("127.0.0.1", uc15.smtpPort()).security(Security.NONE)
                .account(USER, password).sender("Unit 7", USER)
                .apn(new Apn("internet.test", "apnuser", APN_PASSWORD, Apn.Authentication.CHAP));
    }

    private ModemMailer mailer(SmtpConfig config) throws Exception {
        return ModemMailer.builder(io.github.uc15mail.Modem.open(uc15.emulator().connect()), config).ownsSession(true).build();
    }

    private static EmailDraft draft() {
        return EmailDraft.builder().to("ops@example.com").subject("secrets").body("nothing secret here").build();
    }

    private void exception(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        texts.add(w.toString());
        texts.add(t.toString());
    }

    private void assertNoSecret() {
        List<String> all = new ArrayList<>(texts);
        int lines = 0;
        List<ILoggingEvent> events;
        synchronized (appender) {
            events = new ArrayList<>(appender.list);
        }
        for (ILoggingEvent e : events) {
            lines++;
            all.add(e.getLoggerName() + " " + e.getFormattedMessage());
            for (IThrowableProxy p = e.getThrowableProxy(); p != null; p = p.getCause()) {
                all.add(p.getClassName() + ": " + p.getMessage());
                for (IThrowableProxy s : p.getSuppressed()) {
                    all.add(s.getClassName() + ": " + s.getMessage());
                }
            }
        }
        assertTrue(lines > 0, "log lines were captured");
        for (String text : all) {
            assertFalse(text.contains(SMTP_PASSWORD), "SMTP password in: " + text);
            assertFalse(text.contains(APN_PASSWORD), "APN password in: " + text);
        }
    }

    @Test
    void aSuccessfulSendWithApnAndTheAccountQueryShowNoSecret() throws Exception {
        SmtpConfig config = config(SMTP_PASSWORD).build();
        try (ModemMailer mailer = mailer(config)) {
            SendReceipt receipt = mailer.send(draft());
            texts.add(receipt.toString());
            texts.add(config.toString());
            texts.add(draft().toString());
            texts.add(config.apn().orElseThrow().toString());
            texts.addAll(mailer.plan(draft()));
            AtResponse account = mailer.session().execute(Commands.smtpQuery("account")).get();
            texts.add(account.toString());
            assertTrue(account.lines().stream().anyMatch(l -> l.contains(SMTP_PASSWORD)),
                    "the caller still gets the real reply");
        }
        assertEquals(1, uc15.receivedMessages().length);
        assertTrue(uc15.emulator().commands().stream().anyMatch(c -> c.line().startsWith("AT+QICSGP")),
                "the APN (with its password) was configured");
        List<ILoggingEvent> events;
        synchronized (appender) {
            events = new ArrayList<>(appender.list);
        }
        assertTrue(events.stream().anyMatch(e -> e.getLoggerName().equals("io.github.uc15mail.traffic")
                && e.getFormattedMessage().contains("+QSMTPCFG: \"account\"")), "the account reply was logged, masked");
        assertNoSecret();
    }

    @Test
    void anAuthenticationFailureShowsNoSecret() throws Exception {
        String wrong = "Wr0ng-S3cr3t-x81";
        try (ModemMailer mailer = mailer(config(wrong).build())) {
            SmtpServiceException e = assertThrows(SmtpServiceException.class, () -> mailer.send(draft()));
            exception(e);
        }
        for (String t : texts) {
            assertFalse(t.contains(wrong), t);
        }
        assertNoSecret();
    }

    @Test
    void aTimeoutOnTheAccountCommandShowsNoSecret() throws Exception {
        uc15.emulator().faults().silenceNext("AT+QSMTPCFG=\"account\"");
        try (ModemMailer mailer = mailer(config(SMTP_PASSWORD)
                .commandTimeout(CommandKind.SMTP_CONFIG, Duration.ofMillis(500)).build())) {
            CommandTimeoutException e = assertThrows(CommandTimeoutException.class, () -> mailer.send(draft()));
            assertTrue(e.command().contains("account"), e.command());
            exception(e);
        }
        assertNoSecret();
    }

    @Test
    void aClosedLinkOnTheApnCommandShowsNoSecret() throws Exception {
        uc15.emulator().faults().closeLinkOnNext("AT+QICSGP");
        try (ModemMailer mailer = mailer(config(SMTP_PASSWORD).build())) {
            Exception e = assertThrows(Exception.class, () -> mailer.send(draft()));
            assertTrue(e instanceof TransportClosedException || e.getCause() instanceof TransportClosedException,
                    String.valueOf(e));
            exception(e);
        }
        assertNoSecret();
    }

    @Test
    void badInputIsRefusedWithoutShowingTheSecret() {
        for (String bad : List.of(SMTP_PASSWORD + "\"", SMTP_PASSWORD + "\r\n", SMTP_PASSWORD + "x".repeat(60))) {
            exception(assertThrows(IllegalArgumentException.class, () -> config(bad).build()));
            exception(assertThrows(IllegalArgumentException.class, () -> new Apn("internet", "u", bad,
                    Apn.Authentication.PAP)));
        }
        for (String t : texts) {
            assertFalse(t.contains(SMTP_PASSWORD), t);
        }
    }
}
