package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.github.uc15mail.mail.Apn;
import io.github.uc15mail.mail.Attachment;
import io.github.uc15mail.error.ModemErrorException.CmeErrorException;
import io.github.uc15mail.error.CommandTimeoutException;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.error.ModemErrorException;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.error.ModemNotReadyException;
import io.github.uc15mail.error.ModemRestartedException;
import io.github.uc15mail.mail.Security;
import io.github.uc15mail.error.SmtpServiceException;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.error.TransportClosedException;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.module.ModuleProfile.UnsupportedModuleException;
import io.github.uc15mail.at.AtSession;
import io.github.uc15mail.at.CommandKind;
import io.github.uc15mail.transport.Transport;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every step of the send flow × every fault the emulator can inject there. Each cell: a fresh emulator (PDP
 * inactive, so the APN is configured), one send with the fault armed at that step, then checks: the send
 * ends with the expected typed outcome, the modem is left clean, and the next send (on the same mailer, or on
 * a new link after the link was dropped) delivers exactly once and leaves the modem clean. The result table
 * is written to {@code target/fault-matrix.md}.
 */
class FaultMatrixTest {

    /** The faults of the columns. */
    enum Fault {
        ERROR("ERROR"), CME("+CME ERROR"), SILENCE("silence"), GARBAGE("garbage"), CHUNK1("1-byte chunks"),
        URC_NOISE("URC noise"), RESET("reset (RDY)"), CLOSE("link closed");

        final String title;

        Fault(String title) {
            this.title = title;
        }
    }

    /** One row: a command of the plan (the nth one starting with {@code prefix}), or the result URC. */
    record Step(String label, String prefix, int nth, boolean cleanup, boolean urc) {}

    record Cell(String result, String detail, int injected) {}

    static final byte[] GARBAGE = {0x00, (byte) 0xFF, '#', '~', 0x1B, 'x', 0x7F, (byte) 0x80};
    /** The command deadline of a SILENCE cell: what the cell waits out. */
    static final Duration COMMAND_TIMEOUT = Duration.ofMillis(1000);
    static final Duration PUT_RESULT_DELAY = Duration.ofMillis(600);
    /** The result deadline of the URC row's SILENCE cell: what that cell waits out. */
    static final Duration SEND_RESULT_TIMEOUT = Duration.ofSeconds(3);
    /**
     * Every other deadline of a cell: answers that do come must never miss theirs, even when cells run side
     * by side on a loaded machine (a deadline, not a measurement).
     */
    static final Duration GENEROUS = Duration.ofSeconds(20);

    static GreenMail greenMail;
    static final Map<String, Cell> RESULTS = new ConcurrentHashMap<>();
    static final List<Step> STEPS = new ArrayList<>();
    static final AtomicInteger SUBJECTS = new AtomicInteger();

    @BeforeAll
    static void startServer() throws Exception {
        greenMail = GreenMailServers.create(Uc15EmulatorExtension.setup(ServerSetup.PROTOCOL_SMTPS));
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        // One delivery first, so the cells' deadlines do not also pay for loading and initialising TLS.
        try (Uc15Emulator modem = Uc15Emulator.builder().build();
                ModemMailer mailer = mailer(modem.connect(), config(null, null))) {
            mailer.send(draft("warm-up", "w.csv"));
        }
    }

    @AfterAll
    static void stopServerAndWriteTable() throws IOException {
        if (greenMail != null) {
            greenMail.stop();
        }
        writeTable();
    }

    static SmtpConfig config() {
        return config(null, null);
    }

    /**
     * The configuration of a cell. A SILENCE cell waits out {@link #COMMAND_TIMEOUT} on every command (the
     * recovery from a silenced data-mode command times out on purpose too) and, in the URC row,
     * {@link #SEND_RESULT_TIMEOUT}; every other deadline of every cell is {@link #GENEROUS}, so a cell whose
     * answers do come never misses one when cells run side by side on a loaded machine.
     */
    static SmtpConfig config(Step step, Fault fault) {
        boolean silence = fault == Fault.SILENCE;
        SmtpConfig.Builder b = SmtpConfig.builder().server("127.0.0.1", greenMail.getSmtps().getPort())
                .security(Security.SSL).account("unit7@example.com", "matrix-pw").sender("Unit 7", "unit7@example.com")
                .apn(Apn.of("internet.test", "apnuser", "apn-pw")).sendTimeoutSeconds(60)
                .sendResultTimeout(silence && step.urc() ? SEND_RESULT_TIMEOUT : GENEROUS)
                .busyWait(Duration.ofSeconds(10));
        for (CommandKind k : CommandKind.values()) {
            b.commandTimeout(k, silence ? COMMAND_TIMEOUT : GENEROUS);
        }
        return b.build();
    }

    static EmailDraft draft(String subject, String attachment) {
        return EmailDraft.builder().to("ops@example.com").subject(subject).body("Pressure low at pump 3.\r\n")
                .attach(Attachment.ofBytes(attachment, "t,p\n1,2\n".getBytes(StandardCharsets.US_ASCII))).build();
    }

    /** The rows, from the script the flow writes to a fresh modem. */
    static List<Step> steps() {
        List<String> plan = ModemMailer.plan(config(), draft("plan", "a.csv"));
        List<Step> steps = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        boolean cleanup = false;
        for (String line : plan) {
            if (line.startsWith("<wait")) {
                steps.add(new Step("+QSMTPPUT: result URC", null, 0, false, true));
                cleanup = true;
                continue;
            }
            if (line.startsWith("<")) {
                continue;
            }
            int mask = line.indexOf("\"****\"");
            String prefix = mask >= 0 ? line.substring(0, mask) : line;
            if (line.startsWith("AT+QSMTPSUB=")) {
                // the subject differs from cell to cell
                prefix = "AT+QSMTPSUB=";
                line = "AT+QSMTPSUB=0,\"<subject>\"";
            }
            int nth = 1;
            for (String s : seen) {
                if (s.toUpperCase(Locale.ROOT).startsWith(prefix.toUpperCase(Locale.ROOT))) {
                    nth++;
                }
            }
            seen.add(line);
            String label = (cleanup ? "cleanup " : "") + line + (nth > 1 ? " (#" + nth + ")" : "");
            steps.add(new Step(label, prefix, nth, cleanup, false));
        }
        return steps;
    }

    /** The cells share nothing but the SMTP server (each has its own emulator and subjects), so they run side by side. */
    @TestFactory
    @Execution(ExecutionMode.CONCURRENT)
    Stream<DynamicTest> matrix() {
        STEPS.clear();
        STEPS.addAll(steps());
        List<DynamicTest> tests = new ArrayList<>();
        for (Step step : STEPS) {
            for (Fault fault : Fault.values()) {
                String key = key(step, fault);
                String na = notApplicable(step, fault);
                if (na != null) {
                    RESULTS.put(key, new Cell("n/a", na, 0));
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(step.label() + " × " + fault.title, () -> {
                    try {
                        int injected = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60),
                                () -> runCell(step, fault));
                        RESULTS.put(key, new Cell("pass", "", injected));
                    } catch (Throwable t) {
                        RESULTS.put(key, new Cell("FAIL", String.valueOf(t.getMessage()), 0));
                        throw t;
                    }
                }));
            }
        }
        return tests.stream();
    }

    static String key(Step s, Fault f) {
        return s.label() + "|" + f;
    }

    /** Why a fault cannot happen at a step, or null when it can. */
    static String notApplicable(Step step, Fault fault) {
        if (step.urc() && fault == Fault.ERROR) {
            return "a result URC carries an error code (the +CME ERROR column), never a bare ERROR";
        }
        if (fault == Fault.CME && step.prefix() != null
                && (step.prefix().equals("AT") || step.prefix().equals("ATE0") || step.prefix().startsWith("AT+CMEE"))) {
            return "basic control commands answer OK or ERROR; +CME ERROR reporting is what AT+CMEE=1 turns on";
        }
        return null;
    }

    /** The +CME ERROR code a modem could plausibly give at this step. */
    static int cmeCode(Step step) {
        String p = step.prefix().toUpperCase(Locale.ROOT);
        if (p.startsWith("AT+CPIN")) {
            return 10; // SIM not inserted
        }
        if (p.startsWith("AT+CGREG") || p.startsWith("AT+QIACT")) {
            return 30; // no network service
        }
        if (p.startsWith("AT+QICSGP") || p.startsWith("AT+QSSLCFG")) {
            return 50; // incorrect parameters
        }
        if (p.startsWith("AT+QSMTPCLR")) {
            return 652; // busy: an earlier send still running
        }
        if (p.startsWith("AT+QSMTPATT")) {
            return 661; // open file failed
        }
        if (p.startsWith("AT+QSMTPPUT")) {
            return 659; // no recipient
        }
        if (p.startsWith("AT+QSMTP")) {
            return 664; // wrong parameter
        }
        if (p.startsWith("AT+QFUPL")) {
            return 423; // no space left
        }
        return 400; // file command: invalid input
    }

    static boolean preflight(String p) {
        return p.equals("AT") || p.startsWith("ATE") || p.startsWith("AT+CMEE") || p.startsWith("AT+CPIN")
                || p.startsWith("AT+CGREG") || moduleProbe(p);
    }

    /** The module identification of the preflight: ATI and the test commands. */
    static boolean moduleProbe(String p) {
        return p.equals("ATI") || p.equals("AT+QSMTPCFG=?") || p.equals("AT+QSSLCFG=?");
    }

    /**
     * Steps where one refusal is recovered from: activating the PDP context (deactivate, then activate
     * again) and SSL version 4 (fall back to TLS 1.2).
     */
    static boolean recoveredOnce(String p) {
        return p.startsWith("AT+QIACT=") || p.startsWith("AT+QSSLCFG=\"SSLVERSION\"");
    }

    /** The outcome a send must end with: null = success, else the exception type. */
    static Class<? extends Throwable> expected(Step step, Fault fault) {
        if (step.cleanup()) {
            return null;
        }
        String p = step.urc() ? "URC" : step.prefix().toUpperCase(Locale.ROOT);
        boolean pdp = p.startsWith("AT+QIACT") || p.startsWith("AT+QICSGP");
        switch (fault) {
            case GARBAGE:
            case CHUNK1:
            case URC_NOISE:
                return null;
            case RESET:
                // A restart during the preflight is taken from the top (the host opened the port while the
                // module powered on); later, the send's state is gone and the send fails.
                return preflight(p) ? null : ModemRestartedException.class;
            case CLOSE:
                return TransportClosedException.class;
            case ERROR:
                if (p.equals("AT+QSMTPCFG=?") || p.equals("AT+QSSLCFG=?")) {
                    // a module that refuses the test command lacks the service: refused before any setting
                    return UnsupportedModuleException.class;
                }
                if (p.startsWith("AT+QFLST") || p.startsWith("AT+QFLDS")) {
                    return null; // a failed listing or free-space query does not stop the send
                }
                if (recoveredOnce(p)) {
                    return null;
                }
                return pdp ? ModemNotReadyException.class : ModemErrorException.class;
            case CME:
                if (step.urc()) {
                    return SmtpServiceException.class;
                }
                if (recoveredOnce(p)) {
                    return null;
                }
                if (p.equals("AT+QSSLCFG=?")) {
                    return UnsupportedModuleException.class; // +CME ERROR: 50 to the SSL test: no usable SSL
                }
                // +CME ERROR: 664 to AT+QSMTPCFG=? is an SMTP service error: the service exists, so it is
                // thrown as it came (below), not taken for a module without SMTP
                if (p.startsWith("AT+QFLST") || p.startsWith("AT+QFLDS") || p.startsWith("AT+QSMTPCLR")) {
                    return null; // listing and free-space failures tolerated; 652 on QSMTPCLR is waited out
                }
                if (p.startsWith("AT+CPIN") || p.startsWith("AT+CGREG") || pdp) {
                    return ModemNotReadyException.class;
                }
                if (p.startsWith("AT+QSMTPATT")) {
                    return SmtpServiceException.class;
                }
                if (p.startsWith("AT+QSMTPPUT")) {
                    return SmtpServiceException.class;
                }
                if (p.startsWith("AT+QSMTP")) {
                    return SmtpServiceException.class;
                }
                return CmeErrorException.class;
            case SILENCE:
                if (p.equals("AT")) {
                    return null; // the first AT is tried again after the resync
                }
                return pdp ? ModemNotReadyException.class : CommandTimeoutException.class;
            default:
                throw new IllegalStateException();
        }
    }

    // ------------------------------------------------------------------ one cell

    static final class Link {
        volatile Transport replacement;
    }

    /** What the URC-row injector did: its failure, and how often it injected (for faults the modem does not count). */
    static final class Actor {
        final AtomicReference<Throwable> problem = new AtomicReference<>();
        final AtomicInteger injected = new AtomicInteger();
        Thread thread;
    }

    /** The counter that proves {@code fault} was injected at {@code step}. */
    static FaultKind kind(Step step, Fault fault) {
        return switch (fault) {
            case ERROR -> FaultKind.ERROR;
            case CME -> step.urc() ? FaultKind.FORCED_RESULT : FaultKind.CME_ERROR;
            case SILENCE -> step.urc() ? FaultKind.PUT_RESULT_DELAY : FaultKind.SILENCE;
            // in the URC row the noise is written as raw bytes while the send runs
            case GARBAGE -> FaultKind.GARBAGE;
            case URC_NOISE -> step.urc() ? FaultKind.GARBAGE : FaultKind.URC_NOISE;
            case CHUNK1 -> FaultKind.CHUNKS;
            case RESET -> FaultKind.RESET;
            // in the URC row the link is replaced by a new connection: the injector counts it
            case CLOSE -> step.urc() ? null : FaultKind.CLOSE_LINK;
        };
    }

    static ModemMailer mailer(Transport transport, SmtpConfig config) throws IOException {
        return ModemMailer.builder(io.github.uc15mail.Modem.open(transport), config).ownsSession(true).build();
    }

    /** Runs one cell; returns how often its fault was injected (at least 1, or the cell fails). */
    int runCell(Step step, Fault fault) throws Exception {
        SmtpConfig config = config(step, fault);
        try (Uc15Emulator modem = Uc15Emulator.builder().smtpTimeoutScale(0.1).build()) {
            Faults f = modem.faults();
            Link link = new Link();
            Actor actor = null;
            if (step.urc()) {
                f.putResultDelay(fault == Fault.SILENCE ? SEND_RESULT_TIMEOUT.plusSeconds(2) : PUT_RESULT_DELAY);
                actor = armDuringSend(modem, fault, link);
            } else {
                arm(f, fault, step.prefix(), step.nth());
            }
            String subject = "cell-" + SUBJECTS.incrementAndGet();
            ModemMailer mailer = mailer(modem.connect(), config);
            Throwable outcome = null;
            try {
                mailer.send(draft(subject, "a.csv"));
            } catch (Uc15Exception e) {
                outcome = e;
            }
            if (actor != null) {
                actor.thread.join(10_000);
                assertFalse(actor.thread.isAlive(), "the injector did not finish");
                if (actor.problem.get() != null) {
                    throw new AssertionError("the injector failed: " + actor.problem.get(), actor.problem.get());
                }
            }
            FaultKind kind = kind(step, fault);
            int injected = kind != null ? f.injected(kind) : actor.injected.get();
            assertTrue(injected >= 1, "the fault " + fault.title + " was never injected (" + kind + " = 0)");
            Class<? extends Throwable> want = expected(step, fault);
            if (want == null) {
                if (outcome != null) {
                    fail("expected success, got " + describe(outcome));
                }
                assertEquals(1, delivered(subject), "the email arrived once");
            } else {
                if (outcome == null) {
                    fail("expected " + want.getSimpleName() + ", the send succeeded");
                }
                if (!want.isInstance(outcome)) {
                    fail("expected " + want.getSimpleName() + ", got " + describe(outcome));
                }
                assertTrue(delivered(subject) <= 1, "never delivered twice");
            }
            f.clear();
            boolean linkLost = fault == Fault.CLOSE;
            if (!linkLost && !step.cleanup()) {
                assertClean(modem, "after the faulty send");
            }
            if (linkLost) {
                mailer.close();
                Transport t = link.replacement != null ? link.replacement : modem.connect();
                mailer = mailer(t, config);
            }
            try {
                String next = "next-" + SUBJECTS.incrementAndGet();
                mailer.send(draft(next, "b.csv"));
                assertEquals(1, delivered(next), "the next email arrived once");
                assertClean(modem, "after the next send");
            } finally {
                mailer.close();
            }
            return injected;
        }
    }

    static String describe(Throwable t) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    static void assertClean(Uc15Emulator modem, String when) {
        assertFalse(modem.isInDataMode(), "modem in data mode " + when);
        assertTrue(modem.isContentEmpty(), "email content left " + when);
        assertTrue(modem.ramFiles().isEmpty(), "RAM files left " + when + ": " + modem.ramFiles().keySet());
        assertFalse(modem.isSendInProgress(), "send in progress " + when);
    }

    static long delivered(String subject) throws MessagingException {
        long n = 0;
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (subject.equals(m.getSubject())) {
                n++;
            }
        }
        return n;
    }

    /** Arms {@code fault} for the {@code nth} command starting with {@code prefix}. */
    static void arm(Faults f, Fault fault, String prefix, int nth) {
        if (nth > 1 && (fault == Fault.SILENCE || fault == Fault.CLOSE)) {
            // these faults have no count: arm them when the one before arrives
            f.onNth(prefix, nth - 1, () -> arm(f, fault, prefix, 1));
            return;
        }
        switch (fault) {
            case ERROR -> f.errorOn(prefix, nth);
            case CME -> f.cmeErrorOn(prefix, nth, cmeCode(new Step("", prefix, nth, false, false)));
            case SILENCE -> f.silenceNext(prefix);
            case GARBAGE -> f.onNth(prefix, nth, () -> f.garbageBeforeNextReply(GARBAGE));
            case CHUNK1 -> f.onNth(prefix, nth, () -> f.chunkReplies(1));
            case URC_NOISE -> f.onNth(prefix, nth, () -> f.urcNoise(true));
            case RESET -> f.resetOnNth(prefix, nth);
            case CLOSE -> f.closeLinkOnNext(prefix);
            default -> throw new IllegalStateException();
        }
    }

    /** For the URC row: a thread that waits until the modem is sending, then injects the fault. */
    static Actor armDuringSend(Uc15Emulator modem, Fault fault, Link link) {
        Faults f = modem.faults();
        if (fault == Fault.CME) {
            f.forcePutResult(677, 535);
            return null;
        }
        if (fault == Fault.SILENCE) {
            return null;
        }
        Actor actor = new Actor();
        Thread t = new Thread(() -> {
            try {
                Await.until("the send to start (nothing injected before)", Duration.ofSeconds(20),
                        modem::isSendInProgress);
                switch (fault) {
                    case GARBAGE -> f.garbage(GARBAGE);
                    case CHUNK1 -> f.chunkReplies(1);
                    case URC_NOISE -> f.garbage("\r\n+CMTI: \"SM\",3\r\n\r\n+QIND: \"csq\",20,99\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    case RESET -> f.resetModem();
                    case CLOSE -> link.replacement = modem.connect();
                    default -> throw new IllegalStateException("no injector for " + fault.name());
                }
                actor.injected.incrementAndGet();
            } catch (Throwable e) {
                actor.problem.set(e);
            }
        }, "matrix-actor");
        t.setDaemon(true);
        actor.thread = t;
        t.start();
        return actor;
    }

    // ------------------------------------------------------------------ the table

    static void writeTable() throws IOException {
        if (STEPS.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("# Fault matrix\n\n");
        int tried = 0;
        int passed = 0;
        int na = 0;
        Map<String, String> naReasons = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        sb.append("| step |");
        for (Fault f : Fault.values()) {
            sb.append(' ').append(f.title).append(" |");
        }
        sb.append("\n|---|");
        for (int i = 0; i < Fault.values().length; i++) {
            sb.append("---|");
        }
        sb.append('\n');
        for (Step s : STEPS) {
            sb.append("| `").append(s.label().replace("|", "\\|")).append("` |");
            for (Fault f : Fault.values()) {
                Cell c = RESULTS.get(key(s, f));
                String r = c == null ? "not run" : c.result();
                sb.append(' ').append(r);
                if (c != null && r.equals("pass")) {
                    sb.append(" (injected ").append(c.injected()).append("×)");
                }
                sb.append(" |");
                if (c != null) {
                    switch (r) {
                        case "pass" -> {
                            tried++;
                            passed++;
                        }
                        case "FAIL" -> {
                            tried++;
                            failures.add(s.label() + " × " + f.title + ": " + c.detail());
                        }
                        default -> {
                            na++;
                            naReasons.putIfAbsent(c.detail(), s.label() + " × " + f.title);
                        }
                    }
                }
            }
            sb.append('\n');
        }
        sb.append("\n**").append(tried).append(" cells tried, ").append(passed).append(" passed, ")
                .append(tried - passed).append(" failed; ").append(na).append(" n/a.**\n\n");
        sb.append("Legend: *pass* = the send ended with the expected typed outcome (success where the SDK must ")
                .append("tolerate the fault), the modem was left clean (command mode, content cleared, no RAM file, ")
                .append("no send in progress; for cleanup steps and a closed link: after the next send), and the next ")
                .append("send delivered exactly once; *(injected n×)* = how often the emulator counted that fault as injected in ")
                .append("the cell (a cell whose fault was never injected fails). *n/a* = the fault cannot happen there:\n\n");
        naReasons.forEach((reason, example) -> sb.append("- ").append(reason).append(" (e.g. ").append(example)
                .append(")\n"));
        if (!failures.isEmpty()) {
            sb.append("\nFailed cells:\n\n");
            failures.forEach(x -> sb.append("- ").append(x).append('\n'));
        }
        Path out = Path.of(System.getProperty("basedir", "."), "target", "fault-matrix.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, sb.toString());
    }
}
