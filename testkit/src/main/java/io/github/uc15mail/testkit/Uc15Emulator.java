package io.github.uc15mail.testkit;

import io.github.uc15mail.testkit.internal.EngineConfig;
import io.github.uc15mail.testkit.internal.FaultState;
import io.github.uc15mail.testkit.internal.MailSender;
import io.github.uc15mail.testkit.internal.MailSnapshot;
import io.github.uc15mail.testkit.internal.ModemEngine;
import io.github.uc15mail.testkit.internal.OutputPump;
import io.github.uc15mail.testkit.internal.TcpServer;
import io.github.uc15mail.transport.Transport;
import io.github.uc15mail.transport.Transport.TransportListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An emulated Quectel UC15 modem that speaks the AT commands of the SMTP, file, SSL and PDP command sets
 * and really sends the email through an SMTP server when told {@code AT+QSMTPPUT}.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>The replies, their framing ({@code \r\n<line>\r\n}, echo, {@code CONNECT}/data mode, URCs) and the
 *       error codes follow {@code uc15-at-reference.md} and the vendor SMTP manual; where they are silent
 *       the choice is documented in the testkit README.</li>
 *   <li>Modem state (configuration, content, files, data mode, a send in progress) survives a new
 *       {@link #connect()} or TCP connection, as a real modem survives a host crash.</li>
 *   <li>No input, however malformed, kills the emulator: the interpreter logs and answers {@code ERROR}.</li>
 *   <li>Every wait ({@link #takeCommand(Duration)}, {@link #awaitSentEmail(Duration)}) has a timeout and
 *       returns {@code null} when it expires; nothing blocks forever.</li>
 * </ul>
 * Does not guarantee real-modem timing (PDP activation is instant), radio behaviour, or any command outside
 * those listed in the README (they answer {@code ERROR}). One host link at a time: {@link #connect()} replaces
 * the old link (closing it); over TCP a second client is refused while the first is connected. The model
 * ({@link Builder#model}) changes the identity and the service set, not the UC15's timing or limits.
 */
public final class Uc15Emulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Uc15Emulator.class);

    /** The {@code ATI} answer of the emulated module (lines separated by {@code \r\n}). */
    public static final String MANUFACTURER_INFO = "Quectel\r\nUC15\r\nRevision: UC15AGAR01A11E1G";

    /** The default wait of {@link #takeCommand()} and {@link #awaitSentEmail()}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final FaultState faultState = new FaultState();
    private final OutputPump out = new OutputPump(faultState);
    private final ModemEngine engine;
    private final Faults faults;
    private final LinkedBlockingQueue<RecordedCommand> commandQueue = new LinkedBlockingQueue<>();
    private final List<RecordedCommand> commands = new ArrayList<>();
    private int lastPut;
    private int sendStart;
    private final Model model;
    private final String imei;
    private final LinkedBlockingQueue<SentEmail> emailQueue = new LinkedBlockingQueue<>();
    private final List<SentEmail> emails = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<SentSms> smsQueue = new LinkedBlockingQueue<>();
    private final List<SentSms> smsList = new CopyOnWriteArrayList<>();
    private final Object linkLock = new Object();
    private volatile TcpServer server;

    /** What a second TCP client reads before it is closed, while another client holds the modem. */
    public static final String PORT_BUSY = "ERROR: port busy, another client is connected\r\n";
    private volatile boolean closed;

    private Uc15Emulator(Builder b) {
        model = b.model;
        imei = b.imei;
        EngineConfig config = new EngineConfig(b.simReady, b.registered, b.ramCapacity, b.ufsCapacity, b.echo,
                b.pdpActiveAtStart, b.smtpTimeoutScale, model.manufacturerInfo(), model.atiModel(), model.revision(),
                imei, model.hasSmtp(), model.hasBodyOriginal(), model.smtpCfgTestLines(), model.sslCfgTestLines());
        engine = new ModemEngine(config, faultState, out, new ModemEngine.Events() {
            @Override
            public void commandRecorded(String line, byte[] payload) {
                RecordedCommand c = new RecordedCommand(line, payload, Instant.now());
                synchronized (commands) {
                    commands.add(c);
                    if (line.regionMatches(true, 0, "AT+QSMTPPUT=", 0, 12)) {
                        lastPut = commands.size();
                    }
                }
                commandQueue.add(c);
            }

            @Override
            public void mailCompleted(MailSnapshot snapshot, MailSender.Result result, boolean forced) {
                List<RecordedCommand> own;
                synchronized (commands) {
                    own = List.copyOf(commands.subList(Math.min(sendStart, lastPut), lastPut));
                    sendStart = lastPut;
                }
                SentEmail e = new SentEmail(snapshot, result.err(), result.protocolError(), result.detail(), forced,
                        imei, own);
                emails.add(e);
                emailQueue.add(e);
            }

            @Override
            public void smsCompleted(io.github.uc15mail.testkit.internal.SmsService.Whole w) {
                SentSms sms = new SentSms(w.number(), w.text(), w.parts(), w.ucs2(), w.reference(), imei);
                smsList.add(sms);
                smsQueue.add(sms);
            }

            @Override
            public void dropLink() {
                Transport t;
                synchronized (linkLock) {
                    t = out.link();
                    out.link(null);
                }
                if (t != null) {
                    t.close();
                }
            }
        });
        faults = new Faults(faultState, engine);
    }

    /** A builder with the defaults of a freshly powered, registered modem with a SIM. */
    public static Builder builder() {
        return new Builder();
    }

    /** An emulator with all defaults. */
    public static Uc15Emulator create() {
        return builder().build();
    }

    /**
     * A new host-side transport linked to this modem (not yet opened: open it as the SDK would). The previous
     * link, if any, is closed; the modem state is kept.
     */
    public Transport connect() {
        checkOpen();
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        attach(pair.modem());
        return pair.host();
    }

    /**
     * Serves the modem on {@code 127.0.0.1:port} (0 = an ephemeral port), one client at a time, as a serial
     * port has one owner: while a client is connected, another one reads {@link #PORT_BUSY} and is closed (the
     * first is not disturbed). State is kept across connections. {@link #connect()} still replaces any link.
     *
     * @return the bound port
     */
    public int listenTcp(int port) {
        checkOpen();
        try {
            TcpServer t = new TcpServer(port, PORT_BUSY, out::link, this::attach);
            server = t;
            return t.port();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
    }

    private void attach(Transport modemEnd) {
        Transport old;
        synchronized (linkLock) {
            old = out.link();
            out.link(modemEnd);
        }
        if (old != null) {
            old.close();
        }
        engine.execute(engine::attached);
        try {
            modemEnd.open(new TransportListener() {
                @Override
                public void onBytes(byte[] data, int offset, int length) {
                    // bytes from a replaced link still count: the modem's UART had received them
                    faultState.pace(FaultState.Wire.TO_MODEM, length);
                    byte[] copy = new byte[length];
                    System.arraycopy(data, offset, copy, 0, length);
                    engine.feed(copy);
                }

                @Override
                public void onClosed(Throwable cause) {
                    synchronized (linkLock) {
                        if (out.link() == modemEnd) {
                            out.link(null);
                        }
                    }
                    log.debug("link {} closed: {}", modemEnd.describe(), String.valueOf(cause));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the modem end", e);
        }
    }

    /** The next recorded command, waiting up to 5 s; {@code null} if none came. */
    public RecordedCommand takeCommand() {
        return takeCommand(DEFAULT_TIMEOUT);
    }

    /** The next recorded command not yet taken, waiting up to {@code timeout}; {@code null} on timeout. */
    public RecordedCommand takeCommand(Duration timeout) {
        try {
            return commandQueue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A snapshot of every command recorded so far, oldest first (taking does not remove from it). */
    public List<RecordedCommand> commands() {
        synchronized (commands) {
            return List.copyOf(commands);
        }
    }

    /** The model this emulator plays. */
    public Model model() {
        return model;
    }

    /** This modem's IMEI ({@code AT+GSN}, {@code AT+CGSN}). */
    public String imei() {
        return imei;
    }

    /** What this modem recorded so far: its identity, every command, every completed send. */
    public Recording recording() {
        return new Recording(model, imei, commands(), sentEmails(), sentSms());
    }

    /** Whether the modem is registered on the network now (false during a {@code noRegistration} outage). */
    public boolean isRegistered() {
        return engine.call(engine::registered);
    }

    /** Whether the modem is powered off by {@link Faults#powerOff(Duration)}. */
    public boolean isPoweredOff() {
        return engine.call(engine::poweredOff);
    }

    /** Every email whose {@code +QSMTPPUT:} URC was sent so far, oldest first. */
    public List<SentEmail> sentEmails() {
        return List.copyOf(emails);
    }

    /** Every whole SMS accepted so far (all parts answered {@code +CMGS}), oldest first. */
    public List<SentSms> sentSms() {
        return List.copyOf(smsList);
    }

    /** The next whole SMS not yet awaited, waiting up to {@code timeout}; {@code null} on timeout. */
    public SentSms awaitSentSms(Duration timeout) {
        try {
            return smsQueue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** {@link #awaitSentEmail(Duration)} with a 5 s wait. */
    public SentEmail awaitSentEmail() {
        return awaitSentEmail(DEFAULT_TIMEOUT);
    }

    /**
     * The next completed email not yet awaited (its URC already sent), waiting up to {@code timeout};
     * {@code null} on timeout.
     */
    public SentEmail awaitSentEmail(Duration timeout) {
        try {
            return emailQueue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** RAM files, keyed by full name ({@code "RAM:a.txt"}), copies. */
    public Map<String, byte[]> ramFiles() {
        return engine.call(engine::ramFiles);
    }

    /** UFS files, keyed by name without prefix ({@code "a.txt"}), copies. */
    public Map<String, byte[]> ufsFiles() {
        return engine.call(engine::ufsFiles);
    }

    /** Whether the modem is taking data ({@code AT+QSMTPBODY} or {@code AT+QFUPL} after {@code CONNECT}). */
    public boolean isInDataMode() {
        return engine.call(engine::inDataMode);
    }

    /** No recipients, empty subject, no body, no attachments. */
    public boolean isContentEmpty() {
        return engine.call(engine::contentEmpty);
    }

    /** An {@code AT+QSMTPPUT} was accepted and its URC was not sent yet. */
    public boolean isSendInProgress() {
        return engine.call(engine::sending);
    }

    /** Whether PDP context {@code cid} is active. */
    public boolean isPdpActive(int cid) {
        return engine.call(() -> engine.pdpActive(cid));
    }

    /** The fault injector of this emulator. */
    public Faults faults() {
        return faults;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("emulator is closed");
        }
    }

    /** Stops the emulator: closes the link and the TCP listener, abandons any send. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        TcpServer ss = server;
        if (ss != null) {
            ss.close();
        }
        Transport t;
        synchronized (linkLock) {
            t = out.link();
            out.link(null);
        }
        if (t != null) {
            t.close();
        }
        out.close();
        faults.shutdown();
        engine.close();
    }

    /**
     * Settings of an emulator at power-on. Defaults: SIM ready, registered, 1 MiB RAM file system, 2 MiB UFS,
     * echo on, no PDP context active, SMTP timeouts as given by {@code AT+QSMTPPUT} (scale 1.0).
     */
    public static final class Builder {
        private boolean simReady = true;
        private boolean registered = true;
        private long ramCapacity = 1_048_576;
        private long ufsCapacity = 2_097_152;
        private boolean echo = true;
        private int pdpActiveAtStart;
        private double smtpTimeoutScale = 1.0;
        private Model model = Model.UC15;
        private String imei = Imei.forIndex(0);

        private Builder() {
        }

        /** The module to play (default {@link Model#UC15}): its {@code ATI}, its SMTP service and test answers. */
        public Builder model(Model m) {
            model = java.util.Objects.requireNonNull(m);
            return this;
        }

        /** The IMEI ({@code AT+GSN}): 15 digits. Default {@code Imei.forIndex(0)}. */
        public Builder imei(String v) {
            if (v == null || !v.matches("\\d{15}")) {
                throw new IllegalArgumentException("imei must be 15 digits, was " + v);
            }
            imei = v;
            return this;
        }

        /** Whether a usable SIM is present ({@code +CPIN: READY}); without it QSMTP commands answer ERROR. */
        public Builder simReady(boolean v) {
            simReady = v;
            return this;
        }

        /** Whether the modem is registered (CGREG stat 1); without it {@code AT+QIACT} fails. */
        public Builder registered(boolean v) {
            registered = v;
            return this;
        }

        /** Size in bytes of the RAM file system ({@code AT+QFLDS="RAM"} total). */
        public Builder ramCapacity(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("capacity must be >= 0");
            }
            ramCapacity = bytes;
            return this;
        }

        /** Size in bytes of the UFS file system. */
        public Builder ufsCapacity(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("capacity must be >= 0");
            }
            ufsCapacity = bytes;
            return this;
        }

        /** Echo at power-up (and after {@code resetModem()}); a real UC15 powers up with echo on. */
        public Builder echo(boolean v) {
            echo = v;
            return this;
        }

        /** Start with PDP context {@code cid} (1-16) already active. */
        public Builder pdpActiveAtStart(int cid) {
            if (cid < 1 || cid > 16) {
                throw new IllegalArgumentException("cid must be 1-16");
            }
            pdpActiveAtStart = cid;
            return this;
        }

        /** Multiplies the {@code AT+QSMTPPUT} timeout used for the SMTP session (e.g. 0.05 for fast tests). */
        public Builder smtpTimeoutScale(double scale) {
            if (!(scale > 0)) {
                throw new IllegalArgumentException("scale must be > 0");
            }
            smtpTimeoutScale = scale;
            return this;
        }

        public Uc15Emulator build() {
            return new Uc15Emulator(this);
        }
    }
}
