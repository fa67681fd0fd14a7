package org.assay.benchmarks;

import java.util.Arrays;
import java.util.List;

/**
 * One measured section: wall time and the heap it used ({@link HeapWatch}).
 *
 * @param heapAfterGc most heap in use right after a collection (live data and old garbage)
 * @param heapSampled most heap in use at any sample, garbage included
 */
record Measurement(long millis, long heapAfterGc, long heapSampled) {

    private static final double MIB = 1024.0 * 1024.0;

    /** The code measured. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    /** Collects first (outside the time), then times {@code work}. */
    static Measurement of(HeapWatch heap, Work work) throws Exception {
        heap.reset();
        long t0 = System.nanoTime();
        work.run();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new Measurement(millis, heap.maxAfterGc(), heap.maxSampled());
    }

    static long[] millis(List<Measurement> ms) {
        return ms.stream().mapToLong(Measurement::millis).toArray();
    }

    /** "heap 812 MiB peak, 95 after GC": the largest of each over the runs. */
    static String heap(List<Measurement> ms) {
        long sampled = ms.stream().mapToLong(Measurement::heapSampled).max().orElse(0);
        long afterGc = ms.stream().mapToLong(Measurement::heapAfterGc).max().orElse(0);
        return String.format("heap %.0f MiB peak, %.0f after GC", sampled / MIB, afterGc / MIB);
    }

    static long median(long[] v) {
        long[] sorted = v.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static long min(long[] v) {
        return Arrays.stream(v).min().orElse(0);
    }
}
