package io.github.uc15mail.cli;

import io.github.uc15mail.module.ModuleLimit;
import io.github.uc15mail.module.ModuleProfile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * What {@code qualify} found: one row per phase (passed or not, how long, what was seen), the limits the run
 * confirmed, and the zip a module owner sends us ({@code report.md}, {@code probe.json}, the masked traces).
 */
final class QualifyReport {

    /** One phase of the matrix. */
    record Row(String phase, boolean passed, long millis, String detail) {
    }

    private final List<Row> rows = new ArrayList<>();
    /** Limit kind label to what this run saw, for the profile proposal. */
    private final Map<String, String> confirmed = new LinkedHashMap<>();
    private final List<Path> traces = new ArrayList<>();
    String model = "unknown";
    String revision = "unknown";
    String identity = "";
    String probeJson = "{}";
    ModuleProfile profile;

    void add(Row row) {
        rows.add(row);
    }

    void confirm(String limit, String seen) {
        confirmed.put(limit, seen);
    }

    void trace(Path file) {
        traces.add(file);
    }

    List<Path> traces() {
        return List.copyOf(traces);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    boolean allPassed() {
        return !rows.isEmpty() && rows.stream().allMatch(Row::passed);
    }

    /** The table as the terminal shows it. */
    void printTable(java.io.PrintStream out) {
        int w = Math.max(5, rows.stream().mapToInt(r -> r.phase.length()).max().orElse(5));
        out.println(String.format(Locale.ROOT, "%-" + w + "s  %-6s %8s  %s", "phase", "result", "time", "detail"));
        for (Row r : rows) {
            out.println(String.format(Locale.ROOT, "%-" + w + "s  %-6s %7.1fs  %s", r.phase, r.passed ? "PASS" : "FAIL",
                    r.millis / 1000.0, r.detail));
        }
    }

    /** {@code qualify-<model>-<revision>-<yyyymmdd>.zip}, with characters unfit for a file name replaced. */
    String zipName(String yyyymmdd) {
        return "qualify-" + safe(model) + "-" + safe(revision) + "-" + yyyymmdd + ".zip";
    }

    private static String safe(String s) {
        String r = s.replaceAll("[^A-Za-z0-9._-]", "_");
        return r.isEmpty() ? "unknown" : r;
    }

    String markdown(String date, String sdk) {
        StringBuilder md = new StringBuilder();
        md.append("# Qualification of ").append(model).append(' ').append(revision).append("\n\n");
        md.append("- ATI: `").append(identity).append("`\n- date: ").append(date).append("\n- SDK: ").append(sdk)
                .append("\n- result: ").append(allPassed() ? "every row passed" : "FAILED rows below").append("\n\n");
        md.append("| phase | result | time (s) | detail |\n|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.phase).append(" | ").append(r.passed ? "PASS" : "FAIL").append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", r.millis / 1000.0)).append(" | ")
                    .append(r.detail.replace("|", "\\|")).append(" |\n");
        }
        md.append("\n## Proposed profile values\n\n");
        md.append("Limits this run exercised on the module. Each can become `Provenance.VERIFIED` in `ProfileTable` ")
                .append("with the source \"qualify ").append(model).append(' ').append(revision).append(' ').append(date)
                .append("\" (see docs/traces.md).\n\n");
        md.append("| limit | profile now | provenance now | seen on the module |\n|---|---|---|---|\n");
        for (Map.Entry<String, String> e : confirmed.entrySet()) {
            String now = "";
            String prov = "";
            if (profile != null) {
                for (ModuleLimit l : profile.limits()) {
                    if (l.kind().label().equals(e.getKey())) {
                        now = l.values().map(Object::toString).orElse(l.note());
                        prov = l.provenance().toString();
                    }
                }
            }
            md.append("| ").append(e.getKey()).append(" | ").append(now).append(" | ").append(prov).append(" | ")
                    .append(e.getValue()).append(" |\n");
        }
        md.append("\n## Traces\n\n");
        for (Path t : traces) {
            md.append("- `traces/").append(t.getFileName()).append("`\n");
        }
        return md.toString();
    }

    /** Writes the zip into {@code dir} and returns its path. */
    Path writeZip(Path dir, String yyyymmdd, String date, String sdk) throws IOException {
        Path zip = dir.resolve(zipName(yyyymmdd));
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os)) {
            entry(z, "report.md", markdown(date, sdk).getBytes(StandardCharsets.UTF_8));
            entry(z, "probe.json", probeJson.getBytes(StandardCharsets.UTF_8));
            for (Path t : traces) {
                if (Files.exists(t)) {
                    entry(z, "traces/" + t.getFileName(), Files.readAllBytes(t));
                }
            }
        }
        return zip;
    }

    private static void entry(ZipOutputStream z, String name, byte[] bytes) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(bytes);
        z.closeEntry();
    }
}
