package io.github.uc15mail.internal.mail;

import io.github.uc15mail.Attachment;
import io.github.uc15mail.CmeErrorException;
import io.github.uc15mail.CommandTimeoutException;
import io.github.uc15mail.EmailDraft;
import io.github.uc15mail.MailCharset;
import io.github.uc15mail.ModemErrorException;
import io.github.uc15mail.ModemNotReadyException;
import io.github.uc15mail.ModemRestartedException;
import io.github.uc15mail.ModemNotReadyException.Reason;
import io.github.uc15mail.SendPhase;
import io.github.uc15mail.SendProgressListener;
import io.github.uc15mail.SendReceipt;
import io.github.uc15mail.Security;
import io.github.uc15mail.SmtpBusyException;
import io.github.uc15mail.SmtpConfig;
import io.github.uc15mail.SmtpServiceException;
import io.github.uc15mail.SubmitGate;
import io.github.uc15mail.TransportClosedException;
import io.github.uc15mail.Uc15Exception;
import io.github.uc15mail.at.AtCommand;
import io.github.uc15mail.at.AtCommands;
import io.github.uc15mail.at.AtResponse;
import io.github.uc15mail.at.DataPayload;
import io.github.uc15mail.at.Urc;
import io.github.uc15mail.internal.at.QfuplChecksum;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One send, step by step, as the manual's chapter 1.2 lays it out: preflight, PDP context, SSL and SMTP
 * settings, leftovers cleared, attachments uploaded in ACK mode and verified, recipients, subject, body,
 * attachment list, {@code AT+QSMTPPUT} and its URC; then, whatever happened, the content cleared and
 * this send's files deleted.
 */
public final class SendFlow {

    private static final Logger log = LoggerFactory.getLogger(SendFlow.class);
    private static final Pattern QFUPL = Pattern.compile("\\+QFUPL:\\s*(\\d+)\\s*,\\s*([0-9A-Fa-f]+)");
    private static final Pattern QFLST = Pattern.compile("\\+QFLST:\\s*\"([^\"]*)\"");
    private static final Pattern QIACT = Pattern.compile("\\+QIACT:\\s*(\\d+)\\s*,\\s*(\\d+)");
    private static final Pattern QSMTPPUT = Pattern.compile("\\+QSMTPPUT:\\s*(\\d+)\\s*,\\s*(\\d+)");
    /** Seconds added to the {@code AT+QSMTPPUT} timeout before the SDK gives up on the URC. */
    static final int SEND_RESULT_MARGIN_SECONDS = 30;
    /** How often a busy SMTP service (652) is asked again. */
    private static final Duration BUSY_POLL = Duration.ofMillis(500);
    static final String CA_FILE = "RAM:uc15mail-ca.pem";
    /** {@code +CME ERROR: 14}, SIM busy: the SIM is still starting. */
    static final int CME_SIM_BUSY = 14;
    static final Duration READY_POLL = Duration.ofSeconds(1);
    /**
     * Prefix of the marker file written (1 byte, before the upload) for each attachment a send puts in RAM:
     * {@code RAM:uc15mail-own-<name>} marks {@code RAM:<name>} as uploaded by this SDK. Cleanup deletes the
     * file, then its marker; a marker found at the start of a send means a send that crashed or could
     * not clean up left the file, and both are deleted.
     */
    public static final String MARKER_PREFIX = "RAM:uc15mail-own-";
    private static final byte[] MARKER_CONTENT = "uc15mail".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** What a mailer remembers between sends on one modem. */
    public static final class ModemState {
        long configuredForRestart = -1;
        boolean configured;

        /** Forget the configuration, so the next send writes it again. */
        public void invalidate() {
            configured = false;
        }
    }

    /** Thrown at a safe point when the caller cancelled. */
    public static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("send cancelled", null, false, false);
        }
    }

    private final SmtpConfig config;
    private final CommandRunner runner;
    private final SendProgressListener progress;
    private final BooleanSupplier cancelled;
    private final ModemState state;
    private long restartCount;
    private final Map<SendPhase, Duration> times = new EnumMap<>(SendPhase.class);
    private final List<String> uploaded = new ArrayList<>();
    private final Set<String> existing = new HashSet<>();
    private boolean putAccepted;
    /** {@code AT+QSMTPPUT} was written and the modem did not refuse it: a failure now hides the outcome. */
    private boolean submitted;
    private SubmitGate gate = SubmitGate.OPEN;
    private SendPhase phase;
    private long phaseStart;

    private SendFlow(SmtpConfig config, CommandRunner runner, SendProgressListener progress, BooleanSupplier cancelled,
            ModemState state, long restartCount) {
        this.config = config;
        this.runner = runner;
        this.progress = progress;
        this.cancelled = cancelled;
        this.state = state;
        this.restartCount = restartCount;
    }

    /** A flow that runs on a live session. */
    public static SendFlow live(SmtpConfig config, io.github.uc15mail.at.AtSession session,
            SendProgressListener progress, BooleanSupplier cancelled, ModemState state) {
        return new SendFlow(config, new SessionRunner(session, config), progress, cancelled, state,
                session.restartCount());
    }

    /** The AT script a send of {@code draft} would write to a fresh, ready modem (secrets masked). */
    public static List<String> plan(SmtpConfig config, EmailDraft draft) {
        PlanningRunner paper = new PlanningRunner();
        new SendFlow(config, paper, new SendProgressListener() {}, () -> false, new ModemState(), 0).send(draft);
        return paper.script();
    }

    /** Sets the gate called right before {@code AT+QSMTPPUT} is written; returns this flow. */
    public SendFlow gate(SubmitGate gate) {
        this.gate = gate == null ? SubmitGate.OPEN : gate;
        return this;
    }

    /** Whether the modem accepted {@code AT+QSMTPPUT}: after that a failure may hide a sent email. */
    public boolean putAccepted() {
        return putAccepted;
    }

    /** Runs the whole send; throws the typed failure after cleaning up. */
    public SendReceipt send(EmailDraft draft) {
        Uc15Exception failure = null;
        RuntimeException other = null;
        Urc result = null;
        try {
            enter(SendPhase.PREFLIGHT);
            preflight();
            enter(SendPhase.NETWORK);
            ensureContextActive();
            enter(SendPhase.CONFIGURE);
            clearContent();
            removeLeftovers(draft);
            configure();
            enter(SendPhase.UPLOAD);
            upload(draft);
            enter(SendPhase.COMPOSE);
            compose(draft);
            enter(SendPhase.SMTP);
            result = sendAndWait();
        } catch (Uc15Exception e) {
            failure = e;
        } catch (RuntimeException e) {
            other = e;
        } finally {
            enter(SendPhase.CLEANUP);
            cleanup(failure != null ? failure : other);
            leave();
        }
        if (failure != null || other != null) {
            state.invalidate();
            if (failure != null && submitted && result == null) {
                failure.markOutcomeUnknown();
            }
            if (failure != null) {
                throw failure;
            }
            throw other;
        }
        Matcher m = QSMTPPUT.matcher(result.line());
        if (!m.find()) {
            throw new Uc15Exception("could not read the send result " + result);
        }
        int err = Integer.parseInt(m.group(1));
        int protocol = Integer.parseInt(m.group(2));
        if (err != 0) {
            throw SmtpServiceException.of("AT+QSMTPPUT", err, protocol);
        }
        return new SendReceipt(draft.recipients().size(), err, protocol, times, 0, 1);
    }

    // ------------------------------------------------------------------ phases

    /** How many times preflight starts over when the module announces a restart ({@code RDY}) during it. */
    static final int PREFLIGHT_RESTARTS = 3;

    /**
     * Syncs with the modem and checks SIM and registration. A module that restarts meanwhile (the host
     * opened the port while it powered on) is simply taken from the top: nothing was changed yet. A module
     * still starting up (SIM busy, searching for a network) is polled until {@link SmtpConfig#readyWait()}.
     */
    private void preflight() {
        for (int restarts = 0; ; restarts++) {
            try {
                preflightOnce();
                restartCount = runner.restartCount();
                return;
            } catch (ModemRestartedException e) {
                restartCount = runner.restartCount();
                if (restarts >= PREFLIGHT_RESTARTS) {
                    throw e;
                }
                log.info("the modem restarted during the preflight; starting it over");
            }
        }
    }

    private void preflightOnce() {
        try {
            run(AtCommands.at());
        } catch (CommandTimeoutException first) {
            // The session resynchronised after the timeout (leaving a data mode an earlier, crashed host
            // left open if need be); one more try tells a modem that is back from one that is gone.
            log.info("no answer to AT; trying once more after resynchronising");
            try {
                run(AtCommands.at());
            } catch (CommandTimeoutException e) {
                throw new ModemNotReadyException(Reason.NO_RESPONSE, "the modem does not answer AT", e);
            }
        }
        run(AtCommands.echo(false));
        run(AtCommands.cmee(1));
        long readyBy = System.nanoTime() + config.readyWait().toNanos();
        while (true) {
            String sim;
            try {
                sim = run(AtCommands.simStatus()).value("+CPIN").orElse("(no +CPIN line)");
            } catch (CmeErrorException e) {
                if (e.code() == CME_SIM_BUSY && waitForReadiness(readyBy, "the SIM is busy")) {
                    continue;
                }
                throw new ModemNotReadyException(Reason.SIM_NOT_READY, "the SIM is not ready: " + e.text(), e);
            }
            if (sim.equalsIgnoreCase("READY")) {
                break;
            }
            if (sim.equalsIgnoreCase("NOT READY") && waitForReadiness(readyBy, "the SIM is not ready yet")) {
                continue;
            }
            throw new ModemNotReadyException(Reason.SIM_NOT_READY, "the SIM is not ready: +CPIN: " + sim, null);
        }
        while (true) {
            String reg;
            try {
                reg = run(AtCommands.registrationStatus()).value("+CGREG").orElse("");
            } catch (CmeErrorException e) {
                throw new ModemNotReadyException(Reason.NOT_REGISTERED, "the registration status is not available: "
                        + e.getMessage(), e);
            }
            String[] fields = reg.split(",");
            String stat = (fields.length >= 2 ? fields[1] : fields[0]).strip();
            if (stat.equals("1") || stat.equals("5")) {
                return;
            }
            // 2 searching, 0 not searching (yet), 4 unknown: a module that just started often says these
            // for a few seconds. 3 (registration denied) will not change by waiting.
            if (!stat.equals("3") && waitForReadiness(readyBy, "the modem is not registered yet (+CGREG: " + reg + ")")) {
                continue;
            }
            throw new ModemNotReadyException(Reason.NOT_REGISTERED, "the modem is not registered on the network "
                    + "(+CGREG: " + reg + "; 1 home or 5 roaming needed)", null);
        }
    }

    /** Sleeps a second and returns true while the ready wait lasts; false once it is over. */
    private boolean waitForReadiness(long readyBy, String why) {
        if (!runner.isLive() || System.nanoTime() - readyBy >= 0) {
            return false;
        }
        log.info("{}; asking again", why);
        pause(READY_POLL);
        return true;
    }

    private void ensureContextActive() {
        int cid = config.contextId();
        try {
            for (String line : run(AtCommands.activeContexts()).lines()) {
                Matcher m = QIACT.matcher(line);
                if (m.find() && Integer.parseInt(m.group(1)) == cid && m.group(2).equals("1")) {
                    return;
                }
            }
            config.apn().ifPresent(apn -> run(AtCommands.configureContext(cid, 1, apn.name(), apn.user(),
                    apn.password(), apn.authentication().ordinal())));
            try {
                run(AtCommands.activateContext(cid));
            } catch (ModemErrorException | CmeErrorException | SmtpServiceException e) {
                // A context the network dropped (+QIURC: "pdpdeact") must be deactivated before it can be
                // activated again (manual 1.4.2 and 1.4.4): deactivate, whatever that answers, and try once more.
                log.info("activating PDP context {} failed ({}); deactivating it and trying again", cid, e.getMessage());
                try {
                    run(AtCommands.deactivateContext(cid));
                } catch (ModemErrorException | CmeErrorException | SmtpServiceException ignored) {
                    log.debug("deactivating PDP context {} answered {}", cid, ignored.getMessage());
                }
                run(AtCommands.activateContext(cid));
            }
        } catch (ModemErrorException | CmeErrorException | SmtpServiceException | CommandTimeoutException e) {
            throw new ModemNotReadyException(Reason.PDP_NOT_ACTIVE, "could not activate PDP context " + cid
                    + (config.apn().isPresent() ? "" : " (no APN configured)") + ": " + e.getMessage(), e);
        }
    }

    private void configure() {
        if (state.configured && state.configuredForRestart == restartCount) {
            return;
        }
        if (config.security() != Security.NONE) {
            int ctx = config.sslContextId();
            try {
                run(AtCommands.sslVersion(ctx, config.tlsVersion().code()));
            } catch (ModemErrorException | CmeErrorException | SmtpServiceException e) {
                if (config.tlsVersion() != SmtpConfig.TlsVersion.ALL) {
                    throw e;
                }
                // "All versions" (4) is documented for sibling modules; a UC15 firmware that only knows
                // 0-3 refuses it. TLS 1.2 is the one modern servers accept.
                log.info("the modem refused SSL version 4 (all); using 3 (TLS 1.2)");
                run(AtCommands.sslVersion(ctx, SmtpConfig.TlsVersion.TLS_1_2.code()));
            }
            run(AtCommands.sslCipherSuite(ctx, config.cipherSuite()));
            run(AtCommands.sslSecurityLevel(ctx, config.securityLevel()));
            if (config.caCertificate().isPresent()) {
                byte[] pem;
                try {
                    pem = Files.readAllBytes(config.caCertificate().get());
                } catch (IOException e) {
                    throw new Uc15Exception("cannot read the CA certificate " + config.caCertificate().get(), e);
                }
                deleteQuietly(CA_FILE);
                uploadVerified(CA_FILE, "CA certificate", DataPayload.ofBytes(pem));
                run(AtCommands.sslCaCertificate(ctx, CA_FILE));
            }
        }
        run(AtCommands.smtpContextId(config.contextId()));
        run(AtCommands.smtpSslType(config.security().sslType()));
        run(AtCommands.smtpSslContextId(config.sslContextId()));
        run(AtCommands.smtpServer(config.host(), config.port()));
        run(AtCommands.smtpAccount(config.user(), config.password()));
        run(AtCommands.smtpSender(config.senderName(), config.senderAddress()));
        state.configured = true;
        state.configuredForRestart = restartCount;
    }

    /** Clears what an earlier send left; waits while an earlier send is still running (652). */
    private void clearContent() {
        long end = System.nanoTime() + config.busyWait().toNanos();
        while (true) {
            try {
                run(AtCommands.clearContent());
                return;
            } catch (SmtpBusyException e) {
                if (System.nanoTime() - end >= 0 || !runner.isLive()) {
                    throw e;
                }
                log.info("the SMTP service is busy with an earlier send; waiting up to {} s", config.busyWait().toSeconds());
                pause(BUSY_POLL);
            }
        }
    }

    private void upload(EmailDraft draft) {
        if (draft.attachments().isEmpty()) {
            return;
        }
        for (Attachment a : draft.attachments()) {
            String file = "RAM:" + a.name();
            if (existing.contains(file)) {
                run(AtCommands.deleteFile(file));
            }
        }
        for (Attachment a : draft.attachments()) {
            String file = "RAM:" + a.name();
            String marker = MARKER_PREFIX + a.name();
            uploaded.add(marker);
            uploadVerified(marker, null, DataPayload.ofBytes(MARKER_CONTENT));
            uploaded.add(file);
            uploadVerified(file, a.name(), a.payload());
        }
    }

    /**
     * Lists the RAM files and deletes what earlier sends of this SDK left behind: every file with a
     * marker ({@link #MARKER_PREFIX}) and the marker itself. Runs after the SMTP service was found idle,
     * so no file an unfinished send still needs is deleted.
     */
    private void removeLeftovers(EmailDraft draft) {
        existing.clear();
        try {
            for (String line : run(AtCommands.listFiles("RAM:*")).lines()) {
                Matcher m = QFLST.matcher(line);
                if (m.find()) {
                    String name = m.group(1);
                    existing.add(name.startsWith("RAM:") ? name : "RAM:" + name);
                }
            }
        } catch (CmeErrorException | ModemErrorException e) {
            log.warn("listing the RAM files failed ({}); leftovers of earlier sends stay until a later send", e.getMessage());
        }
        for (String marker : List.copyOf(existing)) {
            if (!marker.startsWith(MARKER_PREFIX)) {
                continue;
            }
            String file = "RAM:" + marker.substring(MARKER_PREFIX.length());
            if (existing.remove(file)) {
                log.info("deleting {}, left by an earlier send that did not finish its cleanup", file);
                deleteQuietly(file);
            }
            deleteQuietly(marker);
            existing.remove(marker);
        }
    }

    /** Uploads {@code source} to {@code file}; {@code item} names it in progress reports (null: none). */
    private void uploadVerified(String file, String item, DataPayload source) {
        checkCancelled();
        long length = source.length();
        QfuplChecksum checksum = new QfuplChecksum();
        DataPayload payload = DataPayload.ofStream(() -> new CheckedStream(source.open(), checksum), length);
        if (item != null) {
            payload = payload.withProgress(written -> progress(item, written, length));
        }
        int modemTimeout = (int) Math.min(65535, 60 + length / 960);
        AtResponse r = run(AtCommands.upload(file, payload, modemTimeout, true));
        if (!runner.isLive()) {
            return;
        }
        Matcher m = r.line("+QFUPL").map(QFUPL::matcher).filter(Matcher::find).orElse(null);
        if (m == null) {
            throw new Uc15Exception("the modem did not report the size and checksum of " + file);
        }
        long size = Long.parseLong(m.group(1));
        int sum = Integer.parseInt(m.group(2), 16);
        if (size != length || sum != checksum.value()) {
            throw new Uc15Exception(String.format("upload of %s damaged: the modem stored %d bytes with checksum %x,"
                    + " the SDK sent %d bytes with checksum %x", file, size, sum, length, checksum.value()));
        }
    }

    private void compose(EmailDraft draft) {
        for (EmailDraft.Recipient r : draft.recipients()) {
            run(AtCommands.addRecipient(r.type().code(), r.address()));
        }
        if (draft.subjectCharset() == MailCharset.ASCII) {
            run(AtCommands.subjectAscii(draft.subject()));
        } else {
            run(AtCommands.subjectEncoded(draft.subjectCharset().code(), draft.subjectBytes()));
        }
        byte[] body = draft.bodyBytes();
        if (body.length > 0) {
            checkCancelled();
            int inputTime = (int) Math.min(65535, 90 + body.length / 960);
            AtCommand command = AtCommands.body(draft.bodyCharset().code(), body, inputTime);
            command = command.withPayload(command.payload().orElseThrow()
                    .withProgress(written -> progress("body", written, body.length)));
            AtResponse r = run(command);
            long taken = r.value("+QSMTPBODY").map(v -> Long.parseLong(v.strip())).orElse((long) body.length);
            if (taken != body.length) {
                throw new Uc15Exception("the modem took " + taken + " of the " + body.length + " body bytes");
            }
        }
        int index = 1;
        for (Attachment a : draft.attachments()) {
            run(AtCommands.addAttachment(index++, "RAM:" + a.name()));
        }
    }

    private Urc sendAndWait() {
        checkCancelled();
        checkRestart();
        try {
            gate.beforeSubmit();
        } catch (Uc15Exception e) {
            throw e;
        } catch (RuntimeException e) {
            throw new Uc15Exception("the send was stopped before AT+QSMTPPUT: " + e.getMessage(), e);
        }
        try (CommandRunner.SendResultWait wait = runner.expectSendResult()) {
            // Not run(): a restart noticed after the OK must not hide that the modem accepted the send
            // (the wait reports it, and such a failure is never retried).
            AtResponse ok;
            submitted = true;
            try {
                ok = runner.run(AtCommands.send(config.sendTimeoutSeconds()));
            } catch (ModemErrorException | CmeErrorException | SmtpServiceException refused) {
                submitted = false; // the modem answered ERROR: it will not send
                throw refused;
            }
            putAccepted = true;
            return wait.await(ok, config.sendResultTimeout());
        }
    }

    private void cleanup(RuntimeException failure) {
        if (failure instanceof TransportClosedException) {
            log.warn("the link to the modem is gone; the next send clears what this one left");
            return;
        }
        List<RuntimeException> problems = new ArrayList<>();
        boolean idle = clearAfterSend(problems);
        if (idle) {
            deleteUploaded(problems);
        } else if (!uploaded.isEmpty()) {
            log.warn("the SMTP service is still busy; this send's files stay until the next send finds them");
        }
        for (RuntimeException p : problems) {
            if (failure != null) {
                failure.addSuppressed(p);
            } else {
                log.warn("cleanup after a successful send failed: {}", p.getMessage());
            }
        }
    }

    /**
     * {@code AT+QSMTPCLR}, waiting (up to the busy wait) while the modem still sends, for example after a
     * send whose {@code AT+QSMTPPUT} reply or result was lost. Returns false while the service is still busy.
     */
    private boolean clearAfterSend(List<RuntimeException> problems) {
        long end = System.nanoTime() + config.busyWait().toNanos();
        while (true) {
            try {
                runner.run(AtCommands.clearContent());
                return true;
            } catch (SmtpBusyException e) {
                if (System.nanoTime() - end >= 0 || !runner.isLive()) {
                    problems.add(e);
                    return false;
                }
                try {
                    Thread.sleep(BUSY_POLL.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    problems.add(e);
                    return false;
                }
            } catch (TransportClosedException e) {
                problems.add(e);
                return false;
            } catch (RuntimeException e) {
                problems.add(e);
                return true;
            }
        }
    }

    /** Deletes the uploaded files, then the markers of those that are gone (a marker outlives its file). */
    private void deleteUploaded(List<RuntimeException> problems) {
        Set<String> kept = new HashSet<>();
        boolean uncertain = false;
        for (String file : uploaded) {
            if (file.startsWith(MARKER_PREFIX)) {
                continue;
            }
            try {
                runner.run(AtCommands.deleteFile(file));
            } catch (CmeErrorException e) {
                // Never uploaded (the usual case), or the modem would not delete it: the listing tells.
                log.debug("{} was not deleted ({})", file, e.getMessage());
                kept.add(file);
                uncertain = true;
            } catch (RuntimeException e) {
                problems.add(e);
                kept.add(file);
            }
        }
        if (uncertain) {
            try {
                Set<String> listed = new HashSet<>();
                for (String line : runner.run(AtCommands.listFiles("RAM:*")).lines()) {
                    Matcher m = QFLST.matcher(line);
                    if (m.find()) {
                        listed.add(m.group(1).startsWith("RAM:") ? m.group(1) : "RAM:" + m.group(1));
                    }
                }
                kept.retainAll(listed);
            } catch (RuntimeException e) {
                log.debug("could not list the RAM files ({}); markers kept", e.getMessage());
            }
        }
        for (String marker : uploaded) {
            if (!marker.startsWith(MARKER_PREFIX)) {
                continue;
            }
            String file = "RAM:" + marker.substring(MARKER_PREFIX.length());
            if (kept.contains(file)) {
                log.warn("{} could not be deleted; its marker stays, so the next send deletes it", file);
                continue;
            }
            try {
                runner.run(AtCommands.deleteFile(marker));
            } catch (CmeErrorException e) {
                log.debug("{} was not there to delete ({})", marker, e.getMessage());
            } catch (RuntimeException e) {
                problems.add(e);
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private AtResponse run(AtCommand command) {
        checkCancelled();
        AtResponse response = runner.run(command);
        checkRestart();
        return response;
    }

    private void checkRestart() {
        if (runner.restartCount() != restartCount) {
            throw new ModemRestartedException("the modem restarted (RDY) during the send; its settings, email"
                    + " content and RAM files are gone");
        }
    }

    private void deleteQuietly(String file) {
        try {
            run(AtCommands.deleteFile(file));
        } catch (CmeErrorException | ModemErrorException e) {
            log.debug("{} was not there to delete", file);
        }
    }

    private void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new Cancelled();
        }
    }

    private void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Uc15Exception("interrupted", e);
        }
        checkCancelled();
    }

    private void enter(SendPhase next) {
        leave();
        phase = next;
        phaseStart = System.nanoTime();
        try {
            progress.onPhase(next);
        } catch (RuntimeException e) {
            log.warn("progress listener threw", e);
        }
    }

    private void leave() {
        if (phase != null) {
            times.merge(phase, Duration.ofNanos(System.nanoTime() - phaseStart), Duration::plus);
            phase = null;
        }
    }

    private void progress(String item, long written, long total) {
        try {
            progress.onBytes(item, written, total);
        } catch (RuntimeException e) {
            log.warn("progress listener threw", e);
        }
    }

    /** Computes the checksum while streaming, and stops the upload when the caller cancels. */
    private final class CheckedStream extends FilterInputStream {
        private final QfuplChecksum checksum;

        CheckedStream(InputStream in, QfuplChecksum checksum) {
            super(in);
            this.checksum = checksum;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (cancelled.getAsBoolean()) {
                throw new IOException("send cancelled");
            }
            int n = super.read(b, off, len);
            if (n > 0) {
                checksum.update(b, off, n);
            }
            return n;
        }
    }
}
