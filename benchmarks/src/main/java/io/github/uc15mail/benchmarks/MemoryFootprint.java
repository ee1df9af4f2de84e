package io.github.uc15mail.benchmarks;

import io.github.uc15mail.testkit.Uc15Emulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Heap the SDK needs to send a file attachment, measured apart from the emulator: this process runs the
 * emulator (which keeps files in memory, as a modem's RAM does) on TCP and the SMTP server; each size is
 * sent by a fresh {@link MemoryProbe} JVM limited to {@code -Xmx32m}, streaming the attachment from a file.
 */
public final class MemoryFootprint {

    /** Heap limit of the host JVM. */
    public static final String HOST_HEAP = "-Xmx32m";

    /** What one probe reported. */
    public record Result(long attachmentBytes, boolean completed, long peakUsedBytes, long peakLiveBytes,
            long millis, String failure) {
    }

    private MemoryFootprint() {
    }

    /** Runs one probe JVM per size, one after another, against one emulator. */
    public static List<Result> run(SmtpServer smtp, long... sizes) {
        long largest = 0;
        for (long s : sizes) {
            largest = Math.max(largest, s);
        }
        List<Result> results = new ArrayList<>();
        try (Uc15Emulator modem = Uc15Emulator.builder().ramCapacity(largest + 1_048_576).build()) {
            int port = modem.listenTcp(0);
            for (long size : sizes) {
                results.add(probe(port, smtp, size));
                smtp.purge();
            }
        }
        return results;
    }

    private static Result probe(int modemPort, SmtpServer smtp, long size) {
        Path file = Emails.randomFile(size, size);
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, HOST_HEAP, "-cp", System.getProperty("java.class.path"),
                    MemoryProbe.class.getName(), String.valueOf(modemPort), smtp.host(), String.valueOf(smtp.port()),
                    file.toString());
            pb.redirectErrorStream(true);
            Process p = pb.start();
            String result = null;
            StringBuilder output = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("RESULT ")) {
                        result = line;
                    } else if (output.length() < 4000) {
                        output.append(line).append('\n');
                    }
                }
            }
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
            if (result == null) {
                return new Result(size, false, 0, 0, 0, "exit " + p.exitValue() + ": " + output.toString().strip());
            }
            String[] f = result.split(" ");
            boolean sent = f[4].equals("0");
            return new Result(size, sent, Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                    sent ? null : "result code " + f[4]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temp file; deleteOnExit is armed too
            }
        }
    }
}
