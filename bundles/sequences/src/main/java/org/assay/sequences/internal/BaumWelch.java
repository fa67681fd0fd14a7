package org.assay.sequences.internal;

import java.util.Arrays;
import java.util.Random;

/**
 * Fits an {@link Hmm} to many sequences by Baum-Welch (expectation maximisation), from several
 * seeded starts, keeping the best log-likelihood. Each start seeds the Gaussian means with
 * k-means++ on the standardised numeric columns and perturbs the category frequencies, so
 * restarts explore different optima. Variances have a floor (1e-3 of the column's variance) and
 * category probabilities a small pseudo-count, so no state collapses onto a single value.
 */
final class BaumWelch {

    /** A fitted model and how the fit went. */
    record Fit(Hmm model, double logLikelihood, int iterations, boolean converged, int restart) {
    }

    private static final double PSEUDO_COUNT = 0.1;

    private final Observations data;
    private final int[] training;
    private final int maxIterations;
    private final double tolerance;
    private final double[] columnMean;
    private final double[] columnVariance;
    private final int longest;

    /** Fits on the sequences listed in {@code training}. */
    BaumWelch(Observations data, int[] training, int maxIterations, double tolerance) {
        this.data = data;
        this.training = training;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        int dims = data.dims();
        columnMean = new double[dims];
        columnVariance = new double[dims];
        int max = 0;
        for (int d = 0; d < dims; d++) {
            double sum = 0;
            double sq = 0;
            long n = 0;
            for (int s : training) {
                for (int t = data.start(s); t < data.end(s); t++) {
                    double x = data.value(t, d);
                    if (!Double.isNaN(x) && !data.categorical(d)) {
                        sum += x;
                        sq += x * x;
                        n++;
                    }
                }
            }
            columnMean[d] = n == 0 ? 0 : sum / n;
            columnVariance[d] = n < 2 ? 1 : Math.max(1e-12, sq / n - columnMean[d] * columnMean[d]);
        }
        for (int s : training) {
            max = Math.max(max, data.end(s) - data.start(s));
        }
        longest = max;
    }

    Fit fit(int states, int restarts, long seed, Runnable cancel) {
        Fit best = null;
        for (int r = 0; r < restarts; r++) {
            Random random = new Random(seed + 7919L * r + states);
            Fit f = fitFrom(start(states, random), r, cancel);
            if (best == null || f.logLikelihood() > best.logLikelihood()) {
                best = f;
            }
        }
        return best;
    }

    private Fit fitFrom(Hmm h, int restart, Runnable cancel) {
        double previous = Double.NEGATIVE_INFINITY;
        double ll = Double.NEGATIVE_INFINITY;
        int iteration = 0;
        boolean converged = false;
        while (iteration < maxIterations) {
            cancel.run();
            Accumulator acc = new Accumulator(h);
            ll = 0;
            for (int s : training) {
                ll += acc.add(s);
            }
            iteration++;
            acc.update();
            if (ll - previous <= tolerance * Math.abs(ll)) {
                converged = true;
                break;
            }
            previous = ll;
        }
        return new Fit(h, ll, iteration, converged, restart);
    }

    private Hmm start(int states, Random random) {
        Hmm h = new Hmm(states, categoricalFlags(), countFlags(), columnNames(), categoriesOf());
        int dims = data.dims();
        // k-means++ seeds over periods of the training sequences, on standardised numeric columns.
        int[] seeds = new int[states];
        int periods = 0;
        for (int s : training) {
            periods += data.end(s) - data.start(s);
        }
        int[] pool = new int[Math.min(periods, 20000)];
        for (int i = 0; i < pool.length; i++) {
            int s = training[random.nextInt(training.length)];
            int len = data.end(s) - data.start(s);
            pool[i] = data.start(s) + (len == 0 ? 0 : random.nextInt(len));
        }
        double[] nearest = new double[pool.length];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        seeds[0] = pool.length == 0 ? 0 : pool[random.nextInt(pool.length)];
        for (int k = 1; k < states; k++) {
            double total = 0;
            for (int i = 0; i < pool.length; i++) {
                nearest[i] = Math.min(nearest[i], distance(pool[i], seeds[k - 1]));
                total += nearest[i];
            }
            double pick = random.nextDouble() * total;
            int chosen = pool.length == 0 ? 0 : pool[random.nextInt(pool.length)];
            for (int i = 0; i < pool.length && total > 0; i++) {
                pick -= nearest[i];
                if (pick <= 0) {
                    chosen = pool[i];
                    break;
                }
            }
            seeds[k] = chosen;
        }
        for (int k = 0; k < states; k++) {
            h.initial[k] = 1.0 / states;
            for (int j = 0; j < states; j++) {
                h.transition[k][j] = k == j ? 0.6 + 0.2 * random.nextDouble() : 0;
            }
            double off = 1 - h.transition[k][k];
            for (int j = 0; j < states; j++) {
                if (j != k) {
                    h.transition[k][j] = states == 1 ? 0 : off / (states - 1);
                }
            }
            if (states == 1) {
                h.transition[k][k] = 1;
            }
            for (int d = 0; d < dims; d++) {
                if (data.categorical(d)) {
                    double[] p = h.probability[k][d];
                    double sum = 0;
                    for (int c = 0; c < p.length; c++) {
                        p[c] = 0.5 + random.nextDouble();
                        sum += p[c];
                    }
                    for (int c = 0; c < p.length; c++) {
                        p[c] /= sum;
                    }
                } else {
                    double x = data.value(seeds[k], d);
                    h.mean[k][d] = Double.isNaN(x) ? columnMean[d] : x;
                    if (data.count(d)) {
                        // A seed of 0 would be a rate of 0: no other count could ever be emitted.
                        h.mean[k][d] = Math.max(h.mean[k][d], 0.1 * Math.max(columnMean[d], 0.01));
                    }
                    h.variance[k][d] = columnVariance[d];
                }
            }
        }
        return h;
    }

    private double distance(int a, int b) {
        double sum = 0;
        for (int d = 0; d < data.dims(); d++) {
            if (data.categorical(d)) {
                continue;
            }
            double x = data.value(a, d);
            double y = data.value(b, d);
            if (!Double.isNaN(x) && !Double.isNaN(y)) {
                double z = (x - y);
                sum += z * z / columnVariance[d];
            }
        }
        return sum;
    }

    private boolean[] categoricalFlags() {
        boolean[] c = new boolean[data.dims()];
        for (int d = 0; d < c.length; d++) {
            c[d] = data.categorical(d);
        }
        return c;
    }

    private boolean[] countFlags() {
        boolean[] c = new boolean[data.dims()];
        for (int d = 0; d < c.length; d++) {
            c[d] = data.count(d);
        }
        return c;
    }

    private java.util.List<String> columnNames() {
        java.util.List<String> n = new java.util.ArrayList<>();
        for (int d = 0; d < data.dims(); d++) {
            n.add(data.name(d));
        }
        return n;
    }

    private java.util.List<java.util.List<String>> categoriesOf() {
        java.util.List<java.util.List<String>> c = new java.util.ArrayList<>();
        for (int d = 0; d < data.dims(); d++) {
            c.add(data.categories(d));
        }
        return c;
    }

    /** The expected counts of one E-step, turned into new parameters by {@link #update}. */
    private final class Accumulator {
        final Hmm h;
        final int k;
        final double[] initial;
        final double[][] transition;
        final double[] leaving;
        final double[][] weight;
        final double[][] sum;
        final double[][] squares;
        final double[][][] counts;
        final double[][] b;
        final double[] logScale;
        final double[][] alpha;
        final double[][] beta;
        final double[] scale;
        int sequences;

        Accumulator(Hmm h) {
            this.h = h;
            k = h.states;
            int dims = h.dims();
            initial = new double[k];
            transition = new double[k][k];
            leaving = new double[k];
            weight = new double[k][dims];
            sum = new double[k][dims];
            squares = new double[k][dims];
            counts = new double[k][dims][];
            for (int s = 0; s < k; s++) {
                for (int d = 0; d < dims; d++) {
                    if (h.categorical[d]) {
                        counts[s][d] = new double[h.categories.get(d).size()];
                    }
                }
            }
            b = new double[longest][k];
            logScale = new double[longest];
            alpha = new double[longest][k];
            beta = new double[longest][k];
            scale = new double[longest];
        }

        double add(int s) {
            int from = data.start(s);
            int n = data.end(s) - from;
            if (n == 0) {
                return 0;
            }
            sequences++;
            h.emissions(data::value, from, from + n, b, logScale);
            double ll = h.forward(b, logScale, n, alpha, scale);
            Arrays.fill(beta[n - 1], 1.0);
            for (int t = n - 2; t >= 0; t--) {
                for (int i = 0; i < k; i++) {
                    double v = 0;
                    for (int j = 0; j < k; j++) {
                        v += h.transition[i][j] * b[t + 1][j] * beta[t + 1][j];
                    }
                    beta[t][i] = v / scale[t + 1];
                }
            }
            for (int t = 0; t < n; t++) {
                for (int i = 0; i < k; i++) {
                    double gamma = alpha[t][i] * beta[t][i];
                    if (t == 0) {
                        initial[i] += gamma;
                    }
                    if (t < n - 1) {
                        leaving[i] += gamma;
                        for (int j = 0; j < k; j++) {
                            transition[i][j] += alpha[t][i] * h.transition[i][j] * b[t + 1][j] * beta[t + 1][j]
                                    / scale[t + 1];
                        }
                    }
                    for (int d = 0; d < h.dims(); d++) {
                        double x = data.value(from + t, d);
                        if (Double.isNaN(x)) {
                            continue;
                        }
                        weight[i][d] += gamma;
                        if (h.categorical[d]) {
                            counts[i][d][(int) x] += gamma;
                        } else {
                            sum[i][d] += gamma * x;
                            squares[i][d] += gamma * x * x;
                        }
                    }
                }
            }
            return ll;
        }

        void update() {
            for (int i = 0; i < k; i++) {
                h.initial[i] = (initial[i] + 1e-9) / (sequences + k * 1e-9);
                double out = 0;
                for (int j = 0; j < k; j++) {
                    out += transition[i][j];
                }
                double row = 0;
                for (int j = 0; j < k; j++) {
                    h.transition[i][j] = out > 0 ? Math.max(transition[i][j] / out, 1e-12) : 1.0 / k;
                    row += h.transition[i][j];
                }
                for (int j = 0; j < k; j++) {
                    h.transition[i][j] /= row;
                }
                for (int d = 0; d < h.dims(); d++) {
                    if (h.categorical[d]) {
                        double[] p = h.probability[i][d];
                        double total = weight[i][d] + PSEUDO_COUNT * p.length;
                        for (int c = 0; c < p.length; c++) {
                            p[c] = (counts[i][d][c] + PSEUDO_COUNT) / total;
                        }
                    } else if (weight[i][d] > 1e-9 && h.count[d]) {
                        h.mean[i][d] = Math.max(sum[i][d] / weight[i][d], 1e-6);
                    } else if (weight[i][d] > 1e-9) {
                        double m = sum[i][d] / weight[i][d];
                        h.mean[i][d] = m;
                        h.variance[i][d] = Math.max(squares[i][d] / weight[i][d] - m * m, 1e-3 * columnVariance[d]);
                    }
                }
            }
        }
    }
}
