package io.github.uc15mail.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process with captured output and a controlled environment. */
final class CliRunner {

    private final Map<String, String> env = new HashMap<>();
    private Duration answerBudget = Duration.ofSeconds(5);
    private boolean interactive;

    CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    CliRunner answerBudget(Duration budget) {
        this.answerBudget = budget;
        return this;
    }

    CliRunner interactive(boolean on) {
        this.interactive = on;
        return this;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        CliContext context = new CliContext(o, e, env::get, interactive, answerBudget);
        int code = Uc15MailCli.run(context, args);
        o.flush();
        e.flush();
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** What one run printed and returned. */
    record Result(int exitCode, String out, String err) {

        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
