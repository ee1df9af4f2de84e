package io.github.uc15mail.testkit.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The command dispatcher: a table keyed by command name and form (test {@code =?}, read {@code ?}, write
 * {@code =}, execute). A line whose name and form have no entry answers {@code ERROR}, as on the module.
 * Basic commands ({@code ATE0}, {@code ATI}) are entered by their whole text with the form {@link Form#EXEC};
 * extended ones by the name after {@code +} ({@code "QSMTPCFG"}).
 *
 * <p>A handler that throws {@link AtArgs.BadArgs} is answered by the bad-parameter reply of its command
 * family (see {@link #onBadArgs}).
 */
public final class CommandTable {

    /** Runs one command form with its parsed parameters. */
    @FunctionalInterface
    public interface Handler {
        void handle(AtArgs args) throws AtArgs.BadArgs;
    }

    private record Key(String name, Form form) {}

    /** A parsed command line: its name, its form and its parameter text (after {@code =}). */
    public record Parsed(String name, Form form, String argText, boolean basic) {}

    private final Map<Key, Handler> handlers = new HashMap<>();
    private final Map<String, Consumer<String>> badArgsByPrefix = new HashMap<>();
    private final Replies replies;

    public CommandTable(Replies replies) {
        this.replies = replies;
    }

    /** Enters a handler; a second entry for the same name and form replaces the first. */
    public CommandTable on(String name, Form form, Handler handler) {
        handlers.put(new Key(name.toUpperCase(Locale.ROOT), form), handler);
        return this;
    }

    /** Enters one handler for several forms. */
    public CommandTable on(String name, Handler handler, Form... forms) {
        for (Form f : forms) {
            on(name, f, handler);
        }
        return this;
    }

    /** Removes every form of {@code name}: it then answers {@code ERROR} (a module without that service). */
    public CommandTable remove(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        handlers.keySet().removeIf(k -> k.name().equals(n));
        return this;
    }

    /** What a command whose name starts with {@code prefix} answers to bad parameters (default {@code ERROR}). */
    public CommandTable onBadArgs(String prefix, Consumer<String> reply) {
        badArgsByPrefix.put(prefix.toUpperCase(Locale.ROOT), reply);
        return this;
    }

    public boolean has(String name, Form form) {
        return handlers.containsKey(new Key(name.toUpperCase(Locale.ROOT), form));
    }

    /** Splits {@code cmd} (starting with {@code AT}) into name, form and parameters; null when malformed. */
    public static Parsed parse(String cmd) {
        String rest = cmd.substring(2);
        if (rest.isEmpty()) {
            return new Parsed("", Form.EXEC, "", true);
        }
        if (rest.charAt(0) != '+') {
            return new Parsed(rest.toUpperCase(Locale.ROOT), Form.EXEC, "", true);
        }
        int i = 1;
        while (i < rest.length() && rest.charAt(i) != '=' && rest.charAt(i) != '?') {
            i++;
        }
        String name = rest.substring(1, i).toUpperCase(Locale.ROOT);
        String tail = rest.substring(i);
        if (tail.isEmpty()) {
            return new Parsed(name, Form.EXEC, "", false);
        }
        if (tail.equals("=?")) {
            return new Parsed(name, Form.TEST, "", false);
        }
        if (tail.equals("?")) {
            return new Parsed(name, Form.READ, "", false);
        }
        if (tail.startsWith("=")) {
            return new Parsed(name, Form.WRITE, tail.substring(1), false);
        }
        return null;
    }

    /** Runs the command line {@code cmd} (from its {@code AT} on) and answers it. */
    public void dispatch(String cmd) {
        Parsed p = parse(cmd);
        if (p == null) {
            replies.error();
            return;
        }
        Handler h = handlers.get(new Key(p.name(), p.form()));
        if (h == null) {
            replies.error();
            return;
        }
        AtArgs args;
        try {
            args = AtArgs.parse(p.argText());
        } catch (AtArgs.BadArgs e) {
            // a line that does not even parse: only the SMTP family has its own code for it
            if (p.name().startsWith("QSMTP")) {
                replies.cme(664);
            } else {
                replies.error();
            }
            return;
        }
        try {
            h.handle(args);
        } catch (AtArgs.BadArgs e) {
            badArgs(p.name(), e.getMessage());
        }
    }

    private void badArgs(String name, String why) {
        String best = null;
        for (String prefix : badArgsByPrefix.keySet()) {
            if (name.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        if (best == null) {
            replies.error();
        } else {
            badArgsByPrefix.get(best).accept(name + ": " + why);
        }
    }
}
