package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.uc15mail.mail.Apn;
import io.github.uc15mail.mail.Attachment;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.mail.Security;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.error.SmtpServiceException;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.trace.Trace;
import io.github.uc15mail.trace.TraceRecorder;
import io.github.uc15mail.transport.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sends whose traces live in {@code src/test/resources/traces/}: what the host is configured with, what it
 * sends, what happens, and how the emulated modem was set up when the trace was made. {@link RegenerateTracesTest}
 * records them; {@link TraceReplayTest} replays the committed files with the same sends. A file's name (without
 * {@code .jsonl}) is its scenario's name.
 */
enum TraceScenario {

    PLAIN("emulated-uc15-plain", Security.NONE, 0),
    STARTTLS("emulated-uc15-starttls", Security.STARTTLS, 0),
    SSL("emulated-uc15-ssl", Security.SSL, 0),
    ATTACHMENT("emulated-uc15-attachment", Security.NONE, 0),
    NETWORK_ERROR_654("emulated-uc15-654-network-error", Security.NONE, 654),
    CRASH_RECOVERY("emulated-uc15-crash-recovery", Security.NONE, 0);

    static final String USER = "unit7@example.com";
    static final String PASSWORD = "trace-smtp-pw-7781";
    static final String APN_PASSWORD = "trace-apn-pw-4410";

    final String fileName;
    final Security security;
    final int failure;

    TraceScenario(String name, Security security, int failure) {
        this.fileName = name;
        this.security = security;
        this.failure = failure;
    }

    /** The scenario of a trace file, by its name. */
    static TraceScenario of(String file) {
        for (TraceScenario s : values()) {
            if ((s.fileName + ".jsonl").equals(file)) {
                return s;
            }
        }
        throw new AssertionError("no scenario for the trace " + file + ": name it after one of " + List.of(values()));
    }

    SmtpConfig config(String host, int port) {
        return SmtpConfig.builder().server(host, port).security(security).account(USER, PASSWORD)
                .sender("Field Unit 7", USER).apn(Apn.of("internet", "apn-user", APN_PASSWORD)).build();
    }

    EmailDraft draft() {
        EmailDraft.Builder b = EmailDraft.builder().to("ops@example.com").subject("Report").body("Pump 3: pressure low");
        if (this == ATTACHMENT) {
            b.cc("audit@example.com").subject("Readings ✓ Größe").body("Ablesung für Pumpe 3 — siehe Anhang")
                    .attach(Attachment.ofBytes("readings.csv", "t,p\n1,2.5\n2,2.4\n".getBytes(StandardCharsets.UTF_8)))
                    .attach(Attachment.ofBytes("blob.bin", binary(1500)));
        }
        if (this == CRASH_RECOVERY) {
            b.attach(Attachment.ofBytes("readings.csv", "t,p\n1,2.5\n".getBytes(StandardCharsets.UTF_8)));
        }
        return b.build();
    }

    static byte[] binary(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    /** Sends the draft over {@code transport} and checks the outcome this scenario expects. */
    void sendAndCheck(Transport transport, String host, int port) throws IOException {
        try (ModemMailer mailer = ModemMailer.open(transport, config(host, port))) {
            if (failure == 0) {
                assertEquals(1 + (this == ATTACHMENT ? 1 : 0), mailer.send(draft()).recipients());
            } else {
                Uc15Exception e = assertThrows(Uc15Exception.class, () -> mailer.send(draft()));
                assertEquals(failure, assertInstanceOf(SmtpServiceException.class, e).errorCode(), e.toString());
            }
        }
    }

    /** Records this scenario against a fresh emulator and real SMTP servers into {@code file}. */
    void record(Path file) throws Exception {
        try (Uc15Emulator modem = Uc15Emulator.create(); SubethaServer server = server()) {
            if (this == CRASH_RECOVERY) {
                crashFirst(modem, server.port());
            }
            if (failure != 0) {
                modem.faults().forcePutResult(failure, 0);
            }
            TraceRecorder recorder = TraceRecorder.builder(modem.connect(), file).source(fileName.substring(0,
                    fileName.indexOf('-', "emulated-".length()))).sdkVersion("test").build();
            sendAndCheck(recorder, "127.0.0.1", server.port());
        }
    }

    private SubethaServer server() {
        return switch (security) {
            case STARTTLS -> SubethaServer.startTls(TestCerts.get("trace").serverContext());
            case SSL -> SubethaServer.implicitTls(TestCerts.get("trace").serverContext());
            default -> SubethaServer.plain(0, 0);
        };
    }

    /** A host that dies when it asks the modem to send: its files, content and PDP context stay behind. */
    private void crashFirst(Uc15Emulator modem, int port) throws IOException {
        modem.faults().closeLinkOnNext("AT+QSMTPPUT");
        try (ModemMailer crashed = ModemMailer.open(modem.connect(), config("127.0.0.1", port))) {
            assertThrows(Uc15Exception.class, () -> crashed.send(draft()));
        }
        modem.faults().clear();
    }

    private static final Pattern SERVER = Pattern.compile("AT\\+QSMTPCFG=\"smtpserver\",\"([^\"]*)\",(\\d+)");

    /** The SMTP server the recorded host was configured with (its port was an ephemeral one). */
    static String[] recordedServer(Trace trace) {
        for (var r : trace.records()) {
            if (r.text() != null && r.fromHost()) {
                Matcher m = SERVER.matcher(r.text());
                if (m.find()) {
                    return new String[] {m.group(1), m.group(2)};
                }
            }
        }
        throw new AssertionError("the trace never configures an SMTP server");
    }
}
