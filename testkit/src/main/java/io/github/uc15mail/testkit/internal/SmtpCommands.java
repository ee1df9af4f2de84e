package io.github.uc15mail.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The {@code AT+QSMTP*} commands. Without a SIM they answer {@code ERROR}; while a send runs, all but the test
 * form answer {@code +CME ERROR: 652}; bad parameters answer 664. A model without the SMTP service has none
 * of them (every form answers {@code ERROR}).
 */
public final class SmtpCommands {

    private static final String[] NAMES = {"QSMTPCFG", "QSMTPDST", "QSMTPSUB", "QSMTPBODY", "QSMTPATT", "QSMTPCLR",
        "QSMTPPUT"};
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]*");

    private final Replies r;
    private final EngineConfig config;
    private final Network network;
    private final PdpService pdp;
    private final SslService ssl;
    private final FileSystem files;
    private final SmtpSettings settings;
    private final SmtpContent content;
    private final SmtpDelivery delivery;
    private final Consumer<DataMode.Session> enterData;

    public SmtpCommands(Replies r, EngineConfig config, Network network, PdpService pdp, SslService ssl,
            FileSystem files, SmtpSettings settings, SmtpContent content, SmtpDelivery delivery,
            Consumer<DataMode.Session> enterData) {
        this.r = r;
        this.config = config;
        this.network = network;
        this.pdp = pdp;
        this.ssl = ssl;
        this.files = files;
        this.settings = settings;
        this.content = content;
        this.delivery = delivery;
        this.enterData = enterData;
    }

    public void register(CommandTable t) {
        t.onBadArgs("QSMTP", why -> r.cme(664));
        if (!config.smtp()) {
            for (String n : NAMES) {
                t.remove(n);
            }
            return;
        }
        on(t, "QSMTPCFG", Form.TEST, a -> r.lines(config.smtpCfgTestLines()));
        on(t, "QSMTPCFG", Form.WRITE, this::cfg);
        on(t, "QSMTPDST", Form.TEST, a -> r.ok("+QSMTPDST: (0,1),(1-3),<emailaddr>"));
        on(t, "QSMTPDST", Form.READ, a -> {
            List<String> lines = new ArrayList<>();
            for (SmtpContent.Recipient x : content.recipients()) {
                lines.add("+QSMTPDST: " + x.type() + "," + q(x.addr()));
            }
            r.lines(lines);
        });
        on(t, "QSMTPDST", Form.WRITE, this::dst);
        on(t, "QSMTPSUB", Form.TEST, a -> r.ok("+QSMTPSUB: (0-3),<subject>"));
        on(t, "QSMTPSUB", Form.READ, a -> r.ok("+QSMTPSUB: " + content.subjectCharset() + "," + q(content.subject())));
        on(t, "QSMTPSUB", Form.WRITE, this::sub);
        on(t, "QSMTPBODY", Form.TEST, a -> r.ok("+QSMTPBODY: (0-3),(1-10240),(1-65535)"));
        on(t, "QSMTPBODY", Form.READ, a -> r.ok());
        on(t, "QSMTPBODY", Form.WRITE, a -> {
            if (a.size() > 3) {
                throw new AtArgs.BadArgs("too many parameters");
            }
            int cs = a.intValue(0, 0, 3);
            int len = a.intValue(1, 1, 10240);
            int time = a.intValue(2, 1, 65535, 90);
            enterData.accept(DataMode.Session.body(cs, len, time * 1_000_000_000L));
        });
        on(t, "QSMTPATT", Form.TEST, a -> r.ok("+QSMTPATT: (0,1),(1-10),<file_name>"));
        on(t, "QSMTPATT", Form.READ, a -> {
            List<String> lines = new ArrayList<>();
            content.attachments().forEach((idx, file) -> {
                byte[] c = files.get(file);
                lines.add("+QSMTPATT: " + idx + "," + q(file) + "," + (c == null ? 0 : c.length));
            });
            r.lines(lines);
        });
        on(t, "QSMTPATT", Form.WRITE, this::att);
        on(t, "QSMTPCLR", Form.TEST, a -> r.ok());
        on(t, "QSMTPCLR", Form.EXEC, a -> {
            content.clear();
            r.ok();
        });
        on(t, "QSMTPPUT", Form.TEST, a -> r.ok("+QSMTPPUT: (60-65535)"));
        on(t, "QSMTPPUT", Form.WRITE, this::put);
    }

    /** Enters a handler behind the service's guards: SIM ready, and not busy (but the test form). */
    private void on(CommandTable t, String name, Form form, CommandTable.Handler h) {
        t.on(name, form, a -> {
            if (!network.simReady()) {
                r.error();
            } else if (form != Form.TEST && delivery.busy()) {
                r.cme(652);
            } else {
                h.handle(a);
            }
        });
    }

    private static String q(String s) {
        return "\"" + s + "\"";
    }

    private void cfg(AtArgs a) throws AtArgs.BadArgs {
        if (a.size() < 1) {
            r.error();
            return;
        }
        String what = a.string(0, 20).toLowerCase(Locale.ROOT);
        boolean query = a.size() == 1;
        String head = "+QSMTPCFG: \"" + what + "\",";
        SmtpSettings s = settings;
        switch (what) {
            case "account" -> {
                if (query) {
                    r.ok(head + q(s.user) + "," + q(s.password));
                    return;
                }
                pairOf(a, "account takes user and password");
                String u = a.string(1, 50);
                String p = a.string(2, 50);
                s.user = u;
                s.password = p;
            }
            case "sender" -> {
                if (query) {
                    r.ok(head + q(s.senderName) + "," + q(s.senderEmail));
                    return;
                }
                pairOf(a, "sender takes name and email");
                String n = a.string(1, 50);
                String e = a.string(2, 50);
                s.senderName = n;
                s.senderEmail = e;
            }
            case "smtpserver" -> {
                if (query) {
                    r.ok(head + q(s.server) + "," + s.port);
                    return;
                }
                if (a.size() > 3) {
                    throw new AtArgs.BadArgs("too many parameters");
                }
                String srv = a.string(1, 50);
                int p = a.intValue(2, 1, 65535, 25);
                s.server = srv;
                s.port = p;
            }
            case "contextid" -> {
                if (query) {
                    r.ok(head + s.contextId);
                    return;
                }
                s.contextId = single(a, 1, 16);
            }
            case "sslctxid" -> {
                if (query) {
                    r.ok(head + s.sslCtxId);
                    return;
                }
                s.sslCtxId = single(a, 0, 5);
            }
            case "ssltype" -> {
                if (query) {
                    r.ok(head + s.sslType);
                    return;
                }
                s.sslType = single(a, 0, 2);
            }
            case "bodyoriginal" -> {
                if (!config.bodyOriginal()) {
                    throw new AtArgs.BadArgs("unknown setting " + what);
                }
                if (query) {
                    r.ok(head + s.bodyOriginal);
                    return;
                }
                s.bodyOriginal = single(a, 0, 1);
            }
            default -> throw new AtArgs.BadArgs("unknown setting " + what);
        }
        r.ok();
    }

    private static void pairOf(AtArgs a, String why) throws AtArgs.BadArgs {
        if (a.size() != 3) {
            throw new AtArgs.BadArgs(why);
        }
    }

    private static int single(AtArgs a, int min, int max) throws AtArgs.BadArgs {
        if (a.size() != 2) {
            throw new AtArgs.BadArgs("one value expected");
        }
        return a.intValue(1, min, max);
    }

    private void dst(AtArgs a) throws AtArgs.BadArgs {
        int mode = a.intValue(0, 0, 1);
        if (mode == 0) {
            content.clearRecipients();
            r.ok();
            return;
        }
        if (a.size() != 3) {
            throw new AtArgs.BadArgs("type and address expected");
        }
        int type = a.intValue(1, 1, 3);
        String addr = a.string(2, 50);
        if (!content.addRecipient(type, addr)) {
            throw new AtArgs.BadArgs("empty address or more than 20 recipients");
        }
        r.ok();
    }

    private void sub(AtArgs a) throws AtArgs.BadArgs {
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
        content.subject(cs, s);
        r.ok();
    }

    private void att(AtArgs a) throws AtArgs.BadArgs {
        int mode = a.intValue(0, 0, 1);
        if (mode == 0) {
            content.clearAttachments();
            r.ok();
            return;
        }
        if (a.size() != 3) {
            throw new AtArgs.BadArgs("index and file expected");
        }
        int idx = a.intValue(1, 1, 10);
        String file = a.string(2, 50);
        if (files.get(file) == null) {
            r.cme(661);
            return;
        }
        content.attach(idx, file);
        r.ok();
    }

    private void put(AtArgs a) throws AtArgs.BadArgs {
        if (a.size() != 1) {
            throw new AtArgs.BadArgs("one timeout expected");
        }
        int timeout = a.intValue(0, 60, 65535);
        if (content.recipients().isEmpty()) {
            r.cme(659);
            return;
        }
        r.ok();
        int cid = settings.contextId;
        boolean ready = network.registered() && pdp.isActive(cid);
        String why = network.registered() ? "PDP context " + cid + " not active" : "not registered";
        delivery.start(snapshot(timeout), ready, why);
    }

    private MailSnapshot snapshot(int timeout) {
        List<String> to = new ArrayList<>();
        List<String> cc = new ArrayList<>();
        List<String> bcc = new ArrayList<>();
        for (SmtpContent.Recipient x : content.recipients()) {
            (x.type() == 1 ? to : x.type() == 2 ? cc : bcc).add(x.addr());
        }
        Map<String, byte[]> atts = new LinkedHashMap<>();
        String missing = null;
        for (String file : content.attachments().values()) {
            byte[] c = files.get(file);
            if (c == null) {
                missing = file;
            } else {
                atts.put(baseName(file), c.clone());
            }
        }
        SmtpSettings s = settings;
        SslService.Context c = ssl.context(s.sslCtxId);
        byte[] ca = c.caCert.isEmpty() ? null : files.get(c.caCert);
        byte[] body = content.body();
        return new MailSnapshot(s.server, s.port, s.sslType, s.sslCtxId, c.version, c.secLevel, c.caCert,
                ca == null ? null : ca.clone(), s.user, s.password, s.senderName, s.senderEmail,
                List.copyOf(to), List.copyOf(cc), List.copyOf(bcc), content.subjectCharset(), content.subject(),
                content.bodyCharset(), body == null ? new byte[0] : body, atts, missing, timeout);
    }

    static String baseName(String file) {
        String n = file.regionMatches(true, 0, "RAM:", 0, 4) ? file.substring(4)
                : file.regionMatches(true, 0, "UFS:", 0, 4) ? file.substring(4) : file;
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        return slash >= 0 ? n.substring(slash + 1) : n;
    }
}
