package org.assay.forecast.internal;

import java.util.function.ToDoubleFunction;

/** The Nelder-Mead simplex method (standard coefficients), for the few smoothing parameters of a model. */
final class NelderMead {

    private NelderMead() {
    }

    /** A point near a local minimum of {@code f}, after at most {@code iterations} steps. */
    static double[] minimize(ToDoubleFunction<double[]> f, double[] start, int iterations) {
        int n = start.length;
        double[][] simplex = new double[n + 1][];
        double[] values = new double[n + 1];
        simplex[0] = start.clone();
        for (int i = 0; i < n; i++) {
            double[] p = start.clone();
            p[i] += 1.0;
            simplex[i + 1] = p;
        }
        for (int i = 0; i <= n; i++) {
            values[i] = f.applyAsDouble(simplex[i]);
        }
        for (int it = 0; it < iterations; it++) {
            sort(simplex, values);
            if (Math.abs(values[n] - values[0]) <= 1e-10 * (Math.abs(values[0]) + 1e-10)) {
                break;
            }
            double[] centroid = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    centroid[j] += simplex[i][j] / n;
                }
            }
            double[] reflected = along(centroid, simplex[n], -1);
            double r = f.applyAsDouble(reflected);
            if (r < values[0]) {
                double[] expanded = along(centroid, simplex[n], -2);
                double e = f.applyAsDouble(expanded);
                replace(simplex, values, n, e < r ? expanded : reflected, Math.min(e, r));
            } else if (r < values[n - 1]) {
                replace(simplex, values, n, reflected, r);
            } else {
                double[] contracted = along(centroid, simplex[n], r < values[n] ? -0.5 : 0.5);
                double c = f.applyAsDouble(contracted);
                if (c < Math.min(r, values[n])) {
                    replace(simplex, values, n, contracted, c);
                } else {
                    for (int i = 1; i <= n; i++) {
                        simplex[i] = along(simplex[0], simplex[i], 0.5);
                        values[i] = f.applyAsDouble(simplex[i]);
                    }
                }
            }
        }
        sort(simplex, values);
        return simplex[0];
    }

    /** from + t (to - from), coordinate-wise. */
    private static double[] along(double[] from, double[] to, double t) {
        double[] p = new double[from.length];
        for (int j = 0; j < p.length; j++) {
            p[j] = from[j] + t * (to[j] - from[j]);
        }
        return p;
    }

    private static void replace(double[][] simplex, double[] values, int i, double[] point, double value) {
        simplex[i] = point;
        values[i] = value;
    }

    private static void sort(double[][] simplex, double[] values) {
        for (int i = 1; i < values.length; i++) {
            double v = values[i];
            double[] p = simplex[i];
            int j = i - 1;
            while (j >= 0 && values[j] > v) {
                values[j + 1] = values[j];
                simplex[j + 1] = simplex[j];
                j--;
            }
            values[j + 1] = v;
            simplex[j + 1] = p;
        }
    }
}
