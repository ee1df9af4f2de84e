package io.github.uc15mail.testkit.internal;

import java.util.Locale;

/** {@code AT+QSSLCFG}: the test form lists the model's settings; write sets or (without a value) queries one. */
public final class SslCommands {

    private SslCommands() {
    }

    public static void register(CommandTable t, Replies r, EngineConfig config, SslService ssl) {
        t.on("QSSLCFG", Form.TEST, a -> r.lines(config.sslCfgTestLines()));
        t.on("QSSLCFG", Form.WRITE, a -> {
            if (a.size() < 2) {
                r.error();
                return;
            }
            String what = a.string(0, 20).toLowerCase(Locale.ROOT);
            int ctx = a.intValue(1, 0, 5);
            if (a.size() == 2) {
                String v = ssl.query(ctx, what);
                if (v == null) {
                    r.error();
                } else {
                    r.ok("+QSSLCFG: \"" + what + "\"," + ctx + "," + v);
                }
                return;
            }
            if (ssl.set(ctx, what, a)) {
                r.ok();
            } else {
                r.error();
            }
        });
    }
}
