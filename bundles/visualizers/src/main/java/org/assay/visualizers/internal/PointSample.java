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

    /**
     * A uniform sample of {@code capacity} of the points held (a uniform subset of a uniform
     * sample is uniform), with the same fixed seed; this sample when it holds no more.
     */
    PointSample subsample(int capacity) {
        if (size <= capacity) {
            return this;
        }
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        SplittableRandom pick = new SplittableRandom(SEED);
        PointSample out = new PointSample(capacity);
        for (int i = 0; i < capacity; i++) {
            // A partial Fisher-Yates shuffle: the first capacity slots end up a uniform choice.
            int j = i + pick.nextInt(size - i);
            int chosen = order[j];
            order[j] = order[i];
            order[i] = chosen;
            out.xs[i] = xs[chosen];
            out.ys[i] = ys[chosen];
            out.series[i] = series[chosen];
        }
        out.size = capacity;
        out.seen = seen;
        return out;
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
