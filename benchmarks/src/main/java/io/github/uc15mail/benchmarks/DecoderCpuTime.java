package io.github.uc15mail.benchmarks;

import io.github.uc15mail.at.internal.AtDecoder;
import io.github.uc15mail.at.internal.AtEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Decoder throughput per CPU-second of the decoding thread, on the same {@link MixedTraffic} as
 * {@link DecoderBenchmark}: a complement to JMH's wall-clock figure on a shared machine, where other
 * processes take the cores and wall-clock throughput mostly measures how much CPU the benchmark got.
 * Four CPU-seconds of warm-up, then ten one-CPU-second samples; prints the median, min and max. It does
 * not remove every effect of sharing (caches, the other hyper-thread), so compare runs made side by side.
 *
 * <p>{@code java -cp uc15mail-benchmarks.jar io.github.uc15mail.benchmarks.DecoderCpuTime 64}
 */
public final class DecoderCpuTime {

    private static long sink;

    private DecoderCpuTime() {
    }

    /** {@code args[0]}: the chunk size in bytes. */
    public static void main(String[] args) {
        int chunk = Integer.parseInt(args[0]);
        byte[] data = Arrays.copyOf(MixedTraffic.build(DecoderBenchmark.TRAFFIC_BYTES, 15), DecoderBenchmark.TRAFFIC_BYTES);
        AtDecoder decoder = new AtDecoder(DecoderCpuTime::consume);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long warmEnd = mx.getCurrentThreadCpuTime() + 4_000_000_000L;
        while (mx.getCurrentThreadCpuTime() < warmEnd) {
            decode(decoder, data, chunk);
        }
        double[] mbPerCpuSecond = new double[10];
        for (int k = 0; k < mbPerCpuSecond.length; k++) {
            long start = mx.getCurrentThreadCpuTime();
            long ops = 0;
            while (mx.getCurrentThreadCpuTime() - start < 1_000_000_000L) {
                for (int i = 0; i < 20; i++) {
                    decode(decoder, data, chunk);
                }
                ops += 20;
            }
            long cpu = mx.getCurrentThreadCpuTime() - start;
            mbPerCpuSecond[k] = ops * (double) data.length / (cpu / 1e9) / 1e6;
        }
        Arrays.sort(mbPerCpuSecond);
        System.out.printf(Locale.ROOT, "chunk %d: median %.0f MB per CPU-second (min %.0f, max %.0f); checksum %d%n", chunk,
                (mbPerCpuSecond[4] + mbPerCpuSecond[5]) / 2, mbPerCpuSecond[0], mbPerCpuSecond[9], sink);
    }

    private static void consume(AtEvent event) {
        sink += event.line().length();
    }

    private static void decode(AtDecoder decoder, byte[] data, int step) {
        for (int off = 0; off < data.length; off += step) {
            decoder.feed(data, off, Math.min(step, data.length - off));
        }
    }
}
