package org.assay.transforms.internal.describe;

import java.util.Arrays;

/**
 * Pearson's r, Spearman's rho and Cramér's V over paired values. Stateless. A coefficient that
 * is undefined (fewer than two pairs, a constant side, a one-category side) is NaN.
 */
final class Coefficients {

    private Coefficients() {
    }

    /** Pearson's r of x[0..n) and y[0..n), computed from centred sums (two passes) for accuracy. */
    static double pearson(double[] x, double[] y, int n) {
        if (n < 2) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        double r = sxy / Math.sqrt(sxx * syy);
        return Math.max(-1, Math.min(1, r));
    }

    /** Spearman's rho: Pearson's r of the ranks, ties given their average rank. */
    static double spearman(double[] x, double[] y, int n) {
        return pearson(ranks(x, n), ranks(y, n), n);
    }

    /** Ranks 1..n of v[0..n); equal values share the mean of their ranks. */
    static double[] ranks(double[] v, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] rank = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double mean = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                rank[order[k]] = mean;
            }
            i = j + 1;
        }
        return rank;
    }

    /**
     * Cramér's V (without bias correction) of paired category codes a[0..n) and b[0..n), codes in
     * [0, ka) and [0, kb): sqrt(chi2 / (n (min(r, c) - 1))) over the categories that occur.
     */
    static double cramersV(int[] a, int[] b, int n, int ka, int kb) {
        if (n == 0) {
            return Double.NaN;
        }
        long[][] table = new long[ka][kb];
        long[] rows = new long[ka];
        long[] cols = new long[kb];
        for (int i = 0; i < n; i++) {
            table[a[i]][b[i]]++;
            rows[a[i]]++;
            cols[b[i]]++;
        }
        int r = (int) Arrays.stream(rows).filter(c -> c > 0).count();
        int c = (int) Arrays.stream(cols).filter(x -> x > 0).count();
        if (Math.min(r, c) < 2) {
            return Double.NaN;
        }
        double chi2 = 0;
        for (int i = 0; i < ka; i++) {
            if (rows[i] == 0) {
                continue;
            }
            for (int j = 0; j < kb; j++) {
                if (cols[j] == 0) {
                    continue;
                }
                double expected = (double) rows[i] * cols[j] / n;
                double d = table[i][j] - expected;
                chi2 += d * d / expected;
            }
        }
        return Math.min(1, Math.sqrt(chi2 / (n * (double) (Math.min(r, c) - 1))));
    }
}
