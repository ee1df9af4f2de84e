package io.github.uc15mail.benchmarks;

import io.github.uc15mail.at.internal.AtDecoder;
import io.github.uc15mail.at.internal.AtEvent;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of {@link AtDecoder} on {@link MixedTraffic}, fed in chunks of {@link #chunk} bytes. One
 * operation decodes the whole traffic buffer ({@link #TRAFFIC_BYTES} bytes), so bytes per second are
 * operations per second times {@link #TRAFFIC_BYTES}, and allocated bytes per decoded byte are the GC
 * profiler's {@code gc.alloc.rate.norm} divided by it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecoderBenchmark {

    /** Size of the traffic decoded per operation. */
    public static final int TRAFFIC_BYTES = 64 * 1024;

    /** Bytes handed to {@link AtDecoder#feed(byte[], int, int)} per call. */
    @Param({"1", "64", "4096"})
    public int chunk;

    private byte[] traffic;
    private AtDecoder decoder;
    private Blackhole sink;

    /** Builds the traffic once; the decoder hands every event to the blackhole. */
    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        byte[] built = MixedTraffic.build(TRAFFIC_BYTES, 15);
        traffic = java.util.Arrays.copyOf(built, TRAFFIC_BYTES);
        sink = blackhole;
        decoder = new AtDecoder(this::consume);
    }

    private void consume(AtEvent event) {
        sink.consume(event);
    }

    /** Decodes the whole buffer once. */
    @Benchmark
    public void decode() {
        byte[] data = traffic;
        int step = chunk;
        for (int off = 0; off < data.length; off += step) {
            decoder.feed(data, off, Math.min(step, data.length - off));
        }
    }
}
