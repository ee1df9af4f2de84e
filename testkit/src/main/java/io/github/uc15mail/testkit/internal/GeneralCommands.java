package io.github.uc15mail.testkit.internal;

import java.util.List;
import java.util.function.Consumer;

/** Echo, identity ({@code ATI}, {@code +CGMI/CGMM/CGMR/GSN/CGSN}), {@code +CMEE}, {@code +CPIN}, {@code +CSQ}. */
public final class GeneralCommands {

    private GeneralCommands() {
    }

    public static void register(CommandTable t, Replies r, EngineConfig config, Network network, Consumer<Boolean> echo) {
        t.on("", Form.EXEC, a -> r.ok());
        t.on("E0", Form.EXEC, a -> {
            echo.accept(false);
            r.ok();
        });
        CommandTable.Handler echoOn = a -> {
            echo.accept(true);
            r.ok();
        };
        t.on("E", Form.EXEC, echoOn).on("E1", Form.EXEC, echoOn);
        CommandTable.Handler ati = a -> r.lines(List.of(config.manufacturerInfo().split("\r\n")));
        t.on("I", Form.EXEC, ati).on("I0", Form.EXEC, ati);
        for (String accepted : new String[] {"Z", "Z0", "&F", "&F0", "V1", "&W", "&D1", "&D2", "&C1", "Q0"}) {
            t.on(accepted, Form.EXEC, a -> r.ok());
        }
        t.on("CMEE", Form.WRITE, a -> {
            r.cmee(a.intValue(0, 0, 2));
            r.ok();
        });
        t.on("CMEE", Form.READ, a -> r.ok("+CMEE: " + r.cmee()));
        t.on("CMEE", Form.TEST, a -> r.ok("+CMEE: (0-2)"));
        t.on("CPIN", Form.READ, a -> {
            if (network.simReady()) {
                r.ok("+CPIN: READY");
            } else {
                r.cme(10);
            }
        });
        t.on("CSQ", Form.EXEC, a -> r.ok(network.registered() ? "+CSQ: 20,99" : "+CSQ: 99,99"));
        t.on("CSQ", Form.TEST, a -> r.ok("+CSQ: (0-31,99),(0-7,99)"));
        identity(t, r, "CGMI", "Quectel");
        identity(t, r, "CGMM", config.model());
        identity(t, r, "CGMR", config.revision());
        identity(t, r, "GMR", config.revision());
        identity(t, r, "GSN", config.imei());
        identity(t, r, "CGSN", config.imei());
    }

    private static void identity(CommandTable t, Replies r, String name, String value) {
        t.on(name, Form.EXEC, a -> r.ok(value));
        t.on(name, Form.TEST, a -> r.ok());
    }
}
