package io.github.uc15mail.testkit.internal;

import java.util.Locale;
import java.util.function.Consumer;

/** {@code AT+QFUPL}, {@code AT+QFLST}, {@code AT+QFDEL}, {@code AT+QFLDS}; bad parameters answer {@code +CME ERROR: 400}. */
public final class FileCommands {

    private FileCommands() {
    }

    public static void register(CommandTable t, Replies r, FileSystem files, Consumer<DataMode.Session> enterData) {
        t.onBadArgs("QF", why -> r.cme(400));
        t.on("QFUPL", Form.TEST, a -> r.ok("+QFUPL: <filename>,(1-" + files.capacity(true) + "),(1-65535),(0,1)"));
        t.on("QFUPL", a -> {
            throw new AtArgs.BadArgs("bad QFUPL");
        }, Form.READ, Form.EXEC);
        t.on("QFUPL", Form.WRITE, a -> {
            if (a.size() < 1 || a.size() > 4) {
                throw new AtArgs.BadArgs("bad QFUPL");
            }
            String name = a.string(0, 80);
            int size = (int) a.integer(1, 1, Integer.MAX_VALUE - 8, 10240);
            int timeout = a.intValue(2, 1, 65535, 5);
            int ack = a.intValue(3, 0, 1, 0);
            int err = files.checkUpload(name, size);
            if (err != 0) {
                r.cme(err);
                return;
            }
            enterData.accept(DataMode.Session.upload(FileSystem.key(name), size, timeout * 1_000_000_000L, ack == 1));
        });
        t.on("QFLST", Form.TEST, a -> r.ok());
        t.on("QFLST", Form.EXEC, a -> r.lines(files.list("*")));
        t.on("QFLST", Form.WRITE, a -> {
            if (a.size() != 1) {
                r.error();
                return;
            }
            r.lines(files.list(a.string(0, 80)));
        });
        t.on("QFDEL", Form.TEST, a -> r.ok());
        t.on("QFDEL", Form.WRITE, a -> {
            if (a.size() != 1) {
                r.error();
                return;
            }
            int err = files.delete(a.string(0, 80));
            if (err == 0) {
                r.ok();
            } else {
                r.cme(err);
            }
        });
        t.on("QFLDS", Form.TEST, a -> r.ok("+QFLDS: (\"UFS\",\"RAM\")"));
        t.on("QFLDS", Form.EXEC, a -> space(r, files, false));
        t.on("QFLDS", Form.WRITE, a -> {
            if (a.size() != 1) {
                r.error();
                return;
            }
            String m = a.string(0, 10).toUpperCase(Locale.ROOT);
            if (!m.equals("RAM") && !m.equals("UFS")) {
                r.cme(400);
                return;
            }
            space(r, files, m.equals("RAM"));
        });
    }

    private static void space(Replies r, FileSystem files, boolean ram) {
        r.ok("+QFLDS: " + files.free(ram) + "," + files.capacity(ram));
    }
}
