package org.assay.cleaners.internal.outliers;

import java.util.Arrays;
import org.assay.api.data.Quantile;

/**
 * The statistics of one column (in one group) and the fences they give: a value below
 * {@link #lower} or above {@link #upper} is an outlier. A column whose spread is 0 (most values
 * equal) has no fences: every value would be infinitely far, which says nothing.
 */
final class Fence {

    /** Scales the MAD to the standard deviation of a normal distribution. */
    static final double MAD_TO_SD = 1.4826;
    /** Scales the mean absolute deviation to the standard deviation, when the MAD is 0. */
    static final double MEAN_AD_TO_SD = 1.2533;

    final OutlierMethod method;
    final int values;
    final double center;
    final double spread;
    final double lower;
    final double upper;
    /** The first and third quartile, for iqr's score. */
    private final double q1;
    private final double q3;
    final String note;
    long touched;

    private Fence(OutlierMethod method, int values, double center, double spread, double lower, double upper,
            double q1, double q3, String note) {
        this.method = method;
        this.values = values;
        this.center = center;
        this.spread = spread;
        this.lower = lower;
        this.upper = upper;
        this.q1 = q1;
        this.q3 = q3;
        this.note = note;
    }

    /** The fences of {@code values[0..n)} (reordered by the call). */
    static Fence of(OutlierMethod method, double[] values, int n, double threshold, int minValues) {
        if (n < minValues) {
            return none(method, n, "fewer than " + minValues + " values: not checked");
        }
        return switch (method) {
            case Z_SCORE -> {
                double mean = 0;
                for (int i = 0; i < n; i++) {
                    mean += values[i];
                }
                mean /= n;
                double ss = 0;
                for (int i = 0; i < n; i++) {
                    ss += (values[i] - mean) * (values[i] - mean);
                }
                double sd = Math.sqrt(ss / (n - 1));
                yield sd == 0 ? none(method, n, "every value is the same: not checked")
                        : new Fence(method, n, mean, sd, mean - threshold * sd, mean + threshold * sd, 0, 0, "");
            }
            case ROBUST_Z -> {
                Arrays.sort(values, 0, n);
                double median = Quantile.of(values, n, 0.5);
                double[] dev = new double[n];
                double meanAd = 0;
                for (int i = 0; i < n; i++) {
                    dev[i] = Math.abs(values[i] - median);
                    meanAd += dev[i];
                }
                meanAd /= n;
                Arrays.sort(dev);
                double spread = MAD_TO_SD * Quantile.of(dev, n, 0.5);
                String note = "";
                if (spread == 0) {
                    // Over half the values equal the median: the mean absolute deviation still measures the rest.
                    spread = MEAN_AD_TO_SD * meanAd;
                    note = "MAD is 0: spread from the mean absolute deviation";
                }
                yield spread == 0 ? none(method, n, "every value is the same: not checked")
                        : new Fence(method, n, median, spread, median - threshold * spread,
                                median + threshold * spread, 0, 0, note);
            }
            case IQR -> {
                Arrays.sort(values, 0, n);
                double q1 = Quantile.of(values, n, 0.25);
                double q3 = Quantile.of(values, n, 0.75);
                double iqr = q3 - q1;
                yield iqr == 0 ? none(method, n, "IQR is 0 (half the values are equal): not checked")
                        : new Fence(method, n, Quantile.of(values, n, 0.5), iqr, q1 - threshold * iqr,
                                q3 + threshold * iqr, q1, q3, "");
            }
            case ISOLATION_FOREST -> throw new IllegalArgumentException("isolation-forest has no fences");
        };
    }

    private static Fence none(OutlierMethod method, int n, String note) {
        return new Fence(method, n, Double.NaN, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0,
                0, note);
    }

    boolean checked() {
        return !Double.isNaN(spread);
    }

    boolean isOutlier(double v) {
        return v < lower || v > upper;
    }

    /** How far out the value is, in the method's units (z, robust z, IQRs outside the box); 0 unchecked. */
    double score(double v) {
        if (!checked()) {
            return 0;
        }
        return switch (method) {
            case Z_SCORE, ROBUST_Z -> Math.abs(v - center) / spread;
            case IQR -> v > q3 ? (v - q3) / spread : v < q1 ? (q1 - v) / spread : 0;
            case ISOLATION_FOREST -> 0;
        };
    }
}
