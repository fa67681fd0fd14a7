package org.assay.miners.internal;

import weka.core.Instance;
import weka.core.Instances;

/**
 * How well the clusters are separated, on the columns clustered on, each numeric one
 * z-scored (so no unit dominates) and a nominal one counting 0 or 1; a missing value counts
 * as the column's mean. Two signals: the mean silhouette of a sample of rows (every n-th row,
 * at most {@link #SAMPLE} rows, since it compares every pair) and the share of the numeric
 * variance that lies between clusters rather than within them, over all rows. Stateless.
 */
final class ClusterQuality {

    static final int SAMPLE = 1_000;

    /**
     * @param silhouette   mean silhouette in [-1, 1]; NaN with fewer than two clusters
     * @param between      between-cluster share of the variance in [0, 1]; NaN without a numeric column
     * @param sampledRows  rows the silhouette was computed on
     */
    record Result(double silhouette, double between, int sampledRows) { }

    private ClusterQuality() {
    }

    /** @param assigned each row's cluster, -1 for a row not placed (left out) */
    static Result of(Instances data, int[] assigned, int k) {
        int m = data.numAttributes();
        int n = data.numInstances();
        double[] mean = new double[m];
        double[] sd = new double[m];
        for (int j = 0; j < m; j++) {
            if (data.attribute(j).isNumeric()) {
                mean[j] = data.meanOrMode(j);
                double var = data.variance(j);
                sd[j] = var > 0 ? Math.sqrt(var) : 0;
            }
        }
        return new Result(silhouette(data, assigned, k, mean, sd), between(data, assigned, k, mean, sd),
                Math.min(n, sampleSize(n)));
    }

    private static int sampleSize(int n) {
        int step = Math.max(1, (n + SAMPLE - 1) / SAMPLE);
        return (n + step - 1) / step;
    }

    private static double z(Instance row, int j, double[] mean, double[] sd) {
        if (row.isMissing(j) || sd[j] == 0) {
            return 0;
        }
        return (row.value(j) - mean[j]) / sd[j];
    }

    private static double distance(Instances data, int a, int b, double[] mean, double[] sd) {
        Instance x = data.instance(a);
        Instance y = data.instance(b);
        double sum = 0;
        for (int j = 0; j < data.numAttributes(); j++) {
            double d;
            if (data.attribute(j).isNumeric()) {
                d = z(x, j, mean, sd) - z(y, j, mean, sd);
            } else {
                d = x.isMissing(j) || y.isMissing(j) || x.value(j) == y.value(j) ? 0 : 1;
            }
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    private static double silhouette(Instances data, int[] assigned, int k, double[] mean, double[] sd) {
        if (k < 2) {
            return Double.NaN;
        }
        int n = data.numInstances();
        int step = Math.max(1, (n + SAMPLE - 1) / SAMPLE);
        int[] rows = new int[sampleSize(n)];
        int count = 0;
        for (int i = 0; i < n; i += step) {
            if (assigned[i] >= 0) {
                rows[count++] = i;
            }
        }
        double total = 0;
        int scored = 0;
        for (int a = 0; a < count; a++) {
            double[] sum = new double[k];
            int[] members = new int[k];
            for (int b = 0; b < count; b++) {
                if (a != b) {
                    sum[assigned[rows[b]]] += distance(data, rows[a], rows[b], mean, sd);
                    members[assigned[rows[b]]]++;
                }
            }
            int own = assigned[rows[a]];
            scored++;
            if (members[own] == 0) {
                continue; // alone in its cluster in the sample: silhouette 0 by convention
            }
            double inside = sum[own] / members[own];
            double nearest = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && members[c] > 0) {
                    nearest = Math.min(nearest, sum[c] / members[c]);
                }
            }
            if (Double.isFinite(nearest) && Math.max(inside, nearest) > 0) {
                total += (nearest - inside) / Math.max(inside, nearest);
            }
        }
        return scored == 0 ? Double.NaN : total / scored;
    }

    private static double between(Instances data, int[] assigned, int k, double[] mean, double[] sd) {
        int m = data.numAttributes();
        double[][] sums = new double[k][m];
        long[] sizes = new long[k];
        double totalSs = 0;
        for (int i = 0; i < data.numInstances(); i++) {
            int c = assigned[i];
            if (c < 0) {
                continue;
            }
            sizes[c]++;
            for (int j = 0; j < m; j++) {
                if (data.attribute(j).isNumeric()) {
                    double v = z(data.instance(i), j, mean, sd);
                    sums[c][j] += v;
                    totalSs += v * v;
                }
            }
        }
        if (totalSs == 0) {
            return Double.NaN;
        }
        // Between SS = sum over clusters of size * |cluster mean|^2 (the overall mean is 0 after z-scoring).
        double betweenSs = 0;
        for (int c = 0; c < k; c++) {
            if (sizes[c] == 0) {
                continue;
            }
            for (int j = 0; j < m; j++) {
                double mu = sums[c][j] / sizes[c];
                betweenSs += sizes[c] * mu * mu;
            }
        }
        return betweenSs / totalSs;
    }
}
