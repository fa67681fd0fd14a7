package org.assay.sequences.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A hidden Markov model with one emission per observation column, independent given the state:
 * a Poisson for a count (integer) column, a Gaussian for a decimal one, a categorical
 * distribution for a text one. (Gaussians on counts fit spikes at 0 and 1 with tiny variances,
 * and BIC then rewards states that are artefacts; Poisson is the model of a monthly count.) Missing values are
 * left out of the emission. The forward pass is scaled per period (Rabiner 1989), so long
 * sequences do not underflow.
 */
final class Hmm {

    final int states;
    final double[] initial;
    final double[][] transition;
    final boolean[] categorical;
    final boolean[] count;
    final List<String> columns;
    final List<List<String>> categories;
    /** Per state and numeric column: mean and variance (for a count: its Poisson rate, and no variance). */
    final double[][] mean;
    final double[][] variance;
    /** Per state and categorical column: the probability of each category. */
    final double[][][] probability;

    Hmm(int states, boolean[] categorical, boolean[] count, List<String> columns, List<List<String>> categories) {
        this.states = states;
        this.categorical = categorical.clone();
        this.count = count.clone();
        this.columns = List.copyOf(columns);
        this.categories = new ArrayList<>();
        categories.forEach(c -> this.categories.add(List.copyOf(c)));
        int dims = categorical.length;
        initial = new double[states];
        transition = new double[states][states];
        mean = new double[states][dims];
        variance = new double[states][dims];
        probability = new double[states][dims][];
        for (int k = 0; k < states; k++) {
            for (int d = 0; d < dims; d++) {
                if (categorical[d]) {
                    probability[k][d] = new double[categories.get(d).size()];
                }
            }
        }
    }

    int dims() {
        return categorical.length;
    }

    /** Free parameters, for BIC. */
    int parameters() {
        int p = (states - 1) + states * (states - 1);
        for (int d = 0; d < dims(); d++) {
            p += categorical[d] ? states * (categories.get(d).size() - 1) : count[d] ? states : 2 * states;
        }
        return p;
    }

    /** log P(observation at t | state k); the values are read through {@code at}. */
    double logEmission(int k, Values at, int t) {
        double sum = 0;
        for (int d = 0; d < dims(); d++) {
            double x = at.value(t, d);
            if (Double.isNaN(x)) {
                continue;
            }
            if (categorical[d]) {
                sum += Math.log(probability[k][d][(int) x]);
            } else if (count[d]) {
                double rate = mean[k][d];
                sum += x * Math.log(rate) - rate - logFactorial((long) x);
            } else {
                double v = variance[k][d];
                double z = x - mean[k][d];
                sum += -0.5 * (Math.log(2 * Math.PI * v) + z * z / v);
            }
        }
        return sum;
    }

    private static final double[] LOG_FACTORIAL = new double[256];

    static {
        for (int i = 1; i < LOG_FACTORIAL.length; i++) {
            LOG_FACTORIAL[i] = LOG_FACTORIAL[i - 1] + Math.log(i);
        }
    }

    /** log n!, exact below 256, Stirling's series above (error below 1e-10 there). */
    static double logFactorial(long n) {
        if (n < LOG_FACTORIAL.length) {
            return LOG_FACTORIAL[(int) n];
        }
        double x = n;
        return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }

    /** Observation values by period and column; a categorical value is the category's index here. */
    interface Values {
        double value(int t, int d);
    }

    /**
     * The scaled emission matrix of periods [from, to): {@code b[t][k]} relative to the period's
     * largest, whose log goes to {@code logScale[t]}.
     */
    void emissions(Values at, int from, int to, double[][] b, double[] logScale) {
        double[] log = new double[states];
        for (int t = from; t < to; t++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < states; k++) {
                log[k] = logEmission(k, at, t);
                max = Math.max(max, log[k]);
            }
            int i = t - from;
            for (int k = 0; k < states; k++) {
                b[i][k] = Math.exp(log[k] - max);
            }
            logScale[i] = max;
        }
    }

    /**
     * The scaled forward pass over n periods: {@code alpha[t]} becomes P(state at t | periods up to
     * t); returns the log-likelihood of the sequence.
     */
    double forward(double[][] b, double[] logScale, int n, double[][] alpha, double[] scale) {
        double ll = 0;
        for (int t = 0; t < n; t++) {
            double sum = 0;
            for (int k = 0; k < states; k++) {
                double prior;
                if (t == 0) {
                    prior = initial[k];
                } else {
                    prior = 0;
                    for (int j = 0; j < states; j++) {
                        prior += alpha[t - 1][j] * transition[j][k];
                    }
                }
                alpha[t][k] = prior * b[t][k];
                sum += alpha[t][k];
            }
            if (sum <= 0 || !Double.isFinite(sum)) {
                sum = Double.MIN_NORMAL;
            }
            for (int k = 0; k < states; k++) {
                alpha[t][k] /= sum;
            }
            scale[t] = sum;
            ll += Math.log(sum) + logScale[t];
        }
        return ll;
    }

    /** The most likely state path (Viterbi, in logs) over n periods of the emission matrix. */
    int[] viterbi(double[][] b, int n) {
        int[] path = new int[n];
        if (n == 0) {
            return path;
        }
        double[] delta = new double[states];
        double[] next = new double[states];
        int[][] from = new int[n][states];
        for (int k = 0; k < states; k++) {
            delta[k] = Math.log(initial[k]) + Math.log(b[0][k]);
        }
        for (int t = 1; t < n; t++) {
            for (int k = 0; k < states; k++) {
                double best = Double.NEGATIVE_INFINITY;
                int arg = 0;
                for (int j = 0; j < states; j++) {
                    double v = delta[j] + Math.log(transition[j][k]);
                    if (v > best) {
                        best = v;
                        arg = j;
                    }
                }
                next[k] = best + Math.log(b[t][k]);
                from[t][k] = arg;
            }
            System.arraycopy(next, 0, delta, 0, states);
        }
        int last = 0;
        for (int k = 1; k < states; k++) {
            if (delta[k] > delta[last]) {
                last = k;
            }
        }
        path[n - 1] = last;
        for (int t = n - 1; t > 0; t--) {
            path[t - 1] = from[t][path[t]];
        }
        return path;
    }

    /** A copy with the states renumbered: new state i is old state {@code order[i]}. */
    Hmm permuted(int[] order) {
        Hmm h = new Hmm(states, categorical, count, columns, categories);
        for (int i = 0; i < states; i++) {
            int o = order[i];
            h.initial[i] = initial[o];
            for (int j = 0; j < states; j++) {
                h.transition[i][j] = transition[o][order[j]];
            }
            h.mean[i] = mean[o].clone();
            h.variance[i] = variance[o].clone();
            for (int d = 0; d < dims(); d++) {
                h.probability[i][d] = probability[o][d] == null ? null : probability[o][d].clone();
            }
        }
        return h;
    }
}
