package org.assay.api.data;

/**
 * The quantile of sorted values by linear interpolation between order statistics (Hyndman and
 * Fan type 7, the default of R, NumPy and spreadsheet PERCENTILE.INC), so that every step that
 * shows a median, quartiles, a fence or an interval computes it the same way. Stateless; safe
 * from any thread.
 */
public final class Quantile {

    private Quantile() {
    }

    /**
     * The {@code p} quantile of {@code sorted}.
     *
     * @param sorted values in ascending order, no NaN; not null, may be empty
     * @param p      0 for the minimum, 0.5 for the median, 1 for the maximum
     * @return the quantile, or NaN when there are no values
     * @throws IllegalArgumentException when {@code p} is not within 0..1
     */
    public static double of(double[] sorted, double p) {
        return of(sorted, sorted.length, p);
    }

    /**
     * The {@code p} quantile of the first {@code n} values of {@code sorted} (a buffer that is
     * only partly filled).
     *
     * @param sorted values whose first {@code n} are in ascending order, no NaN; not null
     * @param n      how many values count, 0 to {@code sorted.length}
     * @param p      0 for the minimum, 0.5 for the median, 1 for the maximum
     * @return the quantile, or NaN when {@code n} is 0
     * @throws IllegalArgumentException when {@code p} is not within 0..1 or {@code n} is out of range
     */
    public static double of(double[] sorted, int n, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile " + p + " is not within 0..1");
        }
        if (n < 0 || n > sorted.length) {
            throw new IllegalArgumentException(n + " values asked of an array of " + sorted.length);
        }
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(n - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
