package org.assay.visualizers.internal;

import org.assay.api.data.Column;

/**
 * Pearson's r between every pair of k numeric columns, in one streaming pass and memory of k²
 * numbers, whatever the row count. Nulls and non-finite values are deleted pairwise: each pair
 * uses the rows where both columns have a value. Sums are kept as Welford's running means and
 * co-moments, so a million rows of large values lose no precision. Not thread-safe.
 */
final class CorrelationMatrix {

    private final int k;
    private final long[][] n;
    private final double[][] meanA;
    private final double[][] meanB;
    private final double[][] m2A;
    private final double[][] m2B;
    private final double[][] co;

    CorrelationMatrix(int columns) {
        k = columns;
        n = new long[k][k];
        meanA = new double[k][k];
        meanB = new double[k][k];
        m2A = new double[k][k];
        m2B = new double[k][k];
        co = new double[k][k];
    }

    /** Adds the rows of one batch; {@code columns} in matrix order. */
    void add(Column[] columns, int rows) {
        double[] v = new double[k];
        boolean[] has = new boolean[k];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < k; i++) {
                has[i] = !columns[i].isNull(r);
                v[i] = has[i] ? columns[i].getDouble(r) : Double.NaN;
                has[i] = has[i] && Double.isFinite(v[i]);
            }
            for (int a = 0; a < k; a++) {
                if (!has[a]) {
                    continue;
                }
                // The diagonal (a, a) tracks the column alone: whether it varies.
                for (int b = a; b < k; b++) {
                    if (has[b]) {
                        long count = ++n[a][b];
                        double da = v[a] - meanA[a][b];
                        meanA[a][b] += da / count;
                        double db = v[b] - meanB[a][b];
                        meanB[a][b] += db / count;
                        m2A[a][b] += da * (v[a] - meanA[a][b]);
                        m2B[a][b] += db * (v[b] - meanB[a][b]);
                        co[a][b] += da * (v[b] - meanB[a][b]);
                    }
                }
            }
        }
    }

    /** r of columns a and b; NaN when undefined (fewer than 2 rows with both, or one constant over them). */
    double r(int a, int b) {
        int i = Math.min(a, b);
        int j = Math.max(a, b);
        if (n[i][j] < 2 || m2A[i][j] <= 0 || m2B[i][j] <= 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, co[i][j] / Math.sqrt(m2A[i][j] * m2B[i][j])));
    }

    /** Rows where both columns have a value. */
    long n(int a, int b) {
        return n[Math.min(a, b)][Math.max(a, b)];
    }
}
