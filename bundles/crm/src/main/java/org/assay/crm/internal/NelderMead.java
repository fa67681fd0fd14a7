package org.assay.crm.internal;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/** Nelder-Mead minimisation (standard coefficients 1, 2, 0.5, 0.5); non-finite values count as +infinity. */
final class NelderMead {

    record Result(double[] x, double value, int iterations, boolean converged) { }

    private NelderMead() {
    }

    static Result minimise(ToDoubleFunction<double[]> f, double[] start, double step, int maxIterations,
            double tolerance) {
        int n = start.length;
        double[][] simplex = new double[n + 1][];
        double[] values = new double[n + 1];
        simplex[0] = start.clone();
        for (int i = 0; i < n; i++) {
            simplex[i + 1] = start.clone();
            simplex[i + 1][i] += step;
        }
        for (int i = 0; i <= n; i++) {
            values[i] = eval(f, simplex[i]);
        }
        int it = 0;
        boolean converged = false;
        while (it < maxIterations) {
            it++;
            Integer[] order = new Integer[n + 1];
            for (int i = 0; i <= n; i++) {
                order[i] = i;
            }
            double[] v = values;
            Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
            double[][] s = new double[n + 1][];
            double[] sv = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                s[i] = simplex[order[i]];
                sv[i] = values[order[i]];
            }
            simplex = s;
            values = sv;
            if (Math.abs(values[n] - values[0]) <= tolerance * (Math.abs(values[0]) + 1e-12)
                    && size(simplex) < 1e-8) {
                converged = true;
                break;
            }
            double[] centroid = new double[n];
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < n; d++) {
                    centroid[d] += simplex[i][d] / n;
                }
            }
            double[] reflected = along(centroid, simplex[n], -1);
            double fr = eval(f, reflected);
            if (fr < values[0]) {
                double[] expanded = along(centroid, simplex[n], -2);
                double fe = eval(f, expanded);
                if (fe < fr) {
                    simplex[n] = expanded;
                    values[n] = fe;
                } else {
                    simplex[n] = reflected;
                    values[n] = fr;
                }
            } else if (fr < values[n - 1]) {
                simplex[n] = reflected;
                values[n] = fr;
            } else {
                boolean outside = fr < values[n];
                double[] contracted = along(centroid, simplex[n], outside ? -0.5 : 0.5);
                double fc = eval(f, contracted);
                if (fc < (outside ? fr : values[n])) {
                    simplex[n] = contracted;
                    values[n] = fc;
                } else {
                    for (int i = 1; i <= n; i++) {
                        for (int d = 0; d < n; d++) {
                            simplex[i][d] = simplex[0][d] + 0.5 * (simplex[i][d] - simplex[0][d]);
                        }
                        values[i] = eval(f, simplex[i]);
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i <= n; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return new Result(simplex[best], values[best], it, converged);
    }

    /** centroid + t (worst - centroid). */
    private static double[] along(double[] centroid, double[] worst, double t) {
        double[] x = new double[centroid.length];
        for (int d = 0; d < x.length; d++) {
            x[d] = centroid[d] + t * (worst[d] - centroid[d]);
        }
        return x;
    }

    private static double size(double[][] simplex) {
        double max = 0;
        for (int i = 1; i < simplex.length; i++) {
            for (int d = 0; d < simplex[0].length; d++) {
                max = Math.max(max, Math.abs(simplex[i][d] - simplex[0][d]));
            }
        }
        return max;
    }

    private static double eval(ToDoubleFunction<double[]> f, double[] x) {
        double v = f.applyAsDouble(x);
        return Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
    }
}
