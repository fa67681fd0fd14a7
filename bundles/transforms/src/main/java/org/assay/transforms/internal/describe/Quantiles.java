package org.assay.transforms.internal.describe;

/** Quantiles of sorted values by linear interpolation between closest ranks (R type 7, numpy's default). */
final class Quantiles {

    private Quantiles() {
    }

    /** The p-quantile (0 &lt;= p &lt;= 1) of {@code sorted[0..n)}; NaN when n is 0. */
    static double of(double[] sorted, int n, double p) {
        if (n == 0) {
            return Double.NaN;
        }
        double pos = p * (n - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, n - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
