package io.github.uc15mail.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The modem: AT command interpreter, data mode, file system and SMTP service. Every state change runs on
 * one thread (the modem thread); the public methods hand work to it. Nothing thrown while interpreting
 * input escapes that thread: a failure is logged and answered with {@code ERROR}.
 */
public final class ModemEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModemEngine.class);
    private static final int MAX_LINE = 2048;
    private static final long GUARD_NANOS = 1_000_000_000L;
    private static final String[] NOISE = {"+CMTI: \"SM\",3", "+QIND: \"csq\",20,99", "+CGREG: 1"};

    /** What the engine tells its owner. Called on the modem thread; must be quick. */
    public interface Events {
        void commandRecorded(String line, byte[] payload);

        void mailCompleted(MailSnapshot snapshot, MailSender.Result result, boolean forced);

        void dropLink();
    }

    private enum Form { EXEC, TEST, READ, WRITE }

    private enum Kind { BODY, FUPL }

    private static final class Recipient {
        final int type;
        final String addr;

        Recipient(int type, String addr) {
            this.type = type;
            this.addr = addr;
        }
    }

    private static final class SslCtx {
        int version = 4;
        int cipher = 0xFFFF;
        int secLevel = 0;
        String caCert = "";
        String clientCert = "";
        String clientKey = "";
        int negotiateTime = 300;
    }

    private static final class DataMode {
        Kind kind;
        String line;
        int limit;
        int charset;
        String fileName;
        boolean ack;
        boolean silent;
        long timeoutNanos;
        final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int pendingPlus;
        long plusStart;
        long lastByte;
        long skipLfChunk = -1;
        long bytesSeen;
        ScheduledFuture<?> timer;
        ScheduledFuture<?> escape;
    }

    private final EngineConfig config;
    private final FaultState faults;
    private final OutputPump out;
    private final Events events;
    private final ScheduledExecutorService modem;
    private final ExecutorService mailer;

    // line discipline
    private final StringBuilder line = new StringBuilder();
    private boolean overflow;
    private boolean lastWasCr;
    private long chunkSeq;
    private long lastCrChunk = -2;
    private boolean silent;
    private int noiseIndex;

    // state
    private boolean echo;
    private int cmee;
    private int cgregMode;
    private final Map<Integer, String[]> pdpConfig = new TreeMap<>();
    private final TreeSet<Integer> activePdp = new TreeSet<>();
    private final SslCtx[] ssl = new SslCtx[6];
    private String user;
    private String password;
    private String senderName;
    private String senderEmail;
    private String server;
    private int port;
    private int contextId;
    private int sslCtxId;
    private int sslType;
    private final List<Recipient> recipients = new ArrayList<>();
    private int subjectCharset;
    private String subject;
    private int bodyCharset;
    private byte[] body;
    private final TreeMap<Integer, String> attachments = new TreeMap<>();
    private final Map<String, byte[]> ram = new LinkedHashMap<>();
    private final Map<String, byte[]> ufs = new LinkedHashMap<>();
    private DataMode data;
    private long sendSeq;
    private long activeSend;
    private boolean sendFinishing;

    public ModemEngine(EngineConfig config, FaultState faults, OutputPump out, Events events) {
        this.config = config;
        this.faults = faults;
        this.out = out;
        this.events = events;
        java.util.concurrent.ScheduledThreadPoolExecutor scheduler =
                new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> daemon(r, "uc15-emulator-modem"));
        // Data-mode timers are re-armed for every byte received; drop the cancelled ones at once so a
        // large upload does not leave a cancelled timer per byte on the heap.
        scheduler.setRemoveOnCancelPolicy(true);
        this.modem = scheduler;
        this.mailer = Executors.newCachedThreadPool(r -> daemon(r, "uc15-emulator-smtp"));
        powerOn();
        if (config.pdpActiveAtStart() > 0) {
            activePdp.add(config.pdpActiveAtStart());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void powerOn() {
        echo = config.echo();
        cmee = 1;
        cgregMode = 0;
        pdpConfig.clear();
        activePdp.clear();
        for (int i = 0; i < ssl.length; i++) {
            ssl[i] = new SslCtx();
        }
        user = "";
        password = "";
        senderName = "";
        senderEmail = "";
        server = "";
        port = 25;
        contextId = 1;
        sslCtxId = 1;
        sslType = 0;
        clearContent();
        ram.clear();
        if (data != null) {
            cancel(data);
            data = null;
        }
        activeSend = 0;
        sendFinishing = false;
        line.setLength(0);
        overflow = false;
        lastWasCr = false;
    }

    private void clearContent() {
        recipients.clear();
        subjectCharset = 0;
        subject = "";
        bodyCharset = 0;
        body = null;
        attachments.clear();
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

    private ScheduledFuture<?> schedule(Runnable r, long nanos) {
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
        mailer.shutdownNow();
    }

    // ------------------------------------------------------------------ inspection (modem thread)

    public Map<String, byte[]> ramFiles() {
        return copy(ram);
    }

    public Map<String, byte[]> ufsFiles() {
        return copy(ufs);
    }

    private static Map<String, byte[]> copy(Map<String, byte[]> m) {
        Map<String, byte[]> c = new LinkedHashMap<>();
        m.forEach((k, v) -> c.put(k, v.clone()));
        return c;
    }

    public boolean inDataMode() {
        return data != null;
    }

    public boolean contentEmpty() {
        return recipients.isEmpty() && subject.isEmpty() && body == null && attachments.isEmpty();
    }

    public boolean sending() {
        return activeSend != 0;
    }

    public boolean pdpActive(int cid) {
        return activePdp.contains(cid);
    }

    /** Power-on again: all state lost, then {@code RDY}. */
    public void reset() {
        powerOn();
        out.send(bytes("\r\nRDY\r\n"), false);
    }

    public void garbage(byte[] g) {
        out.send(g.clone(), false);
    }

    // ------------------------------------------------------------------ input

    private void onBytes(byte[] bytes) {
        chunkSeq++;
        for (byte b : bytes) {
            try {
                if (data != null) {
                    dataByte(b);
                } else {
                    commandByte(b);
                }
            } catch (RuntimeException e) {
                log.error("emulator failed on input; line dropped", e);
                line.setLength(0);
                silent = false;
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
            silent = false;
            final_("ERROR");
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
        List<FaultState.Rule> fired = faults.matchAll(cmd);
        for (FaultState.Rule r : fired) {
            if (r.action() == FaultState.Action.HOOK) {
                r.hook().run();
            }
        }
        for (FaultState.Rule r : fired) {
            if (r.action() == FaultState.Action.RESET) {
                log.info("fault: the modem restarts on {}", printable(cmd));
                events.commandRecorded(cmd, new byte[0]);
                reset();
                return;
            }
            if (r.action() == FaultState.Action.CLOSE_LINK) {
                log.info("fault: dropping the link on {}", printable(cmd));
                events.commandRecorded(cmd, new byte[0]);
                events.dropLink();
                return;
            }
        }
        silent = fired.stream().anyMatch(r -> r.action() == FaultState.Action.SILENCE);
        hold();
        try {
            process(raw, cmd, fired);
        } finally {
            release();
        }
    }

    private void process(String raw, String cmd, List<FaultState.Rule> fired) {
        if (echo && !silent) {
            emit(bytes(raw + "\r"), false);
        }
        FaultState.Rule err = fired.stream()
                .filter(r -> r.action() == FaultState.Action.CME_ERROR || r.action() == FaultState.Action.ERROR)
                .findFirst().orElse(null);
        try {
            if (err != null) {
                if (err.action() == FaultState.Action.ERROR) {
                    final_("ERROR");
                } else {
                    cme(err.code());
                }
            } else {
                execute(cmd);
            }
        } catch (RuntimeException e) {
            log.error("command {} failed inside the emulator", printable(cmd), e);
            final_("ERROR");
        }
        if (data == null) {
            events.commandRecorded(cmd, new byte[0]);
            silent = false;
        } else {
            data.line = cmd;
            data.silent = silent;
            silent = false;
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
        String s = io.github.uc15mail.internal.at.AtText.mask(raw); // no passwords in the emulator's log either
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

    // ------------------------------------------------------------------ output

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private String noise() {
        String n = NOISE[noiseIndex % NOISE.length];
        noiseIndex++;
        return "\r\n" + n + "\r\n";
    }

    /** Sends information lines and a final (or CONNECT) line as one reply. */
    private void reply(List<String> info, String fin) {
        if (silent) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        byte[] garbage = faults.takeGarbageBeforeReply();
        if (garbage != null) {
            sb.append(new String(garbage, StandardCharsets.ISO_8859_1));
        }
        boolean noise = faults.urcNoise();
        if (!info.isEmpty()) {
            sb.append("\r\n");
            for (int i = 0; i < info.size(); i++) {
                sb.append(info.get(i)).append("\r\n");
                if (noise) {
                    sb.append(noise());
                }
            }
        }
        if (fin != null) {
            sb.append("\r\n").append(fin).append("\r\n");
            if (noise && !fin.equals("CONNECT")) {
                sb.append(noise());
            }
        }
        emit(bytes(sb.toString()), true);
    }

    private record Held(byte[] bytes, boolean reply) {}

    private final List<Held> held = new ArrayList<>();
    private boolean holding;

    /** Output of the command being processed is held until the command is recorded, then released. */
    private void emit(byte[] b, boolean reply) {
        if (holding) {
            held.add(new Held(b, reply));
        } else {
            out.send(b, reply);
        }
    }

    private void hold() {
        holding = true;
    }

    private void release() {
        holding = false;
        for (Held h : held) {
            out.send(h.bytes(), h.reply());
        }
        held.clear();
    }

    private void final_(String fin) {
        reply(List.of(), fin);
    }

    private void ok() {
        final_("OK");
    }

    private void ok(String... info) {
        reply(List.of(info), "OK");
    }

    private void cme(int code) {
        switch (cmee) {
            case 0:
                final_("ERROR");
                break;
            case 2:
                final_("+CME ERROR: " + ErrorTexts.text(code));
                break;
            default:
                final_("+CME ERROR: " + code);
        }
    }

    private void urc(String text) {
        emit(bytes("\r\n" + text + "\r\n"), false);
    }

    // ------------------------------------------------------------------ commands

    private void execute(String cmd) {
        String rest = cmd.substring(2);
        if (rest.isEmpty()) {
            ok();
            return;
        }
        char first = rest.charAt(0);
        if (first != '+') {
            basic(rest.toUpperCase(Locale.ROOT));
            return;
        }
        int i = 1;
        while (i < rest.length() && rest.charAt(i) != '=' && rest.charAt(i) != '?') {
            i++;
        }
        String name = rest.substring(1, i).toUpperCase(Locale.ROOT);
        String tail = rest.substring(i);
        Form form;
        String argText = "";
        if (tail.isEmpty()) {
            form = Form.EXEC;
        } else if (tail.equals("=?")) {
            form = Form.TEST;
        } else if (tail.equals("?")) {
            form = Form.READ;
        } else if (tail.startsWith("=")) {
            form = Form.WRITE;
            argText = tail.substring(1);
        } else {
            final_("ERROR");
            return;
        }
        AtArgs args;
        try {
            args = AtArgs.parse(argText);
        } catch (AtArgs.BadArgs e) {
            if (name.startsWith("QSMTP")) {
                cme(664);
            } else {
                final_("ERROR");
            }
            return;
        }
        try {
            extended(name, form, args);
        } catch (AtArgs.BadArgs e) {
            log.debug("{}: {}", name, e.getMessage());
            if (name.startsWith("QSMTP")) {
                cme(664);
            } else if (name.startsWith("QF")) {
                cme(400);
            } else {
                final_("ERROR");
            }
        }
    }

    private void basic(String rest) {
        switch (rest) {
            case "E0":
                echo = false;
                ok();
                return;
            case "E":
            case "E1":
                echo = true;
                ok();
                return;
            case "I":
            case "I0":
                reply(List.of(config.manufacturerInfo().split("\r\n")), "OK");
                return;
            case "Z":
            case "Z0":
            case "&F":
            case "&F0":
            case "V1":
            case "&W":
            case "&D1":
            case "&D2":
            case "&C1":
            case "Q0":
                ok();
                return;
            default:
                final_("ERROR");
        }
    }

    private void extended(String name, Form form, AtArgs a) throws AtArgs.BadArgs {
        switch (name) {
            case "CMEE":
                cmee(form, a);
                return;
            case "CPIN":
                if (form == Form.READ) {
                    if (config.simReady()) {
                        ok("+CPIN: READY");
                    } else {
                        cme(10);
                    }
                } else {
                    final_("ERROR");
                }
                return;
            case "CSQ":
                if (form == Form.EXEC) {
                    ok(registered() ? "+CSQ: 20,99" : "+CSQ: 99,99");
                } else if (form == Form.TEST) {
                    ok("+CSQ: (0-31,99),(0-7,99)");
                } else {
                    final_("ERROR");
                }
                return;
            case "CGREG":
            case "CREG":
                reg(name, form, a);
                return;
            case "CGATT":
                if (form == Form.READ) {
                    ok("+CGATT: " + (registered() ? 1 : 0));
                } else if (form == Form.WRITE) {
                    int v = a.intValue(0, 0, 1);
                    if (v == 1 && !registered()) {
                        final_("ERROR");
                    } else {
                        ok();
                    }
                } else if (form == Form.TEST) {
                    ok("+CGATT: (0,1)");
                } else {
                    final_("ERROR");
                }
                return;
            case "CGMI":
                ok("Quectel");
                return;
            case "CGMM":
                ok("UC15");
                return;
            case "CGMR":
            case "GMR":
                ok(revision());
                return;
            case "QICSGP":
                qicsgp(form, a);
                return;
            case "QIACT":
                qiact(form, a);
                return;
            case "QIDEACT":
                if (form == Form.WRITE) {
                    activePdp.remove(a.intValue(0, 1, 16));
                    ok();
                } else if (form == Form.TEST) {
                    ok("+QIDEACT: (1-16)");
                } else {
                    final_("ERROR");
                }
                return;
            case "QSSLCFG":
                qsslcfg(form, a);
                return;
            case "QSMTPCFG":
            case "QSMTPDST":
            case "QSMTPSUB":
            case "QSMTPBODY":
            case "QSMTPATT":
            case "QSMTPCLR":
            case "QSMTPPUT":
                smtp(name, form, a);
                return;
            case "QFUPL":
                qfupl(form, a);
                return;
            case "QFLST":
                qflst(form, a);
                return;
            case "QFDEL":
                qfdel(form, a);
                return;
            case "QFLDS":
                qflds(form, a);
                return;
            default:
                final_("ERROR");
        }
    }

    private String revision() {
        String info = config.manufacturerInfo();
        int i = info.indexOf("Revision: ");
        return i >= 0 ? info.substring(i + "Revision: ".length()).split("\r\n")[0] : "UC15";
    }

    private boolean registered() {
        return config.simReady() && config.registered();
    }

    private void cmee(Form form, AtArgs a) throws AtArgs.BadArgs {
        switch (form) {
            case WRITE:
                cmee = a.intValue(0, 0, 2);
                ok();
                break;
            case READ:
                ok("+CMEE: " + cmee);
                break;
            case TEST:
                ok("+CMEE: (0-2)");
                break;
            default:
                final_("ERROR");
        }
    }

    private void reg(String name, Form form, AtArgs a) throws AtArgs.BadArgs {
        switch (form) {
            case WRITE:
                cgregMode = a.intValue(0, 0, 2);
                ok();
                break;
            case READ:
                int stat = registered() ? 1 : (config.simReady() ? 2 : 0);
                ok("+" + name + ": " + cgregMode + "," + stat);
                break;
            case TEST:
                ok("+" + name + ": (0-2)");
                break;
            default:
                final_("ERROR");
        }
    }

    private void qicsgp(Form form, AtArgs a) throws AtArgs.BadArgs {
        if (form == Form.TEST) {
            ok("+QICSGP: (1-16),(1-3),<APN>,<username>,<password>,(0-3)");
            return;
        }
        if (form != Form.WRITE) {
            final_("ERROR");
            return;
        }
        int cid = a.intValue(0, 1, 16);
        if (a.size() == 1) {
            String[] c = pdpConfig.getOrDefault(cid, new String[] {"1", "", "", "", "0"});
            ok("+QICSGP: " + c[0] + ",\"" + c[1] + "\",\"" + c[2] + "\",\"" + c[3] + "\"," + c[4]);
            return;
        }
        int type = a.intValue(1, 1, 3);
        String apn = a.string(2, 100);
        String u = "";
        String p = "";
        int auth = 0;
        if (a.size() == 4) {
            u = a.string(3, 127);
        } else if (a.size() == 5) {
            // cid,type,apn,user,auth: the manual's own example has this shape
            u = a.string(3, 127);
            auth = a.intValue(4, 0, 3);
        } else if (a.size() >= 6) {
            u = a.string(3, 127);
            p = a.string(4, 127);
            auth = a.intValue(5, 0, 3);
        }
        if (a.size() > 6) {
            throw new AtArgs.BadArgs("too many parameters");
        }
        pdpConfig.put(cid, new String[] {Integer.toString(type), apn, u, p, Integer.toString(auth)});
        ok();
    }

    private void qiact(Form form, AtArgs a) throws AtArgs.BadArgs {
        switch (form) {
            case TEST:
                ok("+QIACT: (1-16)");
                return;
            case READ:
                List<String> lines = new ArrayList<>();
                for (int cid : activePdp) {
                    String type = pdpConfig.containsKey(cid) ? pdpConfig.get(cid)[0] : "1";
                    lines.add("+QIACT: " + cid + ",1," + type + ",\"10.7.157." + cid + "\"");
                }
                reply(lines, "OK");
                return;
            case WRITE:
                int cid = a.intValue(0, 1, 16);
                if (!registered() || activePdp.contains(cid) || activePdp.size() >= 3) {
                    final_("ERROR");
                } else {
                    activePdp.add(cid);
                    ok();
                }
                return;
            default:
                final_("ERROR");
        }
    }

    private void qsslcfg(Form form, AtArgs a) throws AtArgs.BadArgs {
        if (form == Form.TEST) {
            reply(List.of("+QSSLCFG: \"sslversion\",(0-5),(0-4)",
                    "+QSSLCFG: \"ciphersuite\",(0-5),(0X0035,0X002F,0X0005,0X0004,0X000A,0X003D,0XFFFF)",
                    "+QSSLCFG: \"seclevel\",(0-5),(0-2)",
                    "+QSSLCFG: \"cacert\",(0-5),<cacertpath>",
                    "+QSSLCFG: \"clientcert\",(0-5),<client_cert_path>",
                    "+QSSLCFG: \"clientkey\",(0-5),<client_key_path>",
                    "+QSSLCFG: \"negotiatetime\",(0-5),(10-300)"), "OK");
            return;
        }
        if (form != Form.WRITE || a.size() < 2) {
            final_("ERROR");
            return;
        }
        String what = a.string(0, 20).toLowerCase(Locale.ROOT);
        int ctx = a.intValue(1, 0, 5);
        SslCtx c = ssl[ctx];
        boolean query = a.size() == 2;
        String head = "+QSSLCFG: \"" + what + "\"," + ctx + ",";
        switch (what) {
            case "sslversion":
                if (query) {
                    ok(head + c.version);
                } else {
                    c.version = a.intValue(2, 0, 4);
                    ok();
                }
                return;
            case "ciphersuite":
                if (query) {
                    ok(head + String.format("0X%04X", c.cipher));
                } else {
                    c.cipher = (int) a.integer(2, 0, 0xFFFF);
                    ok();
                }
                return;
            case "seclevel":
                if (query) {
                    ok(head + c.secLevel);
                } else {
                    c.secLevel = a.intValue(2, 0, 2);
                    ok();
                }
                return;
            case "cacert":
                if (query) {
                    ok(head + "\"" + c.caCert + "\"");
                } else {
                    c.caCert = a.string(2, 80);
                    ok();
                }
                return;
            case "clientcert":
                if (query) {
                    ok(head + "\"" + c.clientCert + "\"");
                } else {
                    c.clientCert = a.string(2, 80);
                    ok();
                }
                return;
            case "clientkey":
                if (query) {
                    ok(head + "\"" + c.clientKey + "\"");
                } else {
                    c.clientKey = a.string(2, 80);
                    ok();
                }
                return;
            case "negotiatetime":
                if (query) {
                    ok(head + c.negotiateTime);
                } else {
                    c.negotiateTime = a.intValue(2, 10, 300);
                    ok();
                }
                return;
            default:
                final_("ERROR");
        }
    }

    // ------------------------------------------------------------------ SMTP

    private void smtp(String name, Form form, AtArgs a) throws AtArgs.BadArgs {
        if (!config.simReady()) {
            final_("ERROR");
            return;
        }
        if (form != Form.TEST && activeSend != 0) {
            cme(652);
            return;
        }
        switch (name) {
            case "QSMTPCFG":
                qsmtpcfg(form, a);
                return;
            case "QSMTPDST":
                qsmtpdst(form, a);
                return;
            case "QSMTPSUB":
                qsmtpsub(form, a);
                return;
            case "QSMTPBODY":
                qsmtpbody(form, a);
                return;
            case "QSMTPATT":
                qsmtpatt(form, a);
                return;
            case "QSMTPCLR":
                if (form == Form.EXEC || form == Form.TEST) {
                    if (form == Form.EXEC) {
                        clearContent();
                    }
                    ok();
                } else {
                    final_("ERROR");
                }
                return;
            default:
                qsmtpput(form, a);
        }
    }

    private static String q(String s) {
        return "\"" + s + "\"";
    }

    private void qsmtpcfg(Form form, AtArgs a) throws AtArgs.BadArgs {
        if (form == Form.TEST) {
            reply(List.of("+QSMTPCFG: \"account\",<username>,<password>",
                    "+QSMTPCFG: \"sender\",<sender_name>,<sender_email>",
                    "+QSMTPCFG: \"smtpserver\",<srvaddr>,<srvport>",
                    "+QSMTPCFG: \"contextid\",(1-16)",
                    "+QSMTPCFG: \"sslctxid\",(0-5)",
                    "+QSMTPCFG: \"ssltype\",(0-2)"), "OK");
            return;
        }
        if (form != Form.WRITE || a.size() < 1) {
            final_("ERROR");
            return;
        }
        String what = a.string(0, 20).toLowerCase(Locale.ROOT);
        boolean query = a.size() == 1;
        String head = "+QSMTPCFG: \"" + what + "\",";
        switch (what) {
            case "account":
                if (query) {
                    ok(head + q(user) + "," + q(password));
                } else {
                    if (a.size() != 3) {
                        throw new AtArgs.BadArgs("account takes user and password");
                    }
                    String u = a.string(1, 50);
                    String p = a.string(2, 50);
                    user = u;
                    password = p;
                    ok();
                }
                return;
            case "sender":
                if (query) {
                    ok(head + q(senderName) + "," + q(senderEmail));
                } else {
                    if (a.size() != 3) {
                        throw new AtArgs.BadArgs("sender takes name and email");
                    }
                    String n = a.string(1, 50);
                    String e = a.string(2, 50);
                    senderName = n;
                    senderEmail = e;
                    ok();
                }
                return;
            case "smtpserver":
                if (query) {
                    ok(head + q(server) + "," + port);
                } else {
                    if (a.size() > 3) {
                        throw new AtArgs.BadArgs("too many parameters");
                    }
                    String s = a.string(1, 50);
                    int p = a.intValue(2, 1, 65535, 25);
                    server = s;
                    port = p;
                    ok();
                }
                return;
            case "contextid":
                if (query) {
                    ok(head + contextId);
                } else {
                    contextId = single(a, 1, 16);
                    ok();
                }
                return;
            case "sslctxid":
                if (query) {
                    ok(head + sslCtxId);
                } else {
                    sslCtxId = single(a, 0, 5);
                    ok();
                }
                return;
            case "ssltype":
                if (query) {
                    ok(head + sslType);
                } else {
                    sslType = single(a, 0, 2);
                    ok();
                }
                return;
            default:
                throw new AtArgs.BadArgs("unknown setting " + what);
        }
    }

    private static int single(AtArgs a, int min, int max) throws AtArgs.BadArgs {
        if (a.size() != 2) {
            throw new AtArgs.BadArgs("one value expected");
        }
        return a.intValue(1, min, max);
    }

    private void qsmtpdst(Form form, AtArgs a) throws AtArgs.BadArgs {
        switch (form) {
            case TEST:
                ok("+QSMTPDST: (0,1),(1-3),<emailaddr>");
                return;
            case READ:
                List<String> lines = new ArrayList<>();
                for (Recipient r : recipients) {
                    lines.add("+QSMTPDST: " + r.type + "," + q(r.addr));
                }
                reply(lines, "OK");
                return;
            case WRITE:
                int mode = a.intValue(0, 0, 1);
                if (mode == 0) {
                    recipients.clear();
                    ok();
                    return;
                }
                if (a.size() != 3) {
                    throw new AtArgs.BadArgs("type and address expected");
                }
                int type = a.intValue(1, 1, 3);
                String addr = a.string(2, 50);
                if (addr.isEmpty() || recipients.size() >= 20) {
                    throw new AtArgs.BadArgs("empty address or more than 20 recipients");
                }
                recipients.add(new Recipient(type, addr));
                ok();
                return;
            default:
                final_("ERROR");
        }
    }

    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]*");

    private void qsmtpsub(Form form, AtArgs a) throws AtArgs.BadArgs {
        switch (form) {
            case TEST:
                ok("+QSMTPSUB: (0-3),<subject>");
                return;
            case READ:
                ok("+QSMTPSUB: " + subjectCharset + "," + q(subject));
                return;
            case WRITE:
                if (a.size() != 2) {
                    throw new AtArgs.BadArgs("charset and subject expected");
                }
                int cs = a.intValue(0, 0, 3);
                String s;
                if (cs == 0) {
                    s = a.string(1, 100);
                } else {
                    s = a.string(1, 200);
                    if (s.length() % 2 != 0 || !HEX.matcher(s).matches()) {
                        throw new AtArgs.BadArgs("subject must be an even-length hex string");
                    }
                }
                subjectCharset = cs;
                subject = s;
                ok();
                return;
            default:
                final_("ERROR");
        }
    }

    private void qsmtpbody(Form form, AtArgs a) throws AtArgs.BadArgs {
        switch (form) {
            case TEST:
                ok("+QSMTPBODY: (0-3),(1-10240),(1-65535)");
                return;
            case READ:
                ok();
                return;
            case WRITE:
                if (a.size() > 3) {
                    throw new AtArgs.BadArgs("too many parameters");
                }
                int cs = a.intValue(0, 0, 3);
                int len = a.intValue(1, 1, 10240);
                int time = a.intValue(2, 1, 65535, 90);
                DataMode d = new DataMode();
                d.kind = Kind.BODY;
                d.limit = len;
                d.charset = cs;
                d.timeoutNanos = time * 1_000_000_000L;
                enterData(d);
                return;
            default:
                final_("ERROR");
        }
    }

    private void qsmtpatt(Form form, AtArgs a) throws AtArgs.BadArgs {
        switch (form) {
            case TEST:
                ok("+QSMTPATT: (0,1),(1-10),<file_name>");
                return;
            case READ:
                List<String> lines = new ArrayList<>();
                attachments.forEach((idx, file) -> {
                    byte[] content = file(file);
                    lines.add("+QSMTPATT: " + idx + "," + q(file) + "," + (content == null ? 0 : content.length));
                });
                reply(lines, "OK");
                return;
            case WRITE:
                int mode = a.intValue(0, 0, 1);
                if (mode == 0) {
                    attachments.clear();
                    ok();
                    return;
                }
                if (a.size() != 3) {
                    throw new AtArgs.BadArgs("index and file expected");
                }
                int idx = a.intValue(1, 1, 10);
                String file = a.string(2, 50);
                if (file(file) == null) {
                    cme(661);
                    return;
                }
                attachments.put(idx, file);
                ok();
                return;
            default:
                final_("ERROR");
        }
    }

    private void qsmtpput(Form form, AtArgs a) throws AtArgs.BadArgs {
        if (form == Form.TEST) {
            ok("+QSMTPPUT: (60-65535)");
            return;
        }
        if (form != Form.WRITE) {
            final_("ERROR");
            return;
        }
        if (a.size() != 1) {
            throw new AtArgs.BadArgs("one timeout expected");
        }
        int timeout = a.intValue(0, 60, 65535);
        if (recipients.isEmpty()) {
            cme(659);
            return;
        }
        ok();
        long id = ++sendSeq;
        activeSend = id;
        sendFinishing = false;
        MailSnapshot snap = snapshot(timeout);
        int[] forced = faults.takeForcedPutResult();
        if (forced != null) {
            finishSend(id, snap, new MailSender.Result(forced[0], forced[1], "forced by test"), true);
            return;
        }
        if (!registered() || !activePdp.contains(contextId)) {
            finishSend(id, snap, new MailSender.Result(657, 0, "PDP context " + contextId + " not active"), false);
            return;
        }
        long millis = (long) Math.max(1, timeout * 1000.0 * config.smtpTimeoutScale());
        Future<?> f = mailer.submit(() -> {
            MailSender.Result r = MailSender.send(snap, millis);
            execute(() -> finishSend(id, snap, r, false));
        });
        schedule(() -> {
            if (activeSend == id && !sendFinishing) {
                f.cancel(true);
                finishSend(id, snap, new MailSender.Result(658, 0, "QSMTPPUT timeout"), false);
            }
        }, millis * 1_000_000L);
    }

    private void finishSend(long id, MailSnapshot snap, MailSender.Result r, boolean forced) {
        if (activeSend != id || sendFinishing) {
            return;
        }
        sendFinishing = true;
        Runnable done = () -> {
            if (activeSend != id) {
                return;
            }
            activeSend = 0;
            sendFinishing = false;
            urc("+QSMTPPUT: " + r.err() + "," + r.protocolError());
            events.mailCompleted(snap, r, forced);
        };
        long delay = faults.putResultDelay().toNanos();
        if (delay > 0) {
            schedule(done, delay);
        } else {
            done.run();
        }
    }

    private MailSnapshot snapshot(int timeout) {
        List<String> to = new ArrayList<>();
        List<String> cc = new ArrayList<>();
        List<String> bcc = new ArrayList<>();
        for (Recipient r : recipients) {
            (r.type == 1 ? to : r.type == 2 ? cc : bcc).add(r.addr);
        }
        Map<String, byte[]> atts = new LinkedHashMap<>();
        String missing = null;
        for (String file : attachments.values()) {
            byte[] content = file(file);
            if (content == null) {
                missing = file;
            } else {
                atts.put(baseName(file), content.clone());
            }
        }
        SslCtx c = ssl[sslCtxId];
        byte[] ca = c.caCert.isEmpty() ? null : file(c.caCert);
        return new MailSnapshot(server, port, sslType, sslCtxId, c.version, c.secLevel, c.caCert,
                ca == null ? null : ca.clone(), user, password, senderName, senderEmail,
                List.copyOf(to), List.copyOf(cc), List.copyOf(bcc), subjectCharset, subject, bodyCharset,
                body == null ? new byte[0] : body.clone(), atts, missing, timeout);
    }

    private static String baseName(String file) {
        String n = file.regionMatches(true, 0, "RAM:", 0, 4) ? file.substring(4)
                : file.regionMatches(true, 0, "UFS:", 0, 4) ? file.substring(4) : file;
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        return slash >= 0 ? n.substring(slash + 1) : n;
    }

    // ------------------------------------------------------------------ files

    private static boolean isRam(String name) {
        return name.regionMatches(true, 0, "RAM:", 0, 4);
    }

    private static String ufsKey(String name) {
        return name.regionMatches(true, 0, "UFS:", 0, 4) ? name.substring(4) : name;
    }

    private static String ramKey(String name) {
        return "RAM:" + name.substring(4);
    }

    private byte[] file(String name) {
        return isRam(name) ? ram.get(ramKey(name)) : ufs.get(ufsKey(name));
    }

    private static long used(Map<String, byte[]> fs) {
        long n = 0;
        for (byte[] b : fs.values()) {
            n += b.length;
        }
        return n;
    }

    private void qfupl(Form form, AtArgs a) throws AtArgs.BadArgs {
        if (form == Form.TEST) {
            ok("+QFUPL: <filename>,(1-" + config.ramCapacity() + "),(1-65535),(0,1)");
            return;
        }
        if (form != Form.WRITE || a.size() < 1 || a.size() > 4) {
            throw new AtArgs.BadArgs("bad QFUPL");
        }
        String name = a.string(0, 80);
        boolean isRam = isRam(name);
        String base = isRam ? name.substring(4) : ufsKey(name);
        if (base.isEmpty() || base.contains("*")) {
            cme(405);
            return;
        }
        long capacity = isRam ? config.ramCapacity() : config.ufsCapacity();
        int size = (int) a.integer(1, 1, Integer.MAX_VALUE - 8, 10240);
        int timeout = a.intValue(2, 1, 65535, 5);
        int ack = a.intValue(3, 0, 1, 0);
        if (file(name) != null) {
            cme(407);
            return;
        }
        long free = capacity - used(isRam ? ram : ufs);
        if (size > free) {
            cme(423);
            return;
        }
        DataMode d = new DataMode();
        d.kind = Kind.FUPL;
        d.limit = size;
        d.fileName = isRam ? "RAM:" + base : base;
        d.ack = ack == 1;
        d.timeoutNanos = timeout * 1_000_000_000L;
        enterData(d);
    }

    private void qflst(Form form, AtArgs a) throws AtArgs.BadArgs {
        if (form == Form.TEST) {
            ok();
            return;
        }
        String pattern;
        if (form == Form.EXEC) {
            pattern = "*";
        } else if (form == Form.WRITE && a.size() == 1) {
            pattern = a.string(0, 80);
        } else {
            final_("ERROR");
            return;
        }
        List<String> lines = new ArrayList<>();
        if (isRam(pattern)) {
            Pattern p = glob(pattern.substring(4));
            ram.forEach((k, v) -> {
                if (p.matcher(k.substring(4)).matches()) {
                    lines.add("+QFLST: " + q(k) + "," + v.length);
                }
            });
        } else {
            Pattern p = glob(ufsKey(pattern));
            ufs.forEach((k, v) -> {
                if (p.matcher(k).matches()) {
                    lines.add("+QFLST: " + q(k) + "," + v.length);
                }
            });
        }
        reply(lines, "OK");
    }

    private static Pattern glob(String g) {
        StringBuilder re = new StringBuilder();
        for (char c : g.toCharArray()) {
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    private void qfdel(Form form, AtArgs a) throws AtArgs.BadArgs {
        if (form == Form.TEST) {
            ok();
            return;
        }
        if (form != Form.WRITE || a.size() != 1) {
            final_("ERROR");
            return;
        }
        String name = a.string(0, 80);
        boolean isRam = isRam(name);
        Map<String, byte[]> fs = isRam ? ram : ufs;
        String base = isRam ? name.substring(4) : ufsKey(name);
        if (base.contains("*") || base.contains("?")) {
            Pattern p = glob(base);
            fs.keySet().removeIf(k -> p.matcher(isRam ? k.substring(4) : k).matches());
            ok();
            return;
        }
        if (fs.remove(isRam ? ramKey(name) : base) == null) {
            cme(404);
            return;
        }
        ok();
    }

    private void qflds(Form form, AtArgs a) throws AtArgs.BadArgs {
        if (form == Form.TEST) {
            ok("+QFLDS: (\"UFS\",\"RAM\")");
            return;
        }
        boolean isRam;
        if (form == Form.EXEC) {
            isRam = false;
        } else if (form == Form.WRITE && a.size() == 1) {
            String m = a.string(0, 10).toUpperCase(Locale.ROOT);
            if (!m.equals("RAM") && !m.equals("UFS")) {
                cme(400);
                return;
            }
            isRam = m.equals("RAM");
        } else {
            final_("ERROR");
            return;
        }
        long total = isRam ? config.ramCapacity() : config.ufsCapacity();
        long free = total - used(isRam ? ram : ufs);
        ok("+QFLDS: " + free + "," + total);
    }

    // ------------------------------------------------------------------ data mode

    private void enterData(DataMode d) {
        long now = System.nanoTime();
        d.lastByte = now;
        d.skipLfChunk = lastWasCr ? lastCrChunk : -1;
        data = d;
        reply(List.of(), "CONNECT");
        armTimer(d);
    }

    private void armTimer(DataMode d) {
        if (d.timer != null) {
            d.timer.cancel(false);
        }
        d.timer = schedule(() -> {
            if (data == d) {
                log.debug("data mode input time expired");
                if (d.pendingPlus > 0 && d.pendingPlus < 3) {
                    flushPlus(d);
                }
                finishData(d);
            }
        }, d.timeoutNanos);
    }

    private void dataByte(byte b) {
        DataMode d = data;
        long now = System.nanoTime();
        if (d.bytesSeen == 0 && b == '\n' && d.skipLfChunk == chunkSeq) {
            d.skipLfChunk = -1;
            return;
        }
        d.bytesSeen++;
        if (d.escape != null) {
            d.escape.cancel(false);
            d.escape = null;
        }
        if (d.kind == Kind.FUPL) {
            armTimer(d); // QFUPL's timeout counts from the last byte received
        }
        boolean plusCandidate = b == '+' && d.buf.size() + d.pendingPlus + 1 < d.limit
                && (d.pendingPlus == 0
                        ? now - d.lastByte >= GUARD_NANOS
                        : d.pendingPlus < 3 && now - d.plusStart <= GUARD_NANOS);
        d.lastByte = now;
        if (plusCandidate) {
            if (d.pendingPlus == 0) {
                d.plusStart = now;
            }
            d.pendingPlus++;
            if (d.pendingPlus == 3) {
                d.escape = schedule(() -> {
                    if (data == d && d.pendingPlus == 3) {
                        log.debug("+++ escape");
                        d.pendingPlus = 0;
                        finishData(d);
                    }
                }, GUARD_NANOS);
            }
            return;
        }
        flushPlus(d);
        d.buf.write(b);
        afterDataByte(d);
    }

    private void flushPlus(DataMode d) {
        for (; d.pendingPlus > 0; d.pendingPlus--) {
            d.buf.write('+');
            afterDataByte(d);
            if (data != d) {
                d.pendingPlus = 0;
                return;
            }
        }
    }

    private void afterDataByte(DataMode d) {
        int n = d.buf.size();
        if (n >= d.limit) {
            finishData(d);
            return;
        }
        if (d.ack && n % 1024 == 0) {
            out.send(new byte[] {'A'}, false);
        }
    }

    private void cancel(DataMode d) {
        if (d.timer != null) {
            d.timer.cancel(false);
        }
        if (d.escape != null) {
            d.escape.cancel(false);
        }
    }

    private void finishData(DataMode d) {
        if (data != d) {
            return;
        }
        cancel(d);
        data = null;
        byte[] payload = d.buf.toByteArray();
        boolean wasSilent = silent;
        silent = d.silent;
        hold();
        try {
            if (d.kind == Kind.BODY) {
                body = payload;
                bodyCharset = d.charset;
                ok("+QSMTPBODY: " + payload.length);
            } else {
                if (d.fileName.startsWith("RAM:")) {
                    ram.put(d.fileName, payload);
                } else {
                    ufs.put(d.fileName, payload);
                }
                ok("+QFUPL: " + payload.length + "," + Checksum.hex(payload));
            }
            events.commandRecorded(d.line == null ? "" : d.line, payload);
        } finally {
            silent = wasSilent;
            release();
        }
    }
}
