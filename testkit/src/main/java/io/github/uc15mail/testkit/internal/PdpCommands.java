package io.github.uc15mail.testkit.internal;

import java.util.ArrayList;
import java.util.List;

/** Registration ({@code +CREG}, {@code +CGREG}, {@code +CGATT}) and PDP contexts ({@code +QICSGP}, {@code +QIACT}, {@code +QIDEACT}). */
public final class PdpCommands {

    private PdpCommands() {
    }

    public static void register(CommandTable t, Replies r, Network network, PdpService pdp) {
        for (String name : new String[] {"CGREG", "CREG"}) {
            t.on(name, Form.WRITE, a -> {
                network.mode(name, a.intValue(0, 0, 2));
                r.ok();
            });
            t.on(name, Form.READ, a -> r.ok("+" + name + ": " + network.mode(name) + "," + network.stat()));
            t.on(name, Form.TEST, a -> r.ok("+" + name + ": (0-2)"));
        }
        t.on("CGATT", Form.READ, a -> r.ok("+CGATT: " + (network.registered() ? 1 : 0)));
        t.on("CGATT", Form.WRITE, a -> {
            int v = a.intValue(0, 0, 1);
            if (v == 1 && !network.registered()) {
                r.error();
            } else {
                r.ok();
            }
        });
        t.on("CGATT", Form.TEST, a -> r.ok("+CGATT: (0,1)"));
        t.on("QICSGP", Form.TEST, a -> r.ok("+QICSGP: (1-16),(1-3),<APN>,<username>,<password>,(0-3)"));
        t.on("QICSGP", Form.WRITE, a -> qicsgp(r, pdp, a));
        t.on("QIACT", Form.TEST, a -> r.ok("+QIACT: (1-16)"));
        t.on("QIACT", Form.READ, a -> {
            List<String> lines = new ArrayList<>();
            for (int cid : pdp.active()) {
                lines.add("+QIACT: " + cid + ",1," + pdp.config(cid).type() + ",\"10.7.157." + cid + "\"");
            }
            r.lines(lines);
        });
        t.on("QIACT", Form.WRITE, a -> {
            if (pdp.activate(a.intValue(0, 1, 16), network.registered())) {
                r.ok();
            } else {
                r.error();
            }
        });
        t.on("QIDEACT", Form.WRITE, a -> {
            pdp.deactivate(a.intValue(0, 1, 16));
            r.ok();
        });
        t.on("QIDEACT", Form.TEST, a -> r.ok("+QIDEACT: (1-16)"));
    }

    private static void qicsgp(Replies r, PdpService pdp, AtArgs a) throws AtArgs.BadArgs {
        int cid = a.intValue(0, 1, 16);
        if (a.size() == 1) {
            PdpService.Config c = pdp.config(cid);
            r.ok("+QICSGP: " + c.type() + ",\"" + c.apn() + "\",\"" + c.user() + "\",\"" + c.password() + "\","
                    + c.auth());
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
        pdp.configure(cid, new PdpService.Config(type, apn, u, p, auth));
        r.ok();
    }
}
