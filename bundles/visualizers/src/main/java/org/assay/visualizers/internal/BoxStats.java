package org.assay.visualizers.internal;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.assay.api.data.Quantile;

/**
 * One box of a box plot: exact count, mean, minimum and maximum over every value, and the
 * quartiles from a uniform sample of at most {@link #SAMPLE} values (reservoir sampling with a
 * fixed seed; exact when the box has fewer values). Quartiles interpolate linearly between
 * order statistics (Hyndman and Fan type 7, R's and NumPy's default). Whiskers follow Tukey:
 * they reach the most extreme values within 1.5 IQR of the box; values beyond are outliers.
 */
final class BoxStats {

    /** Values kept per box: quartiles of 4,096 uniform draws are within about 2% of the rank. */
    static final int SAMPLE = 4_096;

    private final double[] sample = new double[SAMPLE];
    private final SplittableRandom random = new SplittableRandom(PointSample.SEED);
    private long count;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private long rows;
    private double[] sorted;

    void row() {
        rows++;
    }

    void add(double v) {
        if (count < SAMPLE) {
            sample[(int) count] = v;
        } else {
            long j = random.nextLong(count + 1);
            if (j < SAMPLE) {
                sample[(int) j] = v;
            }
        }
        count++;
        sum += v;
        min = Math.min(min, v);
        max = Math.max(max, v);
        sorted = null;
    }

    long rows() {
        return rows;
    }

    long count() {
        return count;
    }

    boolean sampled() {
        return count > SAMPLE;
    }

    double mean() {
        return count == 0 ? Double.NaN : sum / count;
    }

    double min() {
        return count == 0 ? Double.NaN : min;
    }

    double max() {
        return count == 0 ? Double.NaN : max;
    }

    private double[] sorted() {
        if (sorted == null) {
            sorted = Arrays.copyOf(sample, (int) Math.min(count, SAMPLE));
            Arrays.sort(sorted);
        }
        return sorted;
    }

    /** The {@code p} quantile (0..1) by linear interpolation, type 7; NaN without values. */
    double quantile(double p) {
        return Quantile.of(sorted(), p);
    }

    /** Lowest value held within 1.5 IQR below Q1 (the true minimum when it is not an outlier). */
    double lowerWhisker() {
        double fence = quantile(0.25) - 1.5 * iqr();
        if (min >= fence) {
            return min();
        }
        for (double v : sorted()) {
            if (v >= fence) {
                return v;
            }
        }
        return Double.NaN;
    }

    /** Highest value held within 1.5 IQR above Q3. */
    double upperWhisker() {
        double fence = quantile(0.75) + 1.5 * iqr();
        if (max <= fence) {
            return max();
        }
        double[] s = sorted();
        for (int i = s.length - 1; i >= 0; i--) {
            if (s[i] <= fence) {
                return s[i];
            }
        }
        return Double.NaN;
    }

    double iqr() {
        return quantile(0.75) - quantile(0.25);
    }

    /** The held values beyond the whiskers, plus the exact extremes when the sample missed them. */
    double[] outliers() {
        double lo = lowerWhisker();
        double hi = upperWhisker();
        double[] s = sorted();
        double[] out = new double[s.length + 2];
        int n = 0;
        for (double v : s) {
            if (v < lo || v > hi) {
                out[n++] = v;
            }
        }
        if (count > 0 && min < lo && (s.length == 0 || s[0] != min)) {
            out[n++] = min;
        }
        if (count > 0 && max > hi && (s.length == 0 || s[s.length - 1] != max)) {
            out[n++] = max;
        }
        return Arrays.copyOf(out, n);
    }
}
