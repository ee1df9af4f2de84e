package io.github.uc15mail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.testkit.replay.ReplayModem;
import io.github.uc15mail.trace.Trace;
import io.github.uc15mail.trace.Trace.TraceRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code qualify} zip under {@code src/test/resources/qualify/} is replayed, one test per zip: {@code qualify},
 * run with the flags its traces show, against a {@link ReplayModem} playing the zip's traces one per link, must write
 * exactly what the module was asked and end as the zip's report says. Adding an owner's zip is one file copy.
 */
class QualifyZipReplayTest {

    static final Path DIR = Path.of("src/test/resources/qualify");

    @TempDir
    Path out;

    @TestFactory
    Stream<DynamicTest> eachQualifyZipReplays() throws IOException {
        List<Path> zips;
        try (Stream<Path> s = Files.list(DIR)) {
            zips = s.filter(p -> p.toString().endsWith(".zip")).sorted().toList();
        }
        assertTrue(zips.size() >= 2, "zips: " + zips);
        return zips.stream().map(zip -> DynamicTest.dynamicTest(zip.getFileName().toString(), () -> replay(zip)));
    }

    private void replay(Path zip) throws Exception {
        Map<String, Trace> traces = new LinkedHashMap<>();
        String report;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            report = new String(z.getInputStream(z.getEntry("report.md")).readAllBytes(), StandardCharsets.UTF_8);
            List<? extends ZipEntry> entries = z.stream().filter(e -> e.getName().startsWith("traces/"))
                    .sorted((a, b) -> a.getName().compareTo(b.getName())).toList();
            for (ZipEntry e : entries) {
                String text = new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                traces.put(e.getName().substring("traces/".length()), Trace.parse(text.lines().toList()));
            }
        }
        assertFalse(traces.isEmpty(), zip + " holds no traces");
        int expected = report.contains("- result: every row passed") ? ExitCodes.OK : ExitCodes.REFUSED;
        for (int run = 0; run < 2; run++) {
            try (ReplayModem modem = ReplayModem.sequence(List.copyOf(traces.values())).build()) {
                List<String> args = args(traces, "tcp:127.0.0.1:" + modem.listenTcp(0));
                CliRunner.Result r = new CliRunner().env("PW", "any").env("APN_PW", "any").run(args.toArray(String[]::new));
                assertEquals(List.of(), modem.deviations(), () -> "qualify " + args + "\n" + r);
                assertEquals(expected, r.exitCode(), r::toString);
                assertEquals(traces.size(), modem.links(), "one link per trace");
            }
        }
    }

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    /** The flags qualify was run with, as its traces show them. */
    private List<String> args(Map<String, Trace> traces, String port) {
        List<String> a = new ArrayList<>(List.of("qualify", "--port", port, "--out", out.toString()));
        List<String> modes = new ArrayList<>();
        String base = null;
        String to = "owner@example.com";
        boolean server = false;
        String apnSeen = null;
        for (Trace t : traces.values()) {
            apnSeen = apnSeen != null ? apnSeen : settings(t).get("apn");
        }
        for (Map.Entry<String, Trace> e : traces.entrySet()) {
            Map<String, String> cfg = settings(e.getValue());
            if (!cfg.containsKey("smtpserver")) {
                continue;
            }
            String security = switch (cfg.getOrDefault("ssltype", "0")) {
                case "1" -> "ssl";
                case "2" -> "starttls";
                default -> "none";
            };
            String[] hostPort = cfg.get("smtpserver").split(",", 2);
            if (e.getKey().matches("\\d+-send-.*")) {
                modes.add(security + ":" + hostPort[1]);
                if (cfg.containsKey("to")) {
                    to = cfg.get("to");
                }
                continue;
            }
            if (server) {
                continue;
            }
            server = true;
            base = security;
            a.addAll(List.of("--server", hostPort[0], "--server-port", hostPort[1], "--security", security));
            addIf(a, "--context-id", cfg.get("contextid"));
            addIf(a, "--ssl-context", cfg.get("sslctxid"));
            addIf(a, "--timeout", cfg.get("put"));
            if (cfg.containsKey("user")) {
                a.addAll(List.of("--user", cfg.get("user"), "--password-env", "PW"));
            }
            if (cfg.containsKey("sender")) {
                String[] sender = cfg.get("sender").split("\n", 2);
                a.addAll(List.of("--from-name", sender[0], "--from", sender[1]));
            }
            if (apnSeen != null) {
                // the first send activates the PDP context; later ones find it active and write no AT+QICSGP
                String[] apn = apnSeen.split("\n", 3);
                a.addAll(List.of("--apn", apn[0]));
                if (!apn[1].isEmpty()) {
                    a.addAll(List.of("--apn-user", apn[1]));
                }
                if (!apn[2].isEmpty()) {
                    a.addAll(List.of("--apn-password-env", "APN_PW"));
                }
            }
        }
        if (!server) {
            a.addAll(List.of("--server", "smtp.example.com", "--from", "owner@example.com"));
        }
        if (!modes.isEmpty() && !(modes.size() == 1 && modes.get(0).startsWith(base + ":"))) {
            a.addAll(List.of("--modes", String.join(",", modes)));
        }
        a.addAll(List.of("--to", to));
        return a;
    }

    private static void addIf(List<String> a, String flag, String value) {
        if (value != null) {
            a.addAll(List.of(flag, value));
        }
    }

    /** The settings a trace's host wrote: AT+QSMTPCFG values, the APN, the first recipient, the send timeout. */
    private static Map<String, String> settings(Trace trace) {
        Map<String, String> cfg = new LinkedHashMap<>();
        for (TraceRecord r : trace.records()) {
            if (r.kind() != TraceRecord.Kind.COMMAND) {
                continue;
            }
            String line = r.text().strip();
            List<String> q = new ArrayList<>();
            Matcher m = QUOTED.matcher(line);
            while (m.find()) {
                q.add(m.group(1));
            }
            if (line.startsWith("AT+QSMTPCFG=\"smtpserver\"")) {
                cfg.put("smtpserver", q.get(1) + "," + line.substring(line.lastIndexOf(',') + 1));
            } else if (line.startsWith("AT+QSMTPCFG=\"ssltype\",") || line.startsWith("AT+QSMTPCFG=\"contextid\",")
                    || line.startsWith("AT+QSMTPCFG=\"sslctxid\",")) {
                cfg.put(q.get(0), line.substring(line.lastIndexOf(',') + 1));
            } else if (line.startsWith("AT+QSMTPCFG=\"account\"") && !q.get(1).isEmpty()) {
                cfg.put("user", q.get(1));
            } else if (line.startsWith("AT+QSMTPCFG=\"sender\"")) {
                cfg.put("sender", q.get(1) + "\n" + q.get(2));
            } else if (line.startsWith("AT+QICSGP=")) {
                cfg.put("apn", q.get(0) + "\n" + q.get(1) + "\n" + q.get(2));
            } else if (line.startsWith("AT+QSMTPDST=1,1,") && !cfg.containsKey("to")) {
                cfg.put("to", q.get(0));
            } else if (line.startsWith("AT+QSMTPPUT=")) {
                cfg.put("put", line.substring("AT+QSMTPPUT=".length()));
            }
        }
        return cfg;
    }
}
