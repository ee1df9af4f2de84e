package io.github.uc15mail.testkit.internal;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The modem: the line discipline (command lines, echo, data mode), the command faults applied through the
 * {@link FaultGate}, and the wiring of the services (network, PDP, SSL, SMTP settings and content, files, data
 * mode, SMTP delivery) to the {@link CommandTable}. Every state change runs on one thread (the modem thread);
 * the public methods hand work to it. Nothing thrown while interpreting input escapes that thread: a failure
 * is logged and answered with {@code ERROR}.
 */
public final class ModemEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModemEngine.class);
    private static final int MAX_LINE = 2048;

    /** What the engine tells its owner. Called on the modem thread; must be quick. */
    public interface Events {
        void commandRecorded(String line, byte[] payload);

        void mailCompleted(MailSnapshot snapshot, MailSender.Result result, boolean forced);

        void dropLink();

        /** A whole SMS was accepted (every part answered {@code +CMGS}). */
        default void smsCompleted(SmsService.Whole sms) {}
    }

    private final EngineConfig config;
    private final FaultGate gate;
    private final OutputPump out;
    private final Events events;
    private final ScheduledThreadPoolExecutor modem;
    private final Timers timers;

    private final Replies replies;
    private final CommandTable table;
    private final Network network;
    private final PdpService pdp = new PdpService();
    private final SslService ssl = new SslService();
    private final SmtpSettings settings = new SmtpSettings();
    private final SmtpContent content = new SmtpContent();
    private final FileSystem files;
    private final DataMode data;
    private final SmtpDelivery delivery;
    private final SmsService sms;
    /** The PDU typed after a {@code > } prompt, or null when no prompt is open. */
    private final PduPromptInput pduInput;

    // line discipline
    private final StringBuilder line = new StringBuilder();
    private boolean overflow;
    private boolean lastWasCr;
    private long chunkSeq;
    private long lastCrChunk = -2;

    private boolean echo;
    private boolean poweredOff;
    private boolean rdyPending;

    public ModemEngine(EngineConfig config, FaultState faults, OutputPump out, Events events) {
        this(config, faults, out, events, MailSender::send);
    }

    public ModemEngine(EngineConfig config, FaultState faults, OutputPump out, Events events,
            SmtpDelivery.Sender sender) {
        this.config = config;
        this.gate = new FaultGate(faults);
        this.out = out;
        this.events = events;
        this.modem = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "uc15-emulator-modem");
            t.setDaemon(true);
            return t;
        });
        // Data-mode timers are re-armed for every byte received; drop the cancelled ones at once so a
        // large upload does not leave a cancelled timer per byte on the heap.
        modem.setRemoveOnCancelPolicy(true);
        this.timers = new Timers() {
            @Override
            public long now() {
                return System.nanoTime();
            }

            @Override
            public Timer schedule(long nanos, Runnable task) {
                ScheduledFuture<?> f = ModemEngine.this.schedule(task, nanos);
                return () -> f.cancel(false);
            }
        };
        this.replies = new Replies(out::send, gate);
        this.table = new CommandTable(replies);
        this.network = new Network(config.simReady(), config.registered());
        this.files = new FileSystem(config.ramCapacity(), config.ufsCapacity());
        this.data = new DataMode(timers, new DataMode.Sink() {
            @Override
            public void ack() {
                replies.raw(new byte[] {'A'});
            }

            @Override
            public void finished(DataMode.Session s, byte[] payload) {
                dataFinished(s, payload);
            }
        });
        this.delivery = new SmtpDelivery(timers, faults, sender, config.smtpTimeoutScale(), (snap, r, forced) -> {
            // Recorded before the URC goes out: a client that reads the recording on the URC finds the send there.
            events.mailCompleted(snap, r, forced);
            replies.urc("+QSMTPPUT: " + r.err() + "," + r.protocolError());
        });
        this.sms = new SmsService(replies, network, faults, events::smsCompleted);
        this.pduInput = new PduPromptInput(replies, sms, events::commandRecorded, () -> echo);
        sms.register(table, pduInput::enter);
        GeneralCommands.register(table, replies, config, network, on -> echo = on);
        PdpCommands.register(table, replies, network, pdp);
        SslCommands.register(table, replies, config, ssl);
        FileCommands.register(table, replies, files, this::enterData);
        new SmtpCommands(replies, config, network, pdp, ssl, files, settings, content, delivery, this::enterData)
                .register(table);
        powerOn();
        if (config.pdpActiveAtStart() > 0) {
            pdp.activate(config.pdpActiveAtStart(), true);
        }
    }

    private void powerOn() {
        echo = config.echo();
        replies.cmee(1);
        replies.silent(false);
        network.powerOn();
        pdp.reset();
        ssl.reset();
        settings.reset();
        content.clear();
        files.powerOff();
        data.abandon();
        delivery.abandon();
        if (sms != null) {
            sms.powerOn();
        }
        pduInput.reset();
        line.setLength(0);
        overflow = false;
        lastWasCr = false;
    }

    // ------------------------------------------------------------------ threading

    /** Hands received bytes to the modem thread. */
    public void feed(byte[] bytes) {
        execute(() -> onBytes(bytes));
    }

    public void execute(Runnable r) {
        try {
            modem.execute(() -> {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    log.error("modem thread task failed", e);
                }
            });
        } catch (RuntimeException e) {
            log.debug("modem is shut down; task dropped");
        }
    }

    /** Runs {@code c} on the modem thread and waits for its result. */
    public <T> T call(Callable<T> c) {
        try {
            return modem.submit(c).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("modem thread did not answer", e);
        }
    }

    /** Runs {@code r} on the modem thread after {@code nanos}; failures are logged. */
    public ScheduledFuture<?> schedule(Runnable r, long nanos) {
        return modem.schedule(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                log.error("modem timer failed", e);
            }
        }, Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        modem.shutdownNow();
        delivery.close();
    }

    // ------------------------------------------------------------------ inspection (modem thread)

    public Map<String, byte[]> ramFiles() {
        return files.ramFiles();
    }

    public Map<String, byte[]> ufsFiles() {
        return files.ufsFiles();
    }

    public boolean inDataMode() {
        return data.active();
    }

    public boolean contentEmpty() {
        return content.isEmpty();
    }

    public boolean sending() {
        return delivery.busy();
    }

    public boolean pdpActive(int cid) {
        return pdp.isActive(cid);
    }

    public boolean registered() {
        return network.registered();
    }

    public boolean poweredOff() {
        return poweredOff;
    }

    // ------------------------------------------------------------------ power and outages (modem thread)

    /** Power-on again: all state lost, then {@code RDY}. */
    public void reset() {
        powerOn();
        replies.raw(Replies.bytes("\r\nRDY\r\n"));
    }

    /** Power off: the link drops, state is lost; input is ignored until {@link #powerBackOn()}. */
    public void powerOff() {
        gate.state().count(FaultState.Injected.POWER_OFF);
        poweredOff = true;
        powerOn();
        events.dropLink();
    }

    /** Power back on: {@code RDY} on the link, or on the next link when none is attached. */
    public void powerBackOn() {
        if (!poweredOff) {
            return;
        }
        poweredOff = false;
        powerOn();
        if (out.link() != null) {
            replies.raw(Replies.bytes("\r\nRDY\r\n"));
        } else {
            rdyPending = true;
        }
    }

    /** A host link was attached: it gets the {@code RDY} it missed while no link was there. */
    public void attached() {
        if (rdyPending && !poweredOff) {
            rdyPending = false;
            replies.raw(Replies.bytes("\r\nRDY\r\n"));
        }
    }

    /** Registration lost until {@link #registrationBack()}. */
    public void registrationLost() {
        gate.state().count(FaultState.Injected.NO_REGISTRATION);
        String urc = network.lose();
        if (urc != null) {
            replies.urc(urc);
        }
    }

    public void registrationBack() {
        String urc = network.regain();
        if (urc != null) {
            replies.urc(urc);
        }
    }

    /** The SIM is taken out: no URC (SIM detection off, the module's default). */
    public void removeSim() {
        gate.state().count(FaultState.Injected.SIM_REMOVED);
        network.removeSim();
    }

    /** The network drops PDP context {@code cid}: {@code +QIURC: "pdpdeact",<cid>} when it was active. */
    public void dropPdp(int cid) {
        if (pdp.dropByNetwork(cid)) {
            gate.state().count(FaultState.Injected.PDP_DROPPED);
            replies.urc("+QIURC: \"pdpdeact\"," + cid);
        }
    }

    public void garbage(byte[] g) {
        gate.countGarbage();
        replies.raw(g.clone());
    }

    // ------------------------------------------------------------------ input

    private void onBytes(byte[] bytes) {
        if (poweredOff) {
            return;
        }
        chunkSeq++;
        for (byte b : bytes) {
            try {
                if (data.active()) {
                    data.onByte(b, chunkSeq);
                } else if (pduInput.active()) {
                    pduInput.onByte(b);
                } else {
                    commandByte(b);
                }
            } catch (RuntimeException e) {
                log.error("emulator failed on input; line dropped", e);
                line.setLength(0);
                replies.silent(false);
            }
        }
    }

    private void commandByte(byte b) {
        if (b == '\r') {
            lastWasCr = true;
            lastCrChunk = chunkSeq;
            endLine();
            return;
        }
        if (b == '\n') {
            if (lastWasCr) {
                lastWasCr = false;
                return;
            }
            endLine();
            return;
        }
        lastWasCr = false;
        if (line.length() >= MAX_LINE) {
            overflow = true;
        } else {
            line.append((char) (b & 0xFF));
        }
    }

    private void endLine() {
        String raw = line.toString();
        line.setLength(0);
        if (overflow) {
            overflow = false;
            log.debug("command line too long");
            replies.silent(false);
            replies.error();
            return;
        }
        int at = indexOfAt(raw);
        if (at < 0) {
            if (!raw.isBlank()) {
                log.debug("ignoring line without AT: {}", printable(raw));
            }
            return;
        }
        String cmd = stripEnd(raw.substring(at));
        FaultGate.Decision d = gate.onCommand(cmd);
        switch (d.verdict()) {
            case RESET -> {
                log.info("fault: the modem restarts on {}", printable(cmd));
                events.commandRecorded(cmd, new byte[0]);
                reset();
                return;
            }
            case CLOSE_LINK -> {
                log.info("fault: dropping the link on {}", printable(cmd));
                events.commandRecorded(cmd, new byte[0]);
                events.dropLink();
                return;
            }
            default -> { }
        }
        replies.silent(d.silent());
        replies.hold();
        try {
            process(raw, cmd, d);
        } finally {
            replies.release();
        }
    }

    private void process(String raw, String cmd, FaultGate.Decision d) {
        if (echo) {
            replies.echo(raw);
        }
        try {
            switch (d.verdict()) {
                case ERROR -> replies.error();
                case CME_ERROR -> replies.cme(d.code());
                default -> table.dispatch(cmd);
            }
        } catch (RuntimeException e) {
            log.error("command {} failed inside the emulator", printable(cmd), e);
            replies.error();
        }
        DataMode.Session s = data.current();
        if (pduInput.active()) {
            pduInput.command(cmd);
        } else if (s == null) {
            events.commandRecorded(cmd, new byte[0]);
        } else {
            s.line = cmd;
            s.silent = replies.silent();
        }
        replies.silent(false);
    }

    /** The SMS service (modem thread only). */
    public SmsService sms() {
        return sms;
    }

    private void enterData(DataMode.Session s) {
        data.enter(s, lastWasCr ? lastCrChunk : -1);
        replies.connect();
    }

    private void dataFinished(DataMode.Session s, byte[] payload) {
        boolean wasSilent = replies.silent();
        replies.silent(s.silent);
        replies.hold();
        try {
            if (s.upload) {
                files.put(s.fileName, payload);
                replies.ok("+QFUPL: " + payload.length + "," + Checksum.hex(payload));
            } else {
                content.body(s.charset, payload);
                replies.ok("+QSMTPBODY: " + payload.length);
            }
            events.commandRecorded(s.line == null ? "" : s.line, payload);
        } finally {
            replies.silent(wasSilent);
            replies.release();
        }
    }

    private static int indexOfAt(String raw) {
        for (int i = 0; i + 1 < raw.length(); i++) {
            char a = raw.charAt(i);
            char t = raw.charAt(i + 1);
            if ((a == 'A' || a == 'a') && (t == 'T' || t == 't')) {
                return i;
            }
        }
        return -1;
    }

    private static String stripEnd(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) <= ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    static String printable(String raw) {
        String s = io.github.uc15mail.at.AtCommand.mask(raw); // no passwords in the emulator's log either
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && i < 200; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                b.append(c);
            } else {
                b.append(String.format("\\x%02x", (int) c));
            }
        }
        return b.toString();
    }
}
