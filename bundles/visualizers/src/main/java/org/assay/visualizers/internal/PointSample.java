package org.assay.visualizers.internal;

import java.util.SplittableRandom;

/**
 * A uniform random sample of at most {@code capacity} points from a stream of unknown
 * length (reservoir sampling, Vitter's algorithm R). The seed is fixed, so the same input
 * in the same order always gives the same chart. Memory is three arrays of
 * {@code capacity}. Not thread-safe.
 */
final class PointSample {

    static final long SEED = 42L;

    private final double[] xs;
    private final double[] ys;
    private final int[] series;
    private final SplittableRandom random = new SplittableRandom(SEED);
    private long seen;
    private int size;

    PointSample(int capacity) {
        xs = new double[capacity];
        ys = new double[capacity];
        series = new int[capacity];
    }

    void offer(double x, double y, int seriesId) {
        int slot;
        if (size < xs.length) {
            slot = size++;
        } else {
            long j = random.nextLong(seen + 1);
            slot = j < xs.length ? (int) j : -1;
        }
        seen++;
        if (slot >= 0) {
            xs[slot] = x;
            ys[slot] = y;
            series[slot] = seriesId;
        }
    }

    /** Points offered so far. */
    long seen() {
        return seen;
    }

    /** Points held: min(seen, capacity). */
    int size() {
        return size;
    }

    boolean isSampled() {
        return seen > size;
    }

    double x(int i) {
        return xs[i];
    }

    double y(int i) {
        return ys[i];
    }

    int series(int i) {
        return series[i];
    }
}
